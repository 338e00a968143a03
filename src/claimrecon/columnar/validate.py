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

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from claimrecon.claim import (
    ALL_SIDES,
    EQUIPMENT_OUTCOMES,
    LIST_SEPARATOR,
    PEOPLE_OUTCOMES,
    UNKNOWN,
    Category,
    Hop,
    Kind,
    Outcome,
    Precision,
    Status,
    Subject,
)
from claimrecon.columnar._rules import ENUM_WORDS, STRIP_SPACE, json_object
from claimrecon.columnar.schema import (
    CLAIM_SCHEMA,
    EXTRA_COLUMN,
    LIST_TYPE,
)
from claimrecon.errors import FormatError, InvalidClaimError, RecordError
from claimrecon.figure import APPROXIMATE_RULES, Rule
from claimrecon.io.rows import REQUIRED, _as_date, _as_moment, _local_day
from claimrecon.units import canonical_unit, is_equipment

__all__ = [
    "SLICE_ROWS",
    "Checked",
    "check_slices",
    "check_table",
    "validate_slices",
    "validate_table",
]

_DEFAULTS: dict[str, str] = {
    "claimant_side": UNKNOWN,
    "subject_side": UNKNOWN,
    "category": Category.UNSPECIFIED.value,
    "outcome": Outcome.KILLED.value,
    "unit": "person",
    "kind": Kind.CUMULATIVE.value,
    "precision": Precision.DAY.value,
    "status": Status.REPORTED.value,
}


@attrs.frozen
class Checked:
    """What :func:`check_table` found: the canonical table, the errors, the bad rows."""

    table: pa.Table
    errors: tuple[RecordError, ...]
    bad_rows: frozenset[int]
    #: whether a whole column is unusable (a missing required column, a wrong type)
    broken: bool
    #: columns that are not part of the flat row: the table's own extra columns
    extra_columns: tuple[str, ...]


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
        part = _Checker(piece, offset).run()
        if part.broken:  # a bad column is bad in every slice: report it once
            return part
        parts.append(part)
        offset += piece.num_rows
        del piece  # checked: not held while the next slice is read
    if not parts:
        parts.append(_Checker(empty, 0).run())
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
    rows = _rows_where(pc.is_in(ids, value_set=repeated))
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


def _is_view(t: pa.DataType, kind: str) -> bool:
    """Whether ``t`` is a view type (``string_view``, ``list_view``: pyarrow 16 and later)."""
    test = getattr(pa.types, f"is_{kind}_view", None)
    return bool(test is not None and test(t))


def _is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or _is_view(t, "string"))


def _is_text_like(t: pa.DataType) -> bool:
    """Text, or a dictionary of text (or of nulls: pandas' empty ``category`` column)."""
    return _is_text(t) or (
        pa.types.is_dictionary(t) and (_is_text(t.value_type) or pa.types.is_null(t.value_type))
    )


def _all_null(t: pa.DataType) -> bool:
    return bool(
        pa.types.is_null(t) or (pa.types.is_dictionary(t) and pa.types.is_null(t.value_type))
    )


def _is_list(t: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(t)
        or pa.types.is_large_list(t)
        or _is_view(t, "list")
        or _is_view(t, "large_list")
    )


def _single(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """One contiguous array (dictionary chunks are unified)."""
    if isinstance(column, pa.ChunkedArray):
        if column.num_chunks == 1:
            return column.chunk(0)
        return column.combine_chunks()
    return column


def _encode(column: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, list[Any]]:
    """``(indices, distinct values)``: indices int32, null where the cell is null.

    A dictionary column (a Parquet file read by :func:`~claimrecon.columnar.read_table`,
    a pandas or polars categorical) keeps its own dictionary, unless that
    dictionary holds a null or one value twice: then equal values would not
    share one code, and it is encoded afresh.
    """
    array = _single(column)
    if pa.types.is_dictionary(array.type):
        words = array.dictionary
        if not words.null_count and len(pc.unique(words)) == len(words):
            return array.indices.cast(pa.int32()), words.to_pylist()
        array = array.cast(words.type)
    array = pc.dictionary_encode(array)
    return array.indices.cast(pa.int32()), array.dictionary.to_pylist()


def _decoded_lists(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A list column of dictionary-encoded text, without nulls, as ``list<string>``.

    Decoded a chunk at a time from the chunk's own entries: the chunks of a
    column read from Parquet are slices of one array, and Arrow's cast would
    decode every chunk's whole backing array.
    """
    chunks = []
    for chunk in column.chunks:
        offsets = chunk.offsets
        if len(offsets) and offsets[0].as_py():
            offsets = pc.subtract(offsets, offsets[0])
        values = pc.list_flatten(chunk).cast(pa.string())
        chunks.append(pa.ListArray.from_arrays(offsets.cast(pa.int32()), values))
    return pa.chunked_array(chunks, LIST_TYPE)


def _repeated_rows(codes: pa.Array, parents: pa.Array, lengths: pa.Array) -> pa.Array:
    """The rows (ascending) whose list holds one code twice; null codes are not compared.

    ``codes`` are a list column's entries in order, ``parents`` their rows and
    ``lengths`` each row's length.  Pass ``d`` compares each entry with the one
    ``d`` places on, where both are in one row: most chains have one or two
    hops, so this is one or two cheap passes over the entries.  Whenever ``d``
    reaches a power of two, only the entries of rows longer than ``d`` are kept,
    so that a few long chains do not cost a pass over every entry per hop.
    """
    found: list[pa.Array] = []
    distance = 1
    while len(codes) > distance:
        same_row = pc.equal(parents[:-distance], parents[distance:])
        if not pc.any(same_row).as_py():
            break
        same = pc.and_(same_row, pc.equal(codes[:-distance], codes[distance:]))
        found.append(pc.filter(parents[:-distance], _mask(same)).cast(pa.int64()))
        distance += 1
        if distance >= 4 and not distance & (distance - 1):
            longer = pc.greater(pc.take(lengths, parents), pa.scalar(distance, lengths.type))
            codes, parents = pc.filter(codes, longer), pc.filter(parents, longer)
    rows = pc.unique(pa.concat_arrays([pa.array([], pa.int64()), *found]))
    return rows.take(pc.sort_indices(rows))


def _used(indices: pa.Array) -> list[int]:
    """The dictionary entries the rows use (a dictionary may carry unused ones).

    They come in the order the rows first use them, which is the order of the
    dictionaries :func:`validate_table` builds from them.
    """
    return [i for i in pc.unique(indices).to_pylist() if i is not None]


def _mask(value: Any) -> Any:
    return pc.fill_null(value, False)


def _rows_where(mask: Any) -> pa.Array:
    """The row numbers where ``mask`` holds (a null counts as false).

    An empty mask gives none without asking pyarrow: before pyarrow 26,
    ``indices_nonzero`` of an empty chunked array crashes the interpreter.
    """
    if len(mask) == 0:
        return pa.array([], pa.uint64())
    return pc.indices_nonzero(_mask(mask))


class _Checker:
    """One pass over a table: normalize each column, then check the rules between columns."""

    def __init__(self, table: pa.Table, offset: int = 0) -> None:
        self.source = table
        #: the row number of this slice's first row in the whole table
        self.offset = offset
        self.names: list[str] = table.column_names
        self.n = table.num_rows
        self.errors: list[RecordError] = []
        self.bad: set[int] = set()
        self.broken = False
        self.ids: pa.Array = pa.nulls(self.n, pa.string())
        self.out: dict[str, Any] = {}
        #: per dictionary column, the dictionary entries (of the source) that were bad
        self.invalid: dict[str, Any] = {}
        #: text and list columns the table holds dictionary-encoded, as they came: their
        #: checks run once per distinct value, while ``out`` holds them as plain text
        self.coded: dict[str, pa.ChunkedArray] = {}

    # -- reporting ------------------------------------------------------------

    def column_error(self, field: str, message: str) -> None:
        self.errors.append(RecordError(None, field, message))
        self.broken = True

    def report(
        self,
        field: str,
        rows: pa.Array,
        rule: str,
        values: pa.Array | pa.ChunkedArray | list[Any],
        details: pa.Array | pa.ChunkedArray | None = None,
    ) -> None:
        """One error per entry of ``rows`` (0-based row numbers), ``values`` aligned with them.

        ``rule`` may hold ``{}``, filled with the matching entry of ``details``.
        """
        positions: list[int] = rows.to_pylist()
        if not positions:
            return
        shown = [_shown(v) for v in (values if isinstance(values, list) else values.to_pylist())]
        filled = [_shown(v) for v in details.to_pylist()] if details is not None else None
        records = self.ids.take(rows).to_pylist()
        for k, (row, value, record) in enumerate(zip(positions, shown, records, strict=True)):
            text = rule.format(filled[k]) if filled is not None else rule
            line = self.offset + row + 1
            self.errors.append(RecordError(line, field, f"{text}: {value!r}", record or None))
            self.bad.add(self.offset + row)

    def where(
        self,
        field: str,
        mask: Any,
        rule: str,
        values: pa.Array | pa.ChunkedArray,
        details: pa.Array | pa.ChunkedArray | None = None,
    ) -> None:
        """Report the rows where ``mask`` holds, showing each row's entry of ``values``."""
        rows = _rows_where(mask)
        if len(rows):
            self.report(
                field,
                rows,
                rule,
                values.take(rows),
                None if details is None else details.take(rows),
            )

    # -- columns --------------------------------------------------------------

    def raw(self, name: str) -> pa.ChunkedArray | None:
        if name not in self.names or self.names.count(name) > 1:
            return None  # a repeated column is reported once, in run()
        return self.source.column(name)

    def text(self, name: str, *, dates: bool = False) -> pa.Array:
        column = self.raw(name)
        if column is None or _all_null(column.type):
            return pa.nulls(self.n, pa.string())
        kind = column.type
        if _is_text_like(kind) or (
            dates and (pa.types.is_date32(kind) or pa.types.is_date64(kind))
        ):
            if pa.types.is_dictionary(kind):
                self.coded[name] = column
            return column.cast(pa.string())  # zero-copy when it is text already
        wanted = "ISO-8601 text or a date column" if dates else "a text column"
        self.column_error(name, f"must be {wanted}, not {kind}")
        return pa.nulls(self.n, pa.string())

    def integer(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.int64())
        kind = column.type
        array = column
        if pa.types.is_integer(kind):
            if pa.types.is_uint64(kind):
                over = pc.greater(array, pa.scalar(2**63 - 1, pa.uint64()))
                self.where(name, over, "must fit a 64-bit integer", array)
                array = pc.if_else(over, None, array)
            return array.cast(pa.int64())
        if pa.types.is_floating(kind):
            bad = pc.invert(
                pc.and_(
                    pc.equal(pc.floor(array), array),
                    pc.and_(pc.greater_equal(array, -(2.0**63)), pc.less(array, 2.0**63)),
                )
            )
            self.where(name, bad, "must be a whole number", array)
            return pc.if_else(_mask(bad), None, array).cast(pa.int64())
        self.column_error(name, f"must be an integer column (int64), not {kind}")
        return pa.nulls(self.n, pa.int64())

    def boolean(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.bool_())
        if pa.types.is_boolean(column.type):
            return column
        self.column_error(name, f"must be a boolean column, not {column.type}")
        return pa.nulls(self.n, pa.bool_())

    def day(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.date32())
        kind = column.type
        array = column
        if pa.types.is_date32(kind) or pa.types.is_date64(kind):
            return array.cast(pa.date32())
        if pa.types.is_timestamp(kind) and kind.tz is None:
            days = array.cast(pa.date32())
            timed = pc.not_equal(days.cast(kind), array)
            self.where(name, timed, "must be a date (not a datetime)", array.cast(pa.string()))
            return pc.if_else(_mask(timed), None, days)
        if _is_text_like(kind):
            return self.distinct(name, array, _parse_date, pa.date32())
        self.column_error(name, f"must be a date32 column or ISO-8601 text, not {kind}")
        return pa.nulls(self.n, pa.date32())

    def listed(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return _empty_lists(self.n)
        kind = column.type
        if _is_list(kind) and (_is_text_like(kind.value_type) or pa.types.is_null(kind.value_type)):
            plain = pa.types.is_list(kind) or pa.types.is_large_list(kind)  # not a view
            if plain and pa.types.is_dictionary(kind.value_type) and not column.null_count:
                self.coded[name] = column
                return _decoded_lists(column)
            array = column.cast(LIST_TYPE)
            if array.null_count:
                array = pc.if_else(pc.is_null(array), pa.scalar([], LIST_TYPE), array)
            return array
        self.column_error(name, f"must be a list<string> column, not {kind}")
        return _empty_lists(self.n)

    def distinct(
        self,
        name: str,
        column: pa.Array | pa.ChunkedArray,
        parse: Callable[[Any], Any],
        kind: pa.DataType,
    ) -> pa.Array:
        """Parse each distinct value once; report the rows holding a value that fails."""
        indices, values = _encode(column)
        parsed: list[Any] = [None] * len(values)
        bad: dict[int, str] = {}
        for i in _used(indices):
            if values[i] is None:
                continue
            try:
                parsed[i] = parse(values[i])
            except (ValueError, TypeError) as err:
                bad[i] = _rule_of(err)
        for i, rule in bad.items():
            self.where(name, pc.equal(indices, i), rule, column)
        return pc.take(pa.array(parsed, kind), indices)

    def dictionary(
        self, name: str, canonical: Callable[[str], str], order: Iterable[str] = ()
    ) -> pa.DictionaryArray:
        """A dictionary column with canonical values, each distinct value checked once.

        Null cells and empty text take the column's default (none for ``rule``).
        """
        column = self.raw(name)
        default = _DEFAULTS.get(name)
        if column is not None and not (pa.types.is_null(column.type) or _is_text_like(column.type)):
            self.column_error(name, f"must be a text or dictionary column, not {column.type}")
            column = None
        if column is None or pa.types.is_null(column.type):
            indices: pa.Array = pa.nulls(self.n, pa.int32())
            values: list[Any] = []
        else:
            indices, values = _encode(column)
        words = list(order)
        position = {w: i for i, w in enumerate(words)}
        remap: list[int | None] = [None] * len(values)
        bad: list[int] = []
        for i in _used(indices):
            value = values[i]
            if value is None or value == "":
                word = default
            else:
                try:
                    word = canonical(value)
                except (ValueError, TypeError) as err:
                    rows = _rows_where(pc.equal(indices, i))
                    self.report(name, rows, _rule_of(err), [value] * len(rows))
                    bad.append(i)
                    continue
            if word is not None:
                remap[i] = position.setdefault(word, len(position))
        if default is not None:
            position.setdefault(default, len(position))
        words = list(position)
        new = pc.take(pa.array(remap, pa.int32()), indices) if values else indices
        if default is not None and indices.null_count:
            # a missing cell takes the default; a bad one stays null (and is reported)
            new = pc.if_else(pc.is_null(indices), position[default], new)
        self.invalid[name] = pc.is_in(indices, value_set=pa.array(bad, pa.int32())) if bad else None
        return pa.DictionaryArray.from_arrays(new, pa.array(words, pa.string()))

    # -- the pass ------------------------------------------------------------

    def run(self) -> Checked:
        names = self.names
        for column in sorted(REQUIRED):
            if column not in names:
                self.column_error(column, "is required: the table has no such column")
        for column in sorted({c for c in names if names.count(c) > 1}):
            self.column_error(column, "appears more than once in the table")
        out = self.out
        out["id"] = self.ids = self.text("id")
        for name in ("claimant", "qualifier", "location", "document", "evidence", "url", "note"):
            out[name] = self.text(name)
        out["published"] = self.text("published", dates=True)
        out[EXTRA_COLUMN] = self.text(EXTRA_COLUMN)
        for name in ("low", "high", "stated", "evidence_start", "evidence_end"):
            out[name] = self.integer(name)
        out["approx"] = self.boolean("approx")
        out["as_of"] = self.day("as_of")
        out["period_start"] = self.day("period_start")
        for name in ("reported_by", "reported_dates", "disputed_by"):
            out[name] = self.listed(name)
        out["unit"] = self.dictionary("unit", canonical_unit)
        out["claimant_side"] = self.dictionary("claimant_side", _claimant_side)
        out["subject_side"] = self.dictionary("subject_side", _subject_side)
        for name, words in ENUM_WORDS.items():
            out[name] = self.dictionary(name, _member(name, words), words)
        if not self.broken:
            self.check_ids()
            self.check_texts()
            self.check_extra()
            self.check_figure()
            self.check_subject()
            self.check_period()
            self.check_chain()
            self.check_evidence()
            self.check_status()
        extra_columns = tuple(
            c for c in names if c not in CLAIM_SCHEMA.names and names.count(c) == 1
        )
        arrays = [out[f.name] for f in CLAIM_SCHEMA]
        arrays += [self.source.column(c) for c in extra_columns]
        fields = list(CLAIM_SCHEMA) + [self.source.schema.field(c) for c in extra_columns]
        if self.errors:  # bad cells are left null
            fields = [f.with_nullable(True) for f in fields]
        schema = pa.schema(fields, metadata=CLAIM_SCHEMA.metadata)
        table = pa.Table.from_arrays(arrays, schema=schema)
        return Checked(table, tuple(self.errors), frozenset(self.bad), self.broken, extra_columns)

    def check_ids(self) -> None:
        ids = self.ids
        self.where("id", pc.is_null(ids), "is required", ids)
        self.where(
            "id",
            pc.not_equal(pc.utf8_trim(ids, STRIP_SPACE), ids),
            "must be non-empty text without surrounding spaces",
            ids,
        )
        self.where(
            "id", pc.equal(ids, ""), "must be non-empty text without surrounding spaces", ids
        )

    def check_texts(self) -> None:
        for name in ("claimant", "location", "document", "url", "note"):
            self.blank(name, "must be None or non-empty text")
        self.blank("qualifier", "must be None or a non-empty word")

    def check_extra(self) -> None:
        """``extra`` holds a JSON object or nothing, each distinct text parsed once."""
        values = self.out[EXTRA_COLUMN]
        if values.null_count < len(values):
            parse = lambda text: json_object(text) is not None  # noqa: E731
            self.distinct(EXTRA_COLUMN, values, parse, pa.bool_())

    def blank(self, name: str, rule: str) -> None:
        values = self.out[name]
        if values.null_count == len(values):
            return
        coded = self.coded.get(name)
        if coded is None:
            self.where(name, _blank(values), rule, values)
            return
        indices, words = _encode(coded)
        bad = _rows_where(_blank(pa.array(words, pa.string())))
        if len(bad):
            self.where(name, pc.is_in(indices, value_set=bad.cast(pa.int32())), rule, values)

    def check_figure(self) -> None:
        out = self.out
        low, high, stated = out["low"], out["high"], out["stated"]
        self.where("low", pc.is_null(self.source.column("low")), "is required", low)
        for name in ("low", "high", "stated"):
            self.where(name, pc.less(out[name], 0), "must be >= 0", out[name])
        self.where(
            "high",
            pc.and_(pc.less(high, low), pc.greater_equal(high, 0)),
            "must be >= low ({})",
            high,
            low,
        )
        # a missing rule is read from the bounds, and then a missing stated number
        # from low, as from_row does
        given: pa.DictionaryArray = out["rule"]
        words = given.dictionary.to_pylist()
        code = {w: words.index(w) for w in ENUM_WORDS["rule"]}
        missing = pc.is_null(given)
        if self.invalid["rule"] is not None:
            missing = pc.and_(missing, pc.invert(_mask(self.invalid["rule"])))
        rule = given
        if pc.any(missing).as_py():
            guess = pc.if_else(
                pc.is_null(high),
                code[Rule.AT_LEAST],
                pc.if_else(pc.equal(high, low), code[Rule.EXACT], code[Rule.BETWEEN]),
            ).cast(pa.int32())
            rule = pa.DictionaryArray.from_arrays(
                _single(pc.if_else(missing, guess, given.indices)), given.dictionary
            )
        out["rule"] = rule
        names = rule  # shown as text in messages

        def among(*rules: Rule) -> Any:
            """Whether each row's rule is one of ``rules`` (never null: a bad rule is none)."""
            wanted = {code[r] for r in rules}
            lookup = pa.array([i in wanted for i in range(len(words))], pa.bool_())
            return _mask(lookup.take(rule.indices))

        exact = among(Rule.EXACT)
        fill = pc.and_(pc.and_(missing, pc.is_null(stated)), among(Rule.EXACT, Rule.AT_LEAST))
        out["stated"] = stated = pc.if_else(fill, low, stated)
        self.where(
            "high",
            pc.and_(exact, pc.or_(pc.is_null(high), pc.not_equal(high, low))),
            "must equal low ({}) for an exact figure",
            high,
            low,
        )
        self.where(
            "high",
            pc.and_(among(Rule.AT_LEAST, Rule.MORE_THAN), pc.is_valid(high)),
            "must be open (None) for rule {!r}",
            high,
            names,
        )
        self.where(
            "high",
            pc.and_(among(Rule.AT_MOST, Rule.FEWER_THAN, Rule.BETWEEN), pc.is_null(high)),
            "must be set for rule {!r}",
            high,
            names,
        )
        self.where(
            "low",
            pc.and_(among(Rule.AT_MOST, Rule.FEWER_THAN), pc.not_equal(low, 0)),
            "must be 0 for rule {!r}",
            low,
            names,
        )
        self.where(
            "stated",
            pc.and_(exact, pc.not_equal(stated, low)),
            "must equal low ({}) for an exact figure",
            stated,
            low,
        )
        approx = among(*sorted(APPROXIMATE_RULES))
        rows = _rows_where(pc.not_equal(out["approx"], approx))
        if len(rows):  # the message's text is made for the bad rows only
            wanted = pc.binary_join_element_wise(
                pc.if_else(approx.take(rows), "true", "false"),
                " for rule '",
                rule.take(rows).cast(pa.string()),
                "'",
                "",
            )
            self.report("approx", rows, "must be {}", out["approx"].take(rows), wanted)
        out["approx"] = approx

    def check_subject(self) -> None:
        unit, outcome = self.out["unit"], self.out["outcome"]
        units = unit.dictionary.to_pylist()
        kinds = outcome.dictionary.to_pylist()
        # one code per (unit, outcome) pair: both dictionaries are small, so int32 holds it
        width = pa.scalar(len(kinds), pa.int32())
        combined = pc.add(
            pc.multiply(unit.indices.cast(pa.int32()), width), outcome.indices.cast(pa.int32())
        )
        people = ", ".join(sorted(o.value for o in PEOPLE_OUTCOMES))
        equipment = ", ".join(sorted(o.value for o in EQUIPMENT_OUTCOMES))
        for code in _used(combined):
            u, o = units[code // len(kinds)], kinds[code % len(kinds)]
            rows = pc.equal(combined, code)
            if is_equipment(u) and Outcome(o) not in EQUIPMENT_OUTCOMES:
                self.where(
                    "outcome",
                    rows,
                    f"must be one of {equipment} for unit {u!r}",
                    outcome.cast(pa.string()),
                )
            elif not is_equipment(u) and Outcome(o) not in PEOPLE_OUTCOMES:
                self.where(
                    "outcome",
                    rows,
                    f"must be one of {people} for people",
                    outcome.cast(pa.string()),
                )

    def check_period(self) -> None:
        as_of, start = self.out["as_of"], self.out["period_start"]
        self.where(
            "period_start",
            pc.greater(start, as_of),
            "must be on or before as_of ({})",
            start,
            as_of,
        )
        published = self.distinct(
            "published", self.coded.get("published", self.out["published"]), _local_day, pa.date32()
        )
        self.where(
            "as_of",
            pc.greater(as_of, published),
            "must not be after publication ({})",
            as_of,
            published,
        )

    def check_chain(self) -> None:
        names, dates = self.out["reported_by"], self.out["reported_dates"]
        coded = self.coded.get("reported_by", names)
        flat = pc.list_flatten(coded)
        if len(flat):
            parents = _single(pc.list_parent_indices(coded))
            codes, values = _encode(flat)
            self.report(
                "reported_by",
                pc.filter(parents, pc.is_null(codes)),
                "must name every hop",
                [None] * codes.null_count,
            )
            self.items("reported_by", codes, values, parents, _hop_name)
            self.repeated_hops(names, codes, parents)
        hops, stamps = pc.list_value_length(names), pc.list_value_length(dates)
        self.where(
            "reported_dates",
            pc.and_(pc.greater(stamps, 0), pc.not_equal(stamps, hops)),
            "must have one entry per hop ({})",
            dates,
            hops,
        )
        coded = self.coded.get("reported_dates", dates)
        flat_dates = pc.list_flatten(coded)
        if len(flat_dates) - flat_dates.null_count:
            indices, values = _encode(flat_dates)
            parents = _single(pc.list_parent_indices(coded))
            self.items("reported_dates", indices, values, parents, _as_moment)

    def items(
        self,
        name: str,
        indices: pa.Array,
        values: list[Any],
        parents: pa.Array,
        check: Callable[[Any], Any],
    ) -> None:
        """Check each distinct entry of a list column once; report the rows holding a bad one.

        ``indices`` and ``values`` are the flattened entries as :func:`_encode`
        gives them, ``parents`` the row of each entry.
        """
        for i in _used(indices):
            try:
                check(values[i])
            except (ValueError, TypeError) as err:
                rows = pc.filter(parents, _mask(pc.equal(indices, i)))
                self.report(name, rows, _rule_of(err), [values[i]] * len(rows))

    def repeated_hops(self, names: pa.ChunkedArray, codes: pa.Array, parents: pa.Array) -> None:
        """Chains that cite one hop twice, compared by the codes of the hop names."""
        rows = _repeated_rows(codes, parents, _single(pc.list_value_length(names)))
        if len(rows):
            rule = "must not cite itself (a hop appears twice)"
            self.report("reported_by", rows, rule, pc.binary_join(names.take(rows), " > "))

    def check_evidence(self) -> None:
        start, end, text = (
            self.out["evidence_start"],
            self.out["evidence_end"],
            self.out["evidence"],
        )
        if start.null_count == end.null_count == text.null_count == len(text):
            return  # no evidence in the table (an empty cell breaks no rule)
        self.where("evidence_start", pc.less(start, 0), "must be >= 0", start)
        self.where("evidence_end", pc.less(end, 0), "must be >= 0", end)
        self.where(
            "evidence_end",
            pc.not_equal(pc.is_null(start), pc.is_null(end)),
            "must be given together with evidence_start",
            end,
        )
        self.where(
            "evidence_end",
            pc.and_(pc.less(end, start), pc.greater_equal(end, 0)),
            "must be >= evidence_start ({})",
            end,
            start,
        )
        self.where("evidence", pc.equal(text, ""), "must be None or non-empty text", text)
        span = pc.subtract(end, start)
        sound = pc.and_(pc.greater_equal(start, 0), pc.greater_equal(span, 0))
        self.where(
            "evidence",
            pc.and_(
                pc.and_(sound, pc.not_equal(text, "")),
                pc.not_equal(pc.utf8_length(text).cast(pa.int64()), span),
            ),
            "must be as long as its span ({} characters)",
            text,
            span,
        )

    def check_status(self) -> None:
        disputed_by = self.out["disputed_by"]
        coded = self.coded.get("disputed_by", disputed_by)
        indices, values = _encode(pc.list_flatten(coded))
        if indices.null_count:
            disputed_by = coded = pa.array(
                [[x for x in row if x is not None] for row in disputed_by.to_pylist()], LIST_TYPE
            )
            self.out["disputed_by"] = disputed_by
            indices, values = _encode(pc.list_flatten(coded))
        if len(indices):
            parents = _single(pc.list_parent_indices(coded))
            self.items("disputed_by", indices, values, parents, _disputer)
        status = self.out["status"]
        code = status.dictionary.to_pylist().index(Status.DISPUTED.value)
        disputed = pc.equal(status.indices, code)
        named = pc.greater(pc.list_value_length(disputed_by), 0)
        self.where(
            "disputed_by",
            pc.not_equal(disputed, named),
            "must name who disputes a claim exactly when status is 'disputed'",
            disputed_by,
        )


def _blank(values: Any) -> Any:
    """Whether each text is empty or all white space, as ``str.strip`` sees it.

    ``utf8_is_space`` holds for exactly the texts of one or more characters
    that ``str.isspace`` holds for (a test pins this over every code point),
    so no trimmed copy of the column is made.
    """
    return pc.or_(pc.equal(pc.binary_length(values), 0), pc.utf8_is_space(values))


def _shown(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _empty_lists(n: int) -> pa.Array:
    offsets = pc.fill_null(pa.nulls(n + 1, pa.int32()), 0)
    return pa.ListArray.from_arrays(offsets, pa.array([], pa.string()))


def _rule_of(err: Exception) -> str:
    if isinstance(err, InvalidClaimError):
        return err.rule
    return str(err)


def _member(field: str, words: tuple[str, ...]) -> Callable[[str], str]:
    allowed = frozenset(words)
    message = f"must be one of {', '.join(words)}"

    def check(value: str) -> str:
        if value not in allowed:
            raise InvalidClaimError(field, message, value)
        return value

    return check


def _subject_side(value: str) -> str:
    Subject(side=value)
    return value


def _claimant_side(value: str) -> str:
    if value == ALL_SIDES:
        raise InvalidClaimError(
            "claimant_side", "cannot be 'all' (only a subject covers all sides)", value
        )
    return _subject_side(value)


def _parse_date(value: Any) -> date:
    return _as_date(value)


def _hop_name(value: Any) -> None:
    Hop(value)


def _disputer(value: Any) -> None:
    if not value.strip() or LIST_SEPARATOR.strip() in value:
        raise InvalidClaimError("disputed_by", "must name each disputer (no ';')", value)
