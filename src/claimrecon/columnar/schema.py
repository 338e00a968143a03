"""The Arrow schema of the flat claim row: a column for each of ``io.rows.COLUMNS``.

The columns and their Arrow types, chosen so that a table of claims is
lossless and cheap to group by:

* counts (``low``, ``high``, ``stated``) and the evidence span
  (``evidence_start``, ``evidence_end``) are nullable ``int64``, never
  floats: a missing ``high`` is an open upper bound, not ``NaN``;
* units and enumerations (``unit``, ``rule``, ``claimant_side``,
  ``subject_side``, ``category``, ``outcome``, ``kind``, ``precision``,
  ``status``) are ``dictionary<int32, string>``: a handful of distinct values
  over millions of rows, checked once per distinct value;
* ``as_of`` and ``period_start`` are ``date32`` (days, no time of day);
* ``published`` and each entry of ``reported_dates`` stay ISO-8601 **text**
  (``"2020-10-21"`` or ``"2020-10-21T09:20:00+07:00"``), exactly as
  :func:`~claimrecon.io.rows.to_row` writes them.  A moment may be a bare date
  or a datetime with its own UTC offset; an Arrow timestamp column has one
  time zone and no way to say "a date, no time", so it would either invent a
  time or lose the offset the outlet printed;
* ``reported_by``, ``reported_dates`` and ``disputed_by`` are
  ``list<string>`` (outermost hop first); ``reported_dates`` has one entry per
  hop, ``null`` for an undated hop;
* ``approx`` is ``bool``; every other column is ``string``;
* ``extra`` (:data:`EXTRA_COLUMN`) holds a claim's extra columns as one JSON
  object per row (``null`` when it has none), in the claim's order.  A JSON
  object keeps the order of the keys, ``null`` apart from a missing key, text
  apart from numbers, and integers of any size, so every JSON-native extra
  value (text, integers, floats, booleans, ``None``, lists, objects) survives
  the round trip; per-key columns would have to guess one type per column
  and lose the order.  ``extra`` is therefore a reserved column name; any
  *other* column a table carries is read as an extra column too.

``polars`` reads the dictionary columns as ``Categorical`` and ``date32`` as
``Date``; pandas (through :mod:`claimrecon.frames`) as ``category`` and
``ArrowDtype`` columns.
"""

from __future__ import annotations

import pyarrow as pa

from claimrecon.columnar.columns import (
    BOOL_COLUMNS,
    CLAIM_COLUMNS,
    DATE_COLUMNS,
    DICTIONARY_COLUMNS,
    EXTRA_COLUMN,
    INTEGER_COLUMNS,
    LIST_COLUMNS,
    SCHEMA_VERSION,
    TEXT_COLUMNS,
)
from claimrecon.io.rows import COLUMNS as COLUMNS  # reachable from here, as it always was

__all__ = [
    "BOOL_COLUMNS",
    "CLAIM_SCHEMA",
    "DATE_COLUMNS",
    "DICTIONARY_COLUMNS",
    "DICTIONARY_TYPE",
    "EXTRA_COLUMN",
    "INTEGER_COLUMNS",
    "LIST_COLUMNS",
    "LIST_TYPE",
    "RECORD_SCHEMA",
    "SCHEMA_VERSION",
    "TEXT_COLUMNS",
]

#: the Arrow type of units and enumerations
DICTIONARY_TYPE = pa.dictionary(pa.int32(), pa.string())
#: the Arrow type of the list columns
LIST_TYPE = pa.list_(pa.string())

#: columns that are never null in a table that :func:`~claimrecon.columnar.validate_table` returns
_NOT_NULL = frozenset({"id", "low", "approx", *DICTIONARY_COLUMNS, *LIST_COLUMNS})


def _type(column: str) -> pa.DataType:
    if column in INTEGER_COLUMNS:
        return pa.int64()
    if column in DICTIONARY_COLUMNS:
        return DICTIONARY_TYPE
    if column in DATE_COLUMNS:
        return pa.date32()
    if column in LIST_COLUMNS:
        return LIST_TYPE
    if column in BOOL_COLUMNS:
        return pa.bool_()
    return pa.string()


#: the flat claim row as Arrow: every column of ``COLUMNS`` in order, then ``extra``
CLAIM_SCHEMA: pa.Schema = pa.schema(
    [pa.field(c, _type(c), nullable=c not in _NOT_NULL) for c in CLAIM_COLUMNS],
    metadata={"claimrecon.schema": SCHEMA_VERSION},
)

#: the flat row's columns as a JSON or CSV record holds them, for reading such records as one
#: table: names and dates as text, counts as integers, ``approx`` true or false, lists of text
RECORD_SCHEMA: pa.Schema = pa.schema(
    [
        pa.field(c, pa.string() if c in DICTIONARY_COLUMNS or c in DATE_COLUMNS else _type(c))
        for c in COLUMNS
    ]
)
