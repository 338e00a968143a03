"""CSV: the flat claim row as comma-separated text.

Lists are joined (``reported_by`` with ``" > "``, ``disputed_by`` with
``"; "``), ``None`` is the empty cell.  Cells that a spreadsheet would run as
a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) are written behind a single quote, as OWASP recommends against CSV
injection; a cell that starts with a quote gets one more, and reading removes
exactly one, so every claim reads back as it was written.  Header cells (the
names of extra columns) are defused and read back the same way.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io._records import claims_of_columns, is_large
from claimrecon.io.rows import COLUMNS, REQUIRED, Collector, text_cell, to_text_row

__all__ = ["neutralize", "read_csv", "restore", "write_csv"]

#: what a cell a spreadsheet would evaluate starts with
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralize(cell: str) -> str:
    """Defuse a cell a spreadsheet would evaluate; :func:`restore` undoes it."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralize`."""
    return cell[1:] if cell.startswith("'") else cell


def read_csv(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of a CSV file, or raise :class:`FormatError` listing every bad row.

    A file of a megabyte or more whose columns are all the flat row's is
    first read a column at a time, as one table (:mod:`claimrecon.io._records`);
    a file that does not read cleanly that way is read a row at a time,
    which names every bad row. Both give the same claims.
    """
    if is_large(path) and (as_table := _read_as_table(path)) is not None:
        return as_table
    errors: list[RecordError] = []
    claims: list[Claim] = []
    handle = open_text(path, encoding="utf-8-sig", newline="")
    with handle:
        try:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise FormatError(str(path), [RecordError(1, None, "empty file: no header row")])
            header = [restore(h) for h in header]
            missing = sorted(REQUIRED - set(header))
            unknown_dupes = sorted({h for h in header if header.count(h) > 1})
            for column in missing:
                errors.append(RecordError(1, column, "required column is missing from the header"))
            for column in unknown_dupes:
                errors.append(RecordError(1, column, "column appears twice in the header"))
            if errors:
                raise FormatError(str(path), errors)
            found = Collector()
            for cells in reader:
                number = reader.line_num
                if not any(cells):
                    continue
                if len(cells) != len(header):
                    reason = f"has {len(cells)} cells, the header has {len(header)}"
                    found.errors.append(RecordError(number, None, reason))
                    continue
                row = {h: restore(c) for h, c in zip(header, cells, strict=True)}
                found.add(row, line=number, text=True)
            errors.extend(found.errors)
            claims.extend(found.claims)
        except UnicodeDecodeError as err:
            errors.append(RecordError(None, None, f"not UTF-8 text ({err.reason})"))
        except csv.Error as err:
            errors.append(RecordError(None, None, f"not readable as CSV ({err})"))
    if errors:
        raise FormatError(str(path), errors)
    return claims


def _read_as_table(path: str | os.PathLike[str]) -> list[Claim] | None:
    """The claims of a CSV file of the flat row's columns, or ``None`` unless every row is good.

    The cells are read as :func:`read_csv` reads them (:mod:`csv`, each
    restored) and converted by the row reader's own rules (:func:`text_cell`).
    """
    try:
        with open_text(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [restore(h) for h in next(reader, [])]
            body = [cells for cells in reader if any(cells)]
    except (FormatError, UnicodeDecodeError, csv.Error):
        return None
    named = set(header)
    if len(named) != len(header) or not named >= REQUIRED or not named <= set(COLUMNS):
        return None  # a header the row reader reports, or extra columns: read a row at a time
    if any(len(cells) != len(header) for cells in body):
        return None
    height = len(body)
    columns = dict(zip(header, zip(*body, strict=True), strict=True)) if body else {}
    del body  # the rows' lists, now that the columns hold their cells
    return claims_of_columns(
        columns, height, lambda field, cell: text_cell(field, restore(cell)), str(path)
    )


def write_csv(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as CSV, atomically; extra columns follow the known ones."""
    rows = [to_text_row(claim) for claim in claims]
    header = list(COLUMNS)
    for row in rows:
        header.extend(k for k in row if k not in header)
    with atomic_write(path, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180
        writer.writerow([neutralize(h) for h in header])  # read back through restore()
        for row in rows:
            writer.writerow([neutralize(row.get(h, "")) for h in header])
