"""The columns of a table of claims, by name and by kind, without pyarrow.

The names the engine and the polars gate need to read a table of claims;
:mod:`~claimrecon.columnar.schema` gives each kind its Arrow type and
re-exports these names.  Importing this module loads no table library, so
that a canonical Parquet file goes from disk to the engine with polars alone.
"""

from __future__ import annotations

from claimrecon.io.rows import COLUMNS, COUNT_COLUMNS

__all__ = [
    "BOOL_COLUMNS",
    "CLAIM_COLUMNS",
    "DATE_COLUMNS",
    "DICTIONARY_COLUMNS",
    "EXTRA_COLUMN",
    "INTEGER_COLUMNS",
    "LIST_COLUMNS",
    "SCHEMA_VERSION",
    "TEXT_COLUMNS",
]

#: the column holding every extra column of a claim, as one JSON object per row
EXTRA_COLUMN = "extra"
#: the version of the layout of :data:`~claimrecon.columnar.schema.CLAIM_SCHEMA`, stored in
#: the schema's metadata
SCHEMA_VERSION = "1"

#: every column of a table of claims, in order: each of ``io.rows.COLUMNS``, then ``extra``
#: (the names of :data:`~claimrecon.columnar.schema.CLAIM_SCHEMA`)
CLAIM_COLUMNS: tuple[str, ...] = (*COLUMNS, EXTRA_COLUMN)

INTEGER_COLUMNS = COUNT_COLUMNS
DICTIONARY_COLUMNS: tuple[str, ...] = (
    "claimant_side",
    "subject_side",
    "category",
    "outcome",
    "unit",
    "rule",
    "kind",
    "precision",
    "status",
)
DATE_COLUMNS: tuple[str, ...] = ("as_of", "period_start")
LIST_COLUMNS: tuple[str, ...] = ("reported_by", "reported_dates", "disputed_by")
BOOL_COLUMNS: tuple[str, ...] = ("approx",)
TEXT_COLUMNS: tuple[str, ...] = tuple(
    c
    for c in CLAIM_COLUMNS
    if c not in (*INTEGER_COLUMNS, *DICTIONARY_COLUMNS, *DATE_COLUMNS, *LIST_COLUMNS, *BOOL_COLUMNS)
)
