"""JSON Lines: claimrecon's native, lossless claim file (one flat row a line)."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io._records import is_large
from claimrecon.io.rows import Collector, to_row

__all__ = ["dumps_claim", "read_jsonl", "write_jsonl"]


def dumps_claim(claim: Claim) -> str:
    """One claim as one line of JSON (no newline)."""
    return json.dumps(to_row(claim), ensure_ascii=False, separators=(",", ":"))


def read_jsonl(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of a JSON Lines file; a :class:`FormatError` lists every bad line.

    A file of a megabyte or more (a few thousand claims) is first read as
    one Arrow table and checked column by column, about twice as fast; a file
    that does not read that way cleanly (a bad line, a cell of another type, an
    extra column) is read a record at a time, which names every bad line.
    Both give the same claims.
    """
    if is_large(path) and (claims := _read_as_table(path)) is not None:
        return claims
    found = Collector()
    with open_text(path, encoding="utf-8") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    reason = (
                        f"not valid JSON ({err.msg}, column {err.colno}): truncated or malformed"
                    )
                    found.errors.append(RecordError(number, None, reason))
                    continue
                if not isinstance(row, dict):
                    found.errors.append(RecordError(number, None, "must be a JSON object"))
                    continue
                found.add(row, line=number)
        except UnicodeDecodeError as err:
            found.errors.append(RecordError(None, None, f"not UTF-8 text ({err.reason})"))
    if found.errors:
        raise FormatError(str(path), found.errors)
    return found.claims


def _read_as_table(path: str | os.PathLike[str]) -> list[Claim] | None:
    """The claims of a file of flat rows, read as one table; ``None`` unless every row is good.

    Arrow reads each line against the flat row's JSON types (text, whole
    numbers, true/false, lists of text) and refuses a cell of another type, a
    field named twice and a field the flat row lacks; the table is then
    checked as any table of claims is (:func:`~claimrecon.columnar.table_to_claims`).
    Arrow reads some files the line reader refuses (a byte order mark, an
    object over two lines, two objects on one line): a file with a mark, or
    whose table has another number of rows than the file has lines that are
    not blank, is left to the line reader.
    """
    import io

    import pyarrow as pa
    import pyarrow.json as pa_json

    from claimrecon.columnar.convert import table_to_claims
    from claimrecon.columnar.schema import RECORD_SCHEMA

    options = pa_json.ParseOptions(explicit_schema=RECORD_SCHEMA, unexpected_field_behavior="error")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if data.startswith(codecs.BOM_UTF8):
            return None
        table = pa_json.read_json(io.BytesIO(data), parse_options=options)
        if table.num_rows != sum(1 for line in data.splitlines() if line.strip()):
            return None
        del data
        return table_to_claims(table, source=str(path))
    except (pa.ArrowException, OSError, FormatError):
        return None


def write_jsonl(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as JSON Lines, atomically."""
    with atomic_write(path, newline="\n") as handle:
        for claim in claims:
            handle.write(dumps_claim(claim))
            handle.write("\n")
