"""claimrecon: reconcile conflicting casualty claims.

Each casualty figure is a sourced, dated :class:`Claim`; claimrecon compares
claims, attributes them to their original claimants, flags divergent and
suspect counts, and reconciles a low/best/high estimate with a trace.
"""

from claimrecon.attribution import Attribution, Source, Stance, Statement, attribute
from claimrecon.claim import (
    Category,
    Claim,
    Evidence,
    Hop,
    Kind,
    Outcome,
    Period,
    Precision,
    Status,
    Subject,
)
from claimrecon.columnar.engine import PreparedClaims, prepare_claims
from claimrecon.compare import Comparison, Relation, compare
from claimrecon.errors import (
    ArgumentError,
    ClaimReconError,
    DuplicateIdError,
    FormatError,
    InvalidClaimError,
    ParseError,
    RecordError,
    UnitMismatchError,
)
from claimrecon.extract import extract
from claimrecon.figure import ACLED_TABLE, DEFAULT_TABLE, Figure, QualifierTable, Rule
from claimrecon.flags import Flag, Severity, flag
from claimrecon.frames import from_arrow, from_pandas, from_polars, to_arrow, to_pandas, to_polars
from claimrecon.io import read_claims, write_claims
from claimrecon.reconcile import Estimate, Grade, Policy, TraceEntry, reconcile
from claimrecon.seeds import load_seeds
from claimrecon.sides import DEFAULT_SIDES, SideRegistry
from claimrecon.units import ureg

__all__ = [
    "ACLED_TABLE",
    "DEFAULT_SIDES",
    "DEFAULT_TABLE",
    "ArgumentError",
    "Attribution",
    "Category",
    "Claim",
    "ClaimReconError",
    "Comparison",
    "DuplicateIdError",
    "Estimate",
    "Evidence",
    "Figure",
    "Flag",
    "FormatError",
    "Grade",
    "Hop",
    "InvalidClaimError",
    "Kind",
    "Outcome",
    "ParseError",
    "Period",
    "Policy",
    "Precision",
    "PreparedClaims",
    "QualifierTable",
    "RecordError",
    "Relation",
    "Rule",
    "Severity",
    "SideRegistry",
    "Source",
    "Stance",
    "Statement",
    "Status",
    "Subject",
    "TraceEntry",
    "UnitMismatchError",
    "attribute",
    "compare",
    "extract",
    "flag",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "load_seeds",
    "prepare_claims",
    "read_claims",
    "reconcile",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "ureg",
    "write_claims",
]

__version__ = "0.1.0"
