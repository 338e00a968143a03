"""claimrecon: reconcile conflicting casualty claims.

Each casualty figure is a sourced, dated :class:`Claim`; claimrecon compares
claims, attributes them to their original claimants, flags divergent and
suspect counts, and reconciles a low/best/high estimate with a trace.
"""

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from claimrecon._lazy import facade

if TYPE_CHECKING:
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
        MissingDependencyError,
        ParseError,
        RecordError,
        UnitMismatchError,
    )
    from claimrecon.extract import extract
    from claimrecon.figure import ACLED_TABLE, DEFAULT_TABLE, Figure, QualifierTable, Rule
    from claimrecon.flags import Flag, Severity, flag
    from claimrecon.frames import (
        from_arrow,
        from_pandas,
        from_polars,
        to_arrow,
        to_pandas,
        to_polars,
    )
    from claimrecon.io import read_claims, write_claims
    from claimrecon.reconcile import Estimate, Grade, Policy, TraceEntry, reconcile
    from claimrecon.seeds import load_seeds
    from claimrecon.sides import DEFAULT_SIDES, SideRegistry
    from claimrecon.units import ureg

# Each public name -> the module defining it.  A name is imported on first use
# (PEP 562), so that ``import claimrecon`` and the import of one part (the
# columnar engine, say) load only the modules they need.
_EXPORTS: dict[str, str] = {
    "Attribution": "claimrecon.attribution",
    "Source": "claimrecon.attribution",
    "Stance": "claimrecon.attribution",
    "Statement": "claimrecon.attribution",
    "attribute": "claimrecon.attribution",
    "Category": "claimrecon.claim",
    "Claim": "claimrecon.claim",
    "Evidence": "claimrecon.claim",
    "Hop": "claimrecon.claim",
    "Kind": "claimrecon.claim",
    "Outcome": "claimrecon.claim",
    "Period": "claimrecon.claim",
    "Precision": "claimrecon.claim",
    "Status": "claimrecon.claim",
    "Subject": "claimrecon.claim",
    "PreparedClaims": "claimrecon.columnar.engine",
    "prepare_claims": "claimrecon.columnar.engine",
    "Comparison": "claimrecon.compare",
    "Relation": "claimrecon.compare",
    "compare": "claimrecon.compare",
    "ArgumentError": "claimrecon.errors",
    "ClaimReconError": "claimrecon.errors",
    "DuplicateIdError": "claimrecon.errors",
    "FormatError": "claimrecon.errors",
    "InvalidClaimError": "claimrecon.errors",
    "MissingDependencyError": "claimrecon.errors",
    "ParseError": "claimrecon.errors",
    "RecordError": "claimrecon.errors",
    "UnitMismatchError": "claimrecon.errors",
    "extract": "claimrecon.extract",
    "ACLED_TABLE": "claimrecon.figure",
    "DEFAULT_TABLE": "claimrecon.figure",
    "Figure": "claimrecon.figure",
    "QualifierTable": "claimrecon.figure",
    "Rule": "claimrecon.figure",
    "Flag": "claimrecon.flags",
    "Severity": "claimrecon.flags",
    "flag": "claimrecon.flags",
    "from_arrow": "claimrecon.frames",
    "from_pandas": "claimrecon.frames",
    "from_polars": "claimrecon.frames",
    "to_arrow": "claimrecon.frames",
    "to_pandas": "claimrecon.frames",
    "to_polars": "claimrecon.frames",
    "read_claims": "claimrecon.io",
    "write_claims": "claimrecon.io",
    "Estimate": "claimrecon.reconcile",
    "Grade": "claimrecon.reconcile",
    "Policy": "claimrecon.reconcile",
    "TraceEntry": "claimrecon.reconcile",
    "reconcile": "claimrecon.reconcile",
    "load_seeds": "claimrecon.seeds",
    "DEFAULT_SIDES": "claimrecon.sides",
    "SideRegistry": "claimrecon.sides",
    "ureg": "claimrecon.units",
}

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
    "MissingDependencyError",
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


__getattr__, __dir__ = facade(__name__, _EXPORTS, __all__)


class _Package(ModuleType):
    """The package module, which keeps its functions named like its modules.

    Importing ``claimrecon.compare`` binds that module to the name ``compare``
    of the package; ``claimrecon.compare`` stays the function :func:`compare`
    (likewise ``extract`` and ``reconcile``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and _EXPORTS.get(name) == f"{__name__}.{name}":
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
