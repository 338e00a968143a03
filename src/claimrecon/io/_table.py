"""CSV plumbing shared by the CSV-based formats (HXL, UCDP GED-like and ACLED-like).

Reading a CSV file into header rows and numbered records, fitting records to
the header's width, turning flat rows into claims with every bad record
reported at once, and writing a table atomically with spreadsheet formulas
neutralized.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io.csvfile import neutralize, restore
from claimrecon.io.rows import RowErrors, from_row

__all__ = [
    "Table",
    "check_ids",
    "claim_from",
    "fit",
    "read_records",
    "read_table",
    "remap_errors",
    "text_value",
    "write_table",
]


class Table(NamedTuple):
    """A CSV file as read: its header rows and its records, each with its line number."""

    headers: list[tuple[int, list[str]]]
    records: list[tuple[int, list[str]]]


def read_table(path: str | os.PathLike[str], *, header_rows: int = 1) -> Table:
    """Read a CSV file (a UTF-8 BOM tolerated) into header rows and records.

    Every cell is restored from the formula defence
    (:func:`claimrecon.io.csvfile.restore`); blank records are skipped.  An
    empty, binary or malformed file raises :class:`FormatError`.
    """
    headers: list[tuple[int, list[str]]] = []
    records: list[tuple[int, list[str]]] = []
    handle = open_text(path, encoding="utf-8-sig", newline="")
    with handle:
        reader = csv.reader(handle)
        try:
            for cells in reader:
                row = [restore(c) for c in cells]
                if len(headers) < header_rows:
                    headers.append((reader.line_num, row))
                elif any(c.strip() for c in row):
                    records.append((reader.line_num, row))
        except UnicodeDecodeError as err:
            raise FormatError(
                str(path), [RecordError(None, None, f"not UTF-8 text ({err.reason})")]
            ) from None
        except csv.Error as err:
            raise FormatError(
                str(path), [RecordError(reader.line_num, None, f"not readable as CSV ({err})")]
            ) from None
    if not headers or not any(c.strip() for c in headers[0][1]):
        raise FormatError(str(path), [RecordError(1, None, "empty file: no header row")])
    return Table(headers, records)


def fit(cells: list[str], width: int, line: int, errors: list[RecordError]) -> list[str] | None:
    """The record if it has exactly ``width`` cells, else None (and an error naming its line).

    A record cut short is refused, not padded: a lost cell would read as an
    empty one (a lost ``high`` as an open bound).
    """
    if len(cells) != width:
        errors.append(RecordError(line, None, f"has {len(cells)} cells, the header has {width}"))
        return None
    return cells


def read_records(
    path: str | os.PathLike[str],
    required: Iterable[str],
    errors: list[RecordError],
    *,
    reserved: tuple[str, frozenset[str]] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """The records of a CSV file with one header row, as cells by column, with line numbers.

    A header that lacks a required column or repeats one raises
    :class:`FormatError`, and so does a column named like a field of the flat
    row when ``reserved`` (the format's name with its article, "a GED", and the
    flat row's fields it has no column of) is given: such a column would otherwise be
    mistaken for the field.  A record with another number of cells than the
    header, or with a cell in a column without a header (whose cells would be
    lost), is added to ``errors`` and left out; a column without a header
    whose every cell is empty is ignored.
    """
    table = read_table(path)
    line, header = table.headers[0]
    header = [h.strip() for h in header]
    bad = [
        RecordError(line, column, "required column is missing from the header")
        for column in required
        if column not in header
    ]
    bad += [
        RecordError(line, column, "column appears twice in the header")
        for column in sorted({h for h in header if h and header.count(h) > 1})
    ]
    if reserved is not None:
        fmt, fields = reserved
        message = f"{fmt} column cannot be named like a claim field: rename it"
        bad += [RecordError(line, column, message) for column in header if column in fields]
    if bad:
        raise FormatError(str(path), bad)
    unnamed = [i for i, h in enumerate(header) if not h]
    records = []
    for number, raw in table.records:
        cells = fit(raw, len(header), number, errors)
        if cells is None:
            continue
        lost = [i for i in unnamed if cells[i] != ""]
        if lost:
            message = (
                f"column {lost[0] + 1} has no header but holds {cells[lost[0]]!r}: "
                "name the column, or leave it empty"
            )
            errors.append(RecordError(number, None, message))
            continue
        records.append((number, {h: c for h, c in zip(header, cells, strict=True) if h}))
    return records


def write_table(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    tags: Sequence[str] | None = None,
) -> None:
    """Write a CSV file atomically (RFC 4180); every cell but the hashtags is defused."""
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([neutralize(h) for h in header])
        if tags is not None:
            writer.writerow(tags)
        for row in rows:
            writer.writerow([neutralize(c) for c in row])


def remap_errors(errors: Iterable[RecordError], fields: Mapping[str, str]) -> list[RecordError]:
    """Errors about fields of the flat row, renamed to the columns they were read from."""
    return [
        RecordError(e.line, fields.get(e.field, e.field) if e.field else None, e.message, e.record)
        for e in errors
    ]


def claim_from(
    row: Mapping[str, Any],
    line: int,
    fields: Mapping[str, str],
    found: list[RecordError],
    parts: dict[Any, Any] | None = None,
) -> Claim | None:
    """A claim built from the flat row read out of another format's record, or None.

    ``found`` holds the errors already found in the record's cells; the flat
    row's own errors are added to it, renamed to the file's columns through
    ``fields``, except about columns already named.  None when there is any.
    ``parts`` is kept over a file's rows, to share the claims' parts (see
    :func:`~claimrecon.io.rows.from_row`).
    """
    try:
        claim = from_row(row, line=line, parts=parts)
    except RowErrors as err:
        named = {e.field for e in found}
        found += [e for e in remap_errors(err.errors, fields) if e.field not in named]
        return None
    return None if found else claim


def text_value(value: Any) -> str:
    """An extra value as a cell: ``None`` is empty, booleans ``true``/``false``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def check_ids(claims: Iterable[tuple[int, Claim]], errors: list[RecordError]) -> list[Claim]:
    """The claims, each id once; a repeated id is an error naming the earlier line."""
    seen: dict[str, int] = {}
    out: list[Claim] = []
    for line, claim in claims:
        if claim.id in seen:
            errors.append(
                RecordError(line, "id", f"repeats the id of line {seen[claim.id]}", claim.id)
            )
            continue
        seen[claim.id] = line
        out.append(claim)
    return out
