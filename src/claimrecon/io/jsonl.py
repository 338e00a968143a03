"""JSON Lines: claimrecon's native, lossless claim file (one flat row a line)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write, open_text
from claimrecon.io.rows import RowErrors, from_row, to_row

__all__ = ["dumps_claim", "read_jsonl", "write_jsonl"]


def dumps_claim(claim: Claim) -> str:
    """One claim as one line of JSON (no newline)."""
    return json.dumps(to_row(claim), ensure_ascii=False, separators=(",", ":"))


def read_jsonl(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of a JSON Lines file; a :class:`FormatError` lists every bad line."""
    claims: list[Claim] = []
    errors: list[RecordError] = []
    seen: dict[str, int] = {}
    handle = open_text(path, encoding="utf-8")
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    errors.append(
                        RecordError(
                            number,
                            None,
                            f"not valid JSON ({err.msg}, column "
                            f"{err.colno}): truncated or malformed",
                        )
                    )
                    continue
                if not isinstance(row, dict):
                    errors.append(RecordError(number, None, "must be a JSON object"))
                    continue
                try:
                    claim = from_row(row, line=number)
                except RowErrors as err:
                    errors.extend(err.errors)
                    continue
                if claim.id in seen:
                    errors.append(
                        RecordError(
                            number, "id", f"repeats the id of line {seen[claim.id]}", claim.id
                        )
                    )
                    continue
                seen[claim.id] = number
                claims.append(claim)
        except UnicodeDecodeError as err:
            errors.append(RecordError(None, None, f"not UTF-8 text ({err.reason})"))
    if errors:
        raise FormatError(str(path), errors)
    return claims


def write_jsonl(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as JSON Lines, atomically."""
    with atomic_write(path, newline="\n") as handle:
        for claim in claims:
            handle.write(dumps_claim(claim))
            handle.write("\n")
