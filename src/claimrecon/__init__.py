"""claimrecon: reconcile conflicting casualty claims.

Each casualty figure is a sourced, dated :class:`Claim`; claimrecon compares
claims, attributes them to their original claimants, flags divergent and
suspect counts, and reconciles a low/best/high estimate with a trace.
"""

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
from claimrecon.errors import (
    ClaimReconError,
    DuplicateIdError,
    FormatError,
    InvalidClaimError,
    ParseError,
    RecordError,
    UnitMismatchError,
)
from claimrecon.figure import ACLED_TABLE, DEFAULT_TABLE, Figure, QualifierTable, Rule
from claimrecon.io import read_claims, write_claims
from claimrecon.seeds import load_seeds
from claimrecon.sides import DEFAULT_SIDES, SideRegistry
from claimrecon.units import ureg

__all__ = [
    "ACLED_TABLE",
    "DEFAULT_SIDES",
    "DEFAULT_TABLE",
    "Category",
    "Claim",
    "ClaimReconError",
    "DuplicateIdError",
    "Evidence",
    "Figure",
    "FormatError",
    "Hop",
    "InvalidClaimError",
    "Kind",
    "Outcome",
    "ParseError",
    "Period",
    "Precision",
    "QualifierTable",
    "RecordError",
    "Rule",
    "SideRegistry",
    "Status",
    "Subject",
    "UnitMismatchError",
    "load_seeds",
    "read_claims",
    "ureg",
    "write_claims",
]

__version__ = "0.1.0"
