"""The bulk path: claims as Arrow tables of flat rows, checked a column at a time.

* :data:`CLAIM_SCHEMA` (in :mod:`~claimrecon.columnar.schema`): the flat claim
  row as Arrow types;
* :func:`claims_to_table` and :func:`table_to_claims`: lossless, both ways;
* :func:`validate_table`: every rule of the model checked over whole columns,
  every bad row reported at once;
* :func:`read_table` and :func:`write_table`: Parquet and Arrow IPC files,
  written atomically, a Parquet file sealed once checked
  (:mod:`~claimrecon.columnar.seal`: the engine reads it without a second
  check while no byte of it changes);
* :func:`synthetic_table`: realistic synthetic claims for tests and benchmarks;
* :func:`flag_texts`, :func:`write_flags_csv` and :func:`write_flags_json`: a
  flag table's flags as text and as the CSV and JSON files ``claimrecon flag``
  writes, without a flag object each;
* :func:`estimate_texts`, :func:`write_estimates_csv` and
  :func:`write_estimates_json`: the same for an estimate table and
  ``claimrecon reconcile``.
"""

from typing import TYPE_CHECKING

from claimrecon._lazy import facade

if TYPE_CHECKING:
    from claimrecon.columnar.columns import EXTRA_COLUMN
    from claimrecon.columnar.convert import (
        claims_to_table,
        read_table,
        table_to_claims,
        write_table,
    )
    from claimrecon.columnar.estimate_texts import (
        estimate_texts,
        write_estimates_csv,
        write_estimates_json,
    )
    from claimrecon.columnar.schema import CLAIM_SCHEMA
    from claimrecon.columnar.synthetic import synthetic_batches, synthetic_table
    from claimrecon.columnar.texts import flag_texts, write_flags_csv, write_flags_json
    from claimrecon.columnar.validate import validate_table
    from claimrecon.errors import MissingDependencyError

# Each public name -> the module defining it.  A name is imported on first use
# (PEP 562), so that importing the engine (claimrecon.columnar.engine), which
# reads canonical Parquet files with polars alone, does not load pyarrow.
_EXPORTS: dict[str, str] = {
    "CLAIM_SCHEMA": "claimrecon.columnar.schema",
    "EXTRA_COLUMN": "claimrecon.columnar.columns",
    "MissingDependencyError": "claimrecon.errors",
    "claims_to_table": "claimrecon.columnar.convert",
    "estimate_texts": "claimrecon.columnar.estimate_texts",
    "flag_texts": "claimrecon.columnar.texts",
    "read_table": "claimrecon.columnar.convert",
    "synthetic_batches": "claimrecon.columnar.synthetic",
    "synthetic_table": "claimrecon.columnar.synthetic",
    "table_to_claims": "claimrecon.columnar.convert",
    "validate_table": "claimrecon.columnar.validate",
    "write_estimates_csv": "claimrecon.columnar.estimate_texts",
    "write_estimates_json": "claimrecon.columnar.estimate_texts",
    "write_flags_csv": "claimrecon.columnar.texts",
    "write_flags_json": "claimrecon.columnar.texts",
    "write_table": "claimrecon.columnar.convert",
}

__all__ = [
    "CLAIM_SCHEMA",
    "EXTRA_COLUMN",
    "MissingDependencyError",
    "claims_to_table",
    "estimate_texts",
    "flag_texts",
    "read_table",
    "synthetic_batches",
    "synthetic_table",
    "table_to_claims",
    "validate_table",
    "write_estimates_csv",
    "write_estimates_json",
    "write_flags_csv",
    "write_flags_json",
    "write_table",
]


__getattr__, __dir__ = facade(__name__, _EXPORTS, __all__)
