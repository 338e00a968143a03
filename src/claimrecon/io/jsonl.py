"""JSON Lines: claimrecon's native, lossless claim file (one flat row a line)."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable

from claimrecon.claim import NOT_FINITE, Claim
from claimrecon.columnar._rules import NotFiniteError, RepeatedKeyError, strict_loads
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io._records import is_large
from claimrecon.io.rows import Collector, to_row

__all__ = ["dumps_claim", "read_jsonl", "write_jsonl"]


#: JSON as a file holds it: ``NaN`` and ``Infinity`` are errors, not written (JSON has neither)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps_claim(claim: Claim) -> str:
    """One claim as one line of JSON (no newline).

    A value JSON cannot hold is a ``TypeError`` or ``ValueError``: ``NaN`` and
    infinite numbers too, which Python's ``json`` would write as ``NaN`` and
    ``Infinity`` (a claim refuses them in its extras; a list or object in an
    extra changed after the claim was built could still hold one).
    """
    return _ENCODER.encode(to_row(claim))


def read_jsonl(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of a JSON Lines file; a :class:`FormatError` lists every bad line.

    Each line that is not blank must be exactly one JSON object naming each
    field once, whose text is UTF-8 without lone surrogates (``"\\ud800"``):
    such text could not be written again.  ``NaN``, ``Infinity`` and
    ``-Infinity`` (which Python's ``json`` reads) are not JSON, and a number
    beyond a float's range (``1e999``) would be read as infinite: each is an
    error naming its line and field, at any depth.  A file of a megabyte or more (a
    few thousand claims) is first read as one Arrow table and checked column
    by column, about twice as fast; a file that does not read that way
    cleanly (a bad line, a cell of another type, an extra column) is read a
    record at a time, which names every bad line.  Both give the same claims.
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
                    row = strict_loads(line)
                except json.JSONDecodeError as err:
                    reason = (
                        f"not valid JSON ({err.msg}, column {err.colno}): truncated or malformed"
                    )
                    found.errors.append(RecordError(number, None, reason))
                    continue
                except RepeatedKeyError as err:
                    found.errors.append(RecordError(number, err.key, "is named twice"))
                    continue
                except NotFiniteError as err:
                    found.errors += [
                        RecordError(number, key, f"{NOT_FINITE}: {value}")
                        for key, value in err.found
                    ]
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


#: a line break that is not between two objects or blank lines: not ``}`` before it, or not
#: ``{`` after it
_LOOSE_BREAK = re.compile(rb"\n(?:(?<=[^}\n]\n)|(?=[^{\n]))")


def _objects_in_lines(data: bytes) -> int | None:
    """How many lines a file has, if each that is not blank is one ``{...}``; else ``None``.

    A line break inside an object always leaves a line that does not start with
    ``{`` or does not end with ``}`` (JSON text cannot hold a raw line break),
    so a file that passes has no object over two lines.  ``None`` too for a
    line with spaces around its object, a blank line of spaces and a carriage
    return that does not end a line: the line reader reads those.  One search
    of the bytes, at the speed of a scan for line breaks.
    """
    if b"\r" in data:
        if data.count(b"\r") != data.count(b"\r\n"):
            return None
        data = data.replace(b"\r\n", b"\n")
    end = len(data)
    while end and data[end - 1] == 0x0A:
        end -= 1
    start = len(data) - len(data.lstrip(b"\n")) if data[:1] == b"\n" else 0
    if start >= end:
        return 0
    if data[start] != 0x7B or data[end - 1] != 0x7D or _LOOSE_BREAK.search(data, start, end):
        return None
    return data.count(b"\n{", start, end) + 1


def _read_as_table(path: str | os.PathLike[str]) -> list[Claim] | None:
    """The claims of a file of flat rows, read as one table; ``None`` unless every row is good.

    Arrow reads each line against the flat row's JSON types (text, whole
    numbers, true/false, lists of text) and refuses a cell of another type, a
    field named twice, a lone surrogate and a field the flat row lacks; the
    table is then checked as any table of claims is
    (:func:`~claimrecon.columnar.table_to_claims`).  Arrow reads some files the
    line reader refuses, which are left to the line reader: a file with a
    byte order mark; a line that is not blank and not one ``{...}`` (an
    object over two lines); a table with another number of rows than the file
    has lines that are not blank (two objects on one line); a disputer that is
    ``null`` (Arrow keeps the list without it); text that is not UTF-8 (Arrow
    does not check every byte).  Arrow reads ``NaN`` and ``Infinity`` into
    float columns only, and the flat row has none (an extra column, where one
    could be, is an unexpected field): a line holding one is refused by Arrow
    and named by the line reader, at no cost to a clean file.
    """
    import io

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pa_json

    from claimrecon.columnar.convert import table_to_claims
    from claimrecon.columnar.schema import RECORD_SCHEMA

    options = pa_json.ParseOptions(explicit_schema=RECORD_SCHEMA, unexpected_field_behavior="error")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        lines = _objects_in_lines(data)
        if lines is None or data.startswith(codecs.BOM_UTF8):
            return None
        table = pa_json.read_json(io.BytesIO(data), parse_options=options)
        if table.num_rows != lines:
            return None
        del data
        if pc.list_flatten(table.column("disputed_by")).null_count:
            return None
        return table_to_claims(table, source=str(path))
    except (pa.ArrowException, OSError, FormatError, UnicodeError):
        return None


def write_jsonl(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as JSON Lines, atomically.

    An extra value JSON cannot hold (a date, a set) is a :class:`FormatError`
    naming each such claim and field, and nothing is written.  (A claim's
    text is always UTF-8: :class:`~claimrecon.claim.Claim` refuses a lone
    surrogate.)
    """
    errors: list[RecordError] = []
    with atomic_write(path, newline="\n") as handle:
        for claim in claims:
            try:
                line = dumps_claim(claim) + "\n"
            except (TypeError, ValueError):  # an extra value JSON cannot hold
                errors += _unwritable(claim)
                continue
            if not errors:  # after an error, the claims are only checked
                handle.write(line)
        if errors:  # the file half written is removed
            raise FormatError(str(path), errors)


def _unwritable(claim: Claim) -> list[RecordError]:
    """An error for each field of a claim that a JSON Lines file cannot hold."""
    errors = []
    for key, value in to_row(claim).items():
        try:
            _ENCODER.encode({key: value})
        except (TypeError, ValueError) as err:
            reason = f"must be JSON (text, numbers, true/false, null, lists, objects): {err}"
            errors.append(RecordError(None, key, reason, claim.id))
    return errors or [RecordError(None, None, "cannot be written as JSON", claim.id)]
