"""The bulk path: claims as Arrow tables of flat rows, checked a column at a time.

* :data:`CLAIM_SCHEMA` (in :mod:`~claimrecon.columnar.schema`): the flat claim
  row as Arrow types;
* :func:`claims_to_table` and :func:`table_to_claims`: lossless, both ways;
* :func:`validate_table`: every rule of the model checked over whole columns,
  every bad row reported at once;
* :func:`read_table` and :func:`write_table`: Parquet and Arrow IPC files,
  written atomically;
* :func:`synthetic_table`: realistic synthetic claims for tests and benchmarks.
"""

from claimrecon.columnar._optional import MissingDependencyError
from claimrecon.columnar.convert import claims_to_table, read_table, table_to_claims, write_table
from claimrecon.columnar.schema import CLAIM_SCHEMA, EXTRA_COLUMN
from claimrecon.columnar.synthetic import synthetic_batches, synthetic_table
from claimrecon.columnar.validate import validate_table

__all__ = [
    "CLAIM_SCHEMA",
    "EXTRA_COLUMN",
    "MissingDependencyError",
    "claims_to_table",
    "read_table",
    "synthetic_batches",
    "synthetic_table",
    "table_to_claims",
    "validate_table",
    "write_table",
]
