"""Claims to Arrow tables and back, and tables to Parquet and Feather files.

:func:`claims_to_table` and :func:`table_to_claims` are inverse:
``table_to_claims(claims_to_table(claims)) == claims`` for every list of valid
claims with unique ids whose extra values are JSON-native.  Reading a table
checks it first, column by column (:func:`~claimrecon.columnar.validate.check_table`),
then builds one claim a row, and reports every bad row at once::

    >>> from claimrecon import load_seeds
    >>> from claimrecon.columnar import claims_to_table, table_to_claims
    >>> claims = load_seeds()
    >>> table_to_claims(claims_to_table(claims)) == claims
    True

Files: :func:`write_table` writes Parquet (``.parquet``, ``.pq``; zstd) or
Arrow IPC (``.arrow``, ``.feather``, ``.ipc``) atomically, choosing by suffix;
:func:`read_table` reads either and checks it.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa

from claimrecon._gc import no_gc
from claimrecon.attribution import claim_list
from claimrecon.claim import Claim, Evidence, Hop, Period, Status, Subject
from claimrecon.columnar._rules import json_object
from claimrecon.columnar.schema import (
    CLAIM_SCHEMA,
    DICTIONARY_COLUMNS,
    EXTRA_COLUMN,
    LIST_COLUMNS,
)
from claimrecon.columnar.validate import (
    SLICE_ROWS,
    check_table,
    validate_slices,
    validate_table,
)
from claimrecon.errors import ArgumentError, FormatError, InvalidClaimError, RecordError
from claimrecon.figure import Figure
from claimrecon.io._atomic import atomic_path, atomic_write
from claimrecon.io.rows import _as_moment

__all__ = ["claims_to_table", "read_table", "table_to_claims", "write_table"]

_PARQUET = (".parquet", ".pq")
_IPC = (".arrow", ".feather", ".ipc")
#: the most rows in one row group of a Parquet file written here.  polars reads a file's row
#: groups side by side: a million claims as eight row groups are read and prepared in about
#: 0.07 s less than as one, on two cores (see benchmarks/README.md)
ROW_GROUP_ROWS = 1 << 17
T = TypeVar("T")

#: Parquet columns read as dictionaries when a file is checked: claimants, places,
#: dates of publication and the entries of the list columns (outlets, their
#: dates, disputers), a few thousand distinct texts over millions of cells.  Each
#: distinct text is then parsed or checked once without hashing every cell, and
#: the file is read faster.  The other text columns (qualifiers, documents, urls,
#: notes, evidence, extra) are mostly empty or one per claim: read as text, they
#: cost no dictionary beside the plain text returned.  List entries are named by
#: their Parquet path; a column the file lacks, or of another type, reads as it is.
_READ_AS_DICTIONARY = (
    "claimant",
    "location",
    "published",
    *(f"{name}.list.element" for name in LIST_COLUMNS),
)


def _extra_json(claim: Claim) -> str | None:
    if not claim.extra:
        return None
    return json.dumps(dict(claim.extra), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def claims_to_table(claims: Iterable[Claim], *, source: str = "<claims>") -> pa.Table:
    """The claims as one table of :data:`~claimrecon.columnar.schema.CLAIM_SCHEMA`, a row each.

    Raises :class:`FormatError` (naming ``source``) listing every claim that
    cannot be held: a count beyond 64 bits, an extra value that is not JSON.
    """
    items = claim_list(claims)
    with no_gc():  # long lists of values and no cycles: collecting would only slow it
        columns = _columns(items)
    errors: list[RecordError] = []
    arrays = []
    for field in CLAIM_SCHEMA:  # every bad value, field by field in the schema's order
        if field.name == EXTRA_COLUMN:
            columns[field.name], bad = _extras(items)
            errors += bad
        values = columns[field.name]
        try:
            arrays.append(
                values
                if isinstance(values, pa.Array)
                else pa.array(values, pa.string()).dictionary_encode()
                if field.name in DICTIONARY_COLUMNS
                else pa.array(values, field.type)
            )
        except OverflowError:  # a count beyond 64 bits: every claim that has one, named
            bad = _too_large(field.name, values, items)
            if not bad:  # pragma: no cover - Arrow overflows only beyond 64 bits
                raise
            errors += bad
    if errors:
        raise FormatError(source, errors)
    return pa.Table.from_arrays(arrays, schema=CLAIM_SCHEMA)


def _columns(claims: list[Claim]) -> dict[str, Any]:
    """The flat row's columns of claim objects but ``extra``: lists of values, or Arrow lists.

    A column at a time, each part of a claim looked up once, not once per
    column of it; the enumerations are text already (``StrEnum``).  A list
    column is its entries, flat, and where each claim's entries begin: Arrow builds
    it from those far faster than from a Python list per claim.
    """
    subjects = [c.subject for c in claims]
    figures = [c.figure for c in claims]
    periods = [c.period for c in claims]
    evidence = [c.evidence for c in claims]
    chains = [c.chain for c in claims]
    hops = list(itertools.chain.from_iterable(chains))
    disputers = [c.disputed_by for c in claims]
    return {
        "id": [c.id for c in claims],
        "claimant": [c.claimant for c in claims],
        "claimant_side": [c.claimant_side for c in claims],
        "reported_by": _text_lists(chains, [h.name for h in hops]),
        "reported_dates": _text_lists(chains, _iso_texts([h.published for h in hops])),
        "published": _iso_texts([c.published for c in claims]),
        "subject_side": [s.side for s in subjects],
        "category": [s.category for s in subjects],
        "outcome": [s.outcome for s in subjects],
        "unit": [f.unit for f in figures],
        "low": [f.low for f in figures],
        "high": [f.high for f in figures],
        "approx": [f.approx for f in figures],
        "qualifier": [f.qualifier for f in figures],
        "rule": [f.rule for f in figures],
        "stated": [f.stated for f in figures],
        "as_of": [p.as_of for p in periods],
        "period_start": [p.start for p in periods],
        "kind": [p.kind for p in periods],
        "precision": [p.precision for p in periods],
        "location": [s.location for s in subjects],
        "document": [e.document for e in evidence],
        "evidence_start": [e.start for e in evidence],
        "evidence_end": [e.end for e in evidence],
        "evidence": [e.text for e in evidence],
        "url": [c.url for c in claims],
        "status": [c.status for c in claims],
        "disputed_by": _text_lists(disputers, list(itertools.chain.from_iterable(disputers))),
        "note": [c.note for c in claims],
    }


def _text_lists(lists: list[tuple[Any, ...]], entries: list[str | None]) -> pa.ListArray:
    """A ``list<string>`` array of one list per item of ``lists``, from all their entries, flat."""
    offsets = np.zeros(len(lists) + 1, np.int32)
    np.cumsum(np.fromiter(map(len, lists), np.int32, count=len(lists)), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(entries, pa.string()))


def _iso_texts(moments: list[date | None]) -> list[str | None]:
    """Each moment's ISO text, as :func:`~claimrecon.io.rows.to_row` writes it.

    Each distinct object is written once (claims read from a file share their
    moments).  They are told apart by identity, not equality: two times of
    one instant in two time zones are equal, but are written apart.
    """
    keys = list(map(id, moments))
    distinct = dict(zip(keys, moments, strict=True))
    texts = {key: None if m is None else m.isoformat() for key, m in distinct.items()}
    return list(map(texts.__getitem__, keys))


def _extras(claims: list[Claim]) -> tuple[list[str | None], list[RecordError]]:
    """Each claim's extra columns as a JSON object, and an error for each that JSON cannot hold."""
    try:  # every claim at once; one by one only to name those that fail
        return list(map(_extra_json, claims)), []
    except (TypeError, ValueError):
        pass
    values: list[str | None] = []
    errors = []
    for row, claim in enumerate(claims):
        try:
            values.append(_extra_json(claim))
        except (TypeError, ValueError) as err:
            errors.append(RecordError(row + 1, EXTRA_COLUMN, f"must be JSON: {err}", claim.id))
            values.append(None)
    return values, errors


def _too_large(field: str, values: list[Any], claims: Sequence[Claim]) -> list[RecordError]:
    return [
        RecordError(row + 1, field, f"must fit a 64-bit integer: {value!r}", claims[row].id)
        for row, value in enumerate(values)
        if value is not None and not -(2**63) <= value < 2**63
    ]


def table_to_claims(table: pa.Table, *, source: str = "<table>") -> list[Claim]:
    """One claim per row of a table, or a :class:`FormatError` listing every bad row.

    The table is checked column by column first (units and enumerations once
    per distinct value); the rows that pass are then built into claims.  Row
    ``i`` is reported as line ``i + 1``.  Columns outside the flat row become
    each claim's extra columns, after those of the ``extra`` JSON column; a
    date, time or decimal cell of such a column becomes ISO text.  Text that
    is not UTF-8 (Arrow does not check every byte of a table it is given) is
    an error naming its column and row.
    """
    checked = check_table(table)
    if checked.broken:
        raise FormatError(source, sorted(checked.errors, key=_order))
    builder = _Builder(checked.table, checked.extra_columns)
    claims: list[Claim] = []
    errors = list(checked.errors)
    with no_gc():  # many small objects and no cycles: collecting would only slow it
        for row, values in enumerate(builder.rows):
            if row in checked.bad_rows:
                continue
            try:
                claims.append(builder.claim(row, values))
            except InvalidClaimError as err:
                message = f"{err.rule}: {err.value!r}"
                errors.append(RecordError(row + 1, err.field, message, builder.ids[row]))
    if errors:
        raise FormatError(source, sorted(errors, key=_order))
    return claims


def _order(error: RecordError) -> tuple[int, str]:
    return (error.line or 0, error.field or "")


class _Builder:
    """Builds claims from a checked table, each part made once and shared.

    The columns become Python values once, each distinct name or date made
    once (:func:`_python_values`), and are read a row at a time as tuples; a
    date text is parsed once; a subject, period, figure, evidence or hop is
    built once per distinct set of values and shared by every claim that has
    it, as they are frozen; a status text becomes its member once.  A part
    that cannot be built raises again for every row that has it.
    """

    def __init__(self, table: pa.Table, extra_columns: Sequence[str]) -> None:
        columns = {name: _python_values(table.column(name)) for name in CLAIM_SCHEMA.names}
        self.ids: list[str] = columns["id"]
        self.rows: Iterator[tuple[Any, ...]] = zip(*columns.values(), strict=True)
        self.native = {name: _json_native(table.column(name)) for name in extra_columns}
        self.moments: dict[str, date] = {}
        self.parts: dict[tuple[Any, ...], Any] = {}
        self.statuses = {s.value: s for s in Status}  # a text no status has is left to Claim
        place = {name: i for i, name in enumerate(columns)}

        def fields(*names: str) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
            return itemgetter(*(place[name] for name in names))

        self.figure = fields("low", "high", "unit", "rule", "stated", "qualifier")
        self.subject = fields("subject_side", "category", "outcome", "location")
        self.period = fields("as_of", "period_start", "kind", "precision")
        self.evidence = fields("document", "evidence_start", "evidence_end", "evidence")
        self.scalars = fields(
            "id", "claimant", "claimant_side", "published", "status", "disputed_by", "url", "note"
        )
        self.chain_of = fields("reported_by", "reported_dates")
        self.extra_of = itemgetter(place[EXTRA_COLUMN])

    def moment(self, text: str | None) -> date | None:
        if text is None:
            return None
        found = self.moments.get(text)
        if found is None:
            found = self.moments[text] = _as_moment(text)
        return found

    def part(self, make: Callable[..., T], values: tuple[Any, ...]) -> T:
        """``make(*values)``, made once per distinct values and shared."""
        key = (make, *values)
        found = self.parts.get(key)
        if found is None:
            found = self.parts[key] = make(*values)
        return found

    def claim(self, row: int, values: tuple[Any, ...]) -> Claim:
        claim_id, claimant, side, published, status, disputed_by, url, note = self.scalars(values)
        part = self.part
        return Claim(
            id=claim_id,
            figure=part(Figure, self.figure(values)),
            subject=part(Subject, self.subject(values)),
            period=part(Period, self.period(values)),
            claimant=claimant,
            claimant_side=side,
            chain=self.chain(*self.chain_of(values)),
            published=self.moment(published),
            evidence=part(Evidence, self.evidence(values)),
            status=self.statuses.get(status, status),
            disputed_by=disputed_by,
            url=url,
            note=note,
            extra=self.extra(row, self.extra_of(values)),
        )

    def chain(self, names: list[str], stamps: list[str | None]) -> tuple[Hop, ...]:
        # a hop is known by its date's text: two times of one instant in two time zones are
        # equal datetimes, but not the same hop
        dates = stamps or [None] * len(names)
        return tuple(self.part(self.hop, pair) for pair in zip(names, dates, strict=True))

    def hop(self, name: str, stamp: str | None) -> Hop:
        return Hop(name, self.moment(stamp))

    def extra(self, row: int, text: str | None) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = []
        if text is not None:
            try:
                items += json_object(text).items()
            except ValueError as err:
                raise InvalidClaimError(EXTRA_COLUMN, str(err), text) from None
        items += ((name, values[row]) for name, values in self.native.items())
        return items


def _python_values(column: pa.ChunkedArray) -> list[Any]:
    """``column.to_pylist()``, each distinct name or date made once.

    Arrow makes a Python value for every cell; names and dates repeat over a
    few thousand distinct values, so those columns are read as their distinct
    values and each cell's index among them: at 100,000 claims, about 0.01 s
    a column instead of 0.15 to 0.25 s.
    """
    kind = column.type
    if not (pa.types.is_dictionary(kind) or pa.types.is_date(kind)):
        values: list[Any] = column.to_pylist()
        return values
    values = []
    for chunk in column.chunks:
        coded = chunk if pa.types.is_dictionary(kind) else chunk.dictionary_encode()
        distinct = coded.dictionary.to_pylist()
        values += [None if i is None else distinct[i] for i in coded.indices.to_pylist()]
    return values


def _json_native(column: pa.ChunkedArray) -> list[Any]:
    kind = column.type
    if pa.types.is_temporal(kind) or pa.types.is_decimal(kind):
        column = column.cast(pa.string())
    values: list[Any] = column.to_pylist()
    return values


# -- files ------------------------------------------------------------------


#: the table formats by the names ``format=`` takes (those of :data:`claimrecon.io.FORMATS`)
_FORMAT_NAMES = {"parquet": "parquet", "arrow": "ipc"}


def _format(path: str | os.PathLike[str], given: str | None = None) -> str:
    """``"parquet"`` or ``"ipc"``: as ``given`` names it, else as the path's suffix says."""
    if given is not None:
        if given in _FORMAT_NAMES:
            return _FORMAT_NAMES[given]
        message = f"unknown table format {given!r}; known: {', '.join(_FORMAT_NAMES)}"
        raise FormatError(str(path), [RecordError(None, None, message)])
    name = Path(path).name.lower()
    if name.endswith(_PARQUET):
        return "parquet"
    if name.endswith(_IPC):
        return "ipc"
    known = ", ".join((*_PARQUET, *_IPC))
    raise FormatError(str(path), [RecordError(None, None, f"unknown file suffix; known: {known}")])


def read_table(
    path: str | os.PathLike[str], *, validate: bool = True, format: str | None = None
) -> pa.Table:
    """Read a Parquet or Arrow IPC (Feather) file of flat claim rows, checked.

    The format is the suffix's (``.parquet``, ``.pq``; ``.arrow``, ``.feather``,
    ``.ipc``), or ``format`` (``"parquet"`` or ``"arrow"``) for a file whose
    suffix says nothing or the wrong thing.

    With ``validate=True`` (the default) the table is returned by
    :func:`~claimrecon.columnar.validate.validate_table`: canonical types and
    units, defaults filled in, or a :class:`FormatError` listing every bad row.
    A Parquet file is then read and checked a slice of row groups at a time
    (:func:`~claimrecon.columnar.validate.validate_slices`), its claimants,
    places, dates of publication and list columns dictionary-encoded and
    checked once per distinct value; the table returned still holds them as
    plain text, as :data:`~claimrecon.columnar.schema.CLAIM_SCHEMA` says.
    With ``validate=False`` the file's table is returned as it is.
    """
    fmt = _format(path, format)
    if fmt == "parquet" and validate and not Path(path).is_dir():  # a directory is a dataset
        return _read_parquet_checked(path)
    with _reading(path, fmt):
        if fmt == "parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(path)
        else:
            import pyarrow.feather as feather

            table = feather.read_table(path)
    return validate_table(table, source=str(path)) if validate else table


def _read_parquet_checked(path: str | os.PathLike[str]) -> pa.Table:
    """A Parquet file read and checked a slice of at least ``SLICE_ROWS`` rows at a time."""
    import pyarrow.parquet as pq

    with _reading(path, "parquet"):
        metadata = pq.read_metadata(path)
        leaves = {metadata.schema.column(i).path for i in range(metadata.num_columns)}
        encoded = [name for name in _READ_AS_DICTIONARY if name in leaves]
        file = pq.ParquetFile(path, metadata=metadata, read_dictionary=encoded)
    with file:
        with _reading(path, "parquet"):
            empty = file.schema_arrow.empty_table()
            sizes = [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)]

        def slices() -> Iterator[pa.Table]:
            # one row group per read: Arrow cannot read a dictionary-encoded list
            # column of several row groups (their dictionaries differ) in one call
            pieces: list[pa.Table] = []
            rows = 0
            for group, size in enumerate(sizes):
                with _reading(path, "parquet"):
                    pieces.append(file.read_row_group(group))
                rows += size
                if rows >= SLICE_ROWS or group + 1 == len(sizes):
                    piece = pieces[0] if len(pieces) == 1 else pa.concat_tables(pieces)
                    pieces, rows = [], 0
                    yield piece
                    del piece  # checked: not held while the next slice is read

        return validate_slices(slices(), empty, source=str(path))


@contextmanager
def _reading(path: str | os.PathLike[str], fmt: str) -> Iterator[None]:
    """Errors of reading a file as :class:`FormatError` naming it."""
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        raise FormatError(str(path), [RecordError(None, None, f"cannot open: {reason}")]) from None
    except pa.ArrowException as err:
        message = f"not a readable {fmt} file: {err}"
        raise FormatError(str(path), [RecordError(None, None, message)]) from None


def write_table(
    table: pa.Table | Iterable[pa.Table],
    path: str | os.PathLike[str],
    *,
    compression: str = "zstd",
    format: str | None = None,
) -> None:
    """Write a table as Parquet or Arrow IPC (by suffix, or ``format``), atomically.

    ``format`` is ``"parquet"`` or ``"arrow"``, for a path whose suffix does
    not say.  A Parquet file is sealed.

    The file is written beside ``path`` under a temporary name and renamed
    into place, so a reader never sees half a file.  The table is written as
    it is; :func:`claims_to_table` makes one from claims.  ``table`` may also
    be tables of one schema, one after another (a generator of slices, say):
    Parquet takes each as it comes, in row groups of at most
    :data:`ROW_GROUP_ROWS` rows (which polars reads side by side), so that a
    file larger than memory can be written; Arrow IPC joins them first.

    A Parquet file is then checked as the engine's gate checks it
    (:func:`~claimrecon.columnar.gate.read_checked_frame`) and, if it passes,
    sealed (see :mod:`claimrecon.columnar.seal`): the engine reads it again
    without a second check.  A file that does not pass keeps a blank seal,
    which never verifies.
    """
    fmt = _format(path, format)
    tables = [table] if isinstance(table, pa.Table) else table
    if fmt == "parquet":
        with atomic_path(path) as tmp:
            _write_parquet(tables, tmp, compression)
            _seal_if_valid(tmp)
        return
    import pyarrow.feather as feather

    tables = list(tables)
    whole = pa.concat_tables(tables) if tables else CLAIM_SCHEMA.empty_table()
    with atomic_write(path, mode="wb") as handle:
        feather.write_feather(whole, handle, compression=compression)


def _write_parquet(tables: Iterable[pa.Table], path: Path, compression: str) -> None:
    """Tables of one schema as one Parquet file, with a blank seal in its footer."""
    import pyarrow.parquet as pq

    from claimrecon.columnar.seal import BLANK, SEAL_KEY

    pieces = iter(tables)
    first = next(pieces, None)
    schema = CLAIM_SCHEMA if first is None else first.schema
    blank = schema.with_metadata({**(schema.metadata or {}), SEAL_KEY.encode(): BLANK.encode()})
    with pq.ParquetWriter(path, blank, compression=compression) as writer:
        for piece in () if first is None else itertools.chain([first], pieces):
            if piece.schema != schema:
                raise ArgumentError(
                    f"tables written as one file must have one schema; found {piece.schema} "
                    f"after {schema}"
                )
            writer.write_table(
                piece.replace_schema_metadata(blank.metadata), row_group_size=ROW_GROUP_ROWS
            )


def _seal_if_valid(path: Path) -> None:
    """Seal a Parquet file just written, if the engine's gate passes it."""
    from claimrecon.columnar.gate import checked_file
    from claimrecon.columnar.seal import seal

    if checked_file(path, trust_seal=False) is not None:
        seal(path)
