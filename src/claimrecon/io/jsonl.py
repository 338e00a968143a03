"""JSON Lines: claimrecon's native, lossless claim file (one flat row a line)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io.rows import COLUMNS, Collector, to_row

__all__ = ["dumps_claim", "read_jsonl", "write_jsonl"]


def dumps_claim(claim: Claim) -> str:
    """One claim as one line of JSON (no newline)."""
    return json.dumps(to_row(claim), ensure_ascii=False, separators=(",", ":"))


#: from this size on, a file is first read as one table (:func:`_read_as_table`)
TABLE_BYTES = 1 << 20


def read_jsonl(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of a JSON Lines file; a :class:`FormatError` lists every bad line.

    A file of a megabyte or more (a few thousand claims) is first read as
    one Arrow table and checked column by column, about twice as fast; a file
    that does not read that way cleanly (a bad line, a cell of another type, an
    extra column) is read a record at a time, which names every bad line.
    Both give the same claims.
    """
    if _size(path) >= TABLE_BYTES and (claims := _read_as_table(path)) is not None:
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


def _size(path: str | os.PathLike[str]) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # the record-by-record reader says why
        return 0


def _read_as_table(path: str | os.PathLike[str]) -> list[Claim] | None:
    """The claims of a file of flat rows, read as one table; ``None`` unless every row is good.

    Arrow reads each line against the flat row's JSON types (text, whole
    numbers, true/false, lists of text) and refuses a cell of another type, a
    field named twice and a field the flat row lacks; the table is then
    checked as any table of claims is (:func:`~claimrecon.columnar.table_to_claims`).
    """
    import pyarrow as pa
    import pyarrow.json as pa_json

    from claimrecon.columnar.convert import table_to_claims

    schema = _json_schema()
    options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    try:
        table = pa_json.read_json(path, parse_options=options)
        return table_to_claims(table, source=str(path))
    except (pa.ArrowException, OSError, FormatError):
        return None


def _json_schema() -> Any:
    """The flat row's columns as JSON holds them: names and dates as text."""
    import pyarrow as pa

    from claimrecon.columnar.schema import CLAIM_SCHEMA

    kinds = {field.name: field.type for field in CLAIM_SCHEMA}
    return pa.schema(
        (
            name,
            pa.string()
            if pa.types.is_dictionary(kinds[name]) or pa.types.is_date(kinds[name])
            else kinds[name],
        )
        for name in COLUMNS
    )


def write_jsonl(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as JSON Lines, atomically."""
    with atomic_write(path, newline="\n") as handle:
        for claim in claims:
            handle.write(dumps_claim(claim))
            handle.write("\n")
