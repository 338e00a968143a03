"""Reading a large file of flat records as one table, the way the record reader reads it.

A file of a megabyte or more (a few thousand claims) is first read a column at
a time into an Arrow table of :data:`~claimrecon.columnar.schema.RECORD_SCHEMA`,
which is checked and built into claims as any table is
(:func:`~claimrecon.columnar.table_to_claims`): about twice as fast as a
record at a time. The readers keep the record-by-record path for smaller
files, and for any file that does not read cleanly as a table: that path
names every bad line. Both give the same claims (property tests).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from claimrecon.claim import Claim
from claimrecon.errors import FormatError

__all__ = ["TABLE_BYTES", "claims_of_columns", "is_large"]

#: from this size on, a reader first reads a file as one table
TABLE_BYTES = 1 << 20


def is_large(path: str | os.PathLike[str]) -> bool:
    """Whether a file is worth reading as one table first."""
    try:
        return os.stat(path).st_size >= TABLE_BYTES
    except OSError:  # the record-by-record reader says why
        return False


def claims_of_columns(
    columns: Mapping[str, Sequence[Any]],
    height: int,
    convert: Callable[[str, Any], Any],
    source: str,
) -> list[Claim] | None:
    """The claims of a table of text cells, or ``None`` unless every cell and row is good.

    ``columns`` maps some of the flat row's columns to their cells (a column
    not given is empty, as a record without it); ``convert(name, cell)`` turns
    one cell into its value for :data:`RECORD_SCHEMA`, raising ``ValueError``
    or ``TypeError`` for a cell it cannot read. Each distinct cell of a column
    is converted once. A cell Arrow cannot hold (a count beyond 64 bits) or
    text that is not UTF-8 gives ``None`` too: the record reader says why.
    """
    import pyarrow as pa

    from claimrecon.columnar.convert import table_to_claims
    from claimrecon.columnar.schema import RECORD_SCHEMA

    arrays = []
    for field in RECORD_SCHEMA:
        cells = columns.get(field.name)
        if cells is None:
            arrays.append(pa.nulls(height, field.type))
            continue
        try:
            made = {cell: convert(field.name, cell) for cell in set(cells)}
            arrays.append(pa.array(list(map(made.__getitem__, cells)), field.type))
        except (ValueError, TypeError, OverflowError, pa.ArrowException):
            return None
    try:
        return table_to_claims(pa.Table.from_arrays(arrays, schema=RECORD_SCHEMA), source=source)
    except (FormatError, UnicodeError):
        return None
