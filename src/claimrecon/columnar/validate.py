"""Checking a table of flat claim rows at the edge, a column at a time.

:func:`validate_table` checks every rule a :class:`~claimrecon.claim.Claim`
checks when it is built, without building one: counts and dates with Arrow
compute kernels over whole columns; units, enumerations, sides, dates written
as text and the names in chains once per *distinct* value (a million rows of
``"person"`` cost one call to :func:`~claimrecon.units.canonical_unit`).
Every bad row is reported at once, each with its line (the 1-based row
number), the claim's id and the field, in one
:class:`~claimrecon.errors.FormatError`.  A large table is checked a slice
of about a million rows at a time, sharing the table's buffers wherever a
column already has its canonical type, so memory stays close to the table's
own.

The table it returns has the columns of
:data:`~claimrecon.columnar.schema.CLAIM_SCHEMA` with their canonical types,
then any other columns unchanged.  It is read as a flat JSON row is read
(:func:`~claimrecon.io.rows.from_row`): a missing column or a null cell takes
the default (unit ``person``, side ``unknown``, category ``unspecified``,
outcome ``killed``, kind ``cumulative``, precision ``day``, status
``reported``; a missing rule is read from the bounds), units become the
registry's own names (``"people"`` is ``"person"``), and ``approx`` is
filled in from the rule.  Tables from pandas and polars are welcome: string
columns of any width, categoricals of any index type, whole-valued float
columns (pandas' way to hold a missing integer), ``datetime64`` dates at
midnight and ``date`` objects all read as the schema's types.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from claimrecon.columnar._arrow import rows_where
from claimrecon.columnar._checker import Checked, Checker
from claimrecon.errors import FormatError, RecordError

__all__ = [
    "SLICE_ROWS",
    "Checked",
    "check_slices",
    "check_table",
    "validate_slices",
    "validate_table",
]


def validate_table(table: pa.Table, *, source: str = "<table>") -> pa.Table:
    """The table in :data:`CLAIM_SCHEMA` form, or a :class:`FormatError` listing every bad row.

    ``source`` names the table in the error (a file's path).  Row ``i`` of
    the table is reported as line ``i + 1``.

    >>> import pyarrow as pa
    >>> from claimrecon.columnar import validate_table
    >>> table = validate_table(pa.table({"id": ["a"], "low": [3], "unit": ["people"]}))
    >>> table.column("unit").to_pylist(), table.column("rule").to_pylist()
    (['person'], ['at_least'])
    """
    return _valid(check_table(table), source)


def validate_slices(slices: Iterable[pa.Table], empty: pa.Table, *, source: str) -> pa.Table:
    """:func:`validate_table` for a table given a slice at a time, in order.

    :func:`~claimrecon.columnar.read_table` reads a Parquet file this way, a
    few row groups at a time: each slice as read is dropped once checked, so
    a file is never held twice, as read and as checked.  ``empty`` (a table
    of no rows with the slices' columns) is checked when there are no slices.
    """
    return _valid(check_slices(slices, empty), source)


def _valid(checked: Checked, source: str) -> pa.Table:
    if checked.errors:
        raise FormatError(source, sorted(checked.errors, key=_order))
    return checked.table


def _order(error: RecordError) -> tuple[int, str]:
    return (error.line or 0, error.field or "")


#: rows checked at a time: a large table is checked a slice at a time, in bounded memory
SLICE_ROWS = 1_000_000


def check_table(table: pa.Table) -> Checked:
    """Check a table without raising: :func:`validate_table`'s work, for callers that go on.

    A large table is checked a slice of about :data:`SLICE_ROWS` rows at a
    time (whole chunks where it can, so that nothing is copied), then ids are
    checked for repeats across the whole table.
    """
    return check_slices((table.slice(offset, length) for offset, length in _slices(table)), table)


def check_slices(slices: Iterable[pa.Table], empty: pa.Table) -> Checked:
    """:func:`check_table` for a table given a slice at a time, in order (``empty`` if none)."""
    parts: list[Checked] = []
    offset = 0
    for piece in slices:
        part = Checker(piece, offset).run()
        if part.broken:  # a bad column is bad in every slice: report it once
            return part
        parts.append(part)
        offset += piece.num_rows
        del piece  # checked: not held while the next slice is read
    if not parts:
        parts.append(Checker(empty, 0).run())
        if parts[0].broken:
            return parts[0]
    errors = [e for part in parts for e in part.errors]
    bad = set().union(*(part.bad_rows for part in parts))
    ids = pa.chunked_array(
        [c for part in parts for c in part.table.column("id").chunks], pa.string()
    )
    errors += _repeated_ids(ids, bad)
    schema = parts[0].table.schema
    if errors:  # bad cells are left null
        schema = pa.schema([f.with_nullable(True) for f in schema], metadata=schema.metadata)
    tables = [pa.Table.from_arrays(part.table.columns, schema=schema) for part in parts]
    merged = tables[0] if len(tables) == 1 else pa.concat_tables(tables)
    return Checked(merged, tuple(errors), frozenset(bad), False, parts[0].extra_columns)


def _slices(table: pa.Table) -> list[tuple[int, int]]:
    """``(offset, length)`` of slices of at least ``SLICE_ROWS`` rows, on chunk boundaries."""
    if not table.num_columns:
        return []
    bounds: list[tuple[int, int]] = []
    start = size = 0
    for chunk in table.column(0).chunks:
        size += len(chunk)
        if size >= SLICE_ROWS:
            bounds.append((start, size))
            start, size = start + size, 0
    if size or not bounds:
        bounds.append((start, size))
    return bounds


def _repeated_ids(ids: pa.ChunkedArray, bad: set[int]) -> list[RecordError]:
    """Each row whose id an earlier row already has, naming that row's line.

    The ids of a table of several slices are counted by polars, which hashes
    them on every core (10M ids: 0.8 s, against 1.2-1.8 s for Arrow's
    ``unique``); for fewer, importing polars would cost more than it saves.
    """
    if len(ids) > SLICE_ROWS:
        import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

        import polars as pl

        distinct = pl.Series(ids).n_unique()
    else:
        distinct = len(pc.unique(ids))
    distinct -= 1 if ids.null_count else 0
    if distinct == len(ids) - ids.null_count:
        return []
    counts = pc.value_counts(ids)
    repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    rows = rows_where(pc.is_in(ids, value_set=repeated))
    first: dict[str, int] = {}
    errors: list[RecordError] = []
    for row, value in zip(rows.to_pylist(), ids.take(rows).to_pylist(), strict=True):
        if value in first:
            message = f"repeats the id of line {first[value] + 1}: {value!r}"
            errors.append(RecordError(row + 1, "id", message, value))
            bad.add(row)
        else:
            first[value] = row
    return errors
