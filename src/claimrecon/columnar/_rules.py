"""What the two checks at the edge share: the exact path (``validate``) and the gate.

Both must hold a table to the same words and the same notion of blank text,
so they take them from here; importing this module loads no table library.
"""

from __future__ import annotations

import json
from typing import Any

from claimrecon.claim import (
    FIELD_NAMES,
    NAMED_LIKE_A_FIELD,
    Category,
    Kind,
    Outcome,
    Precision,
    Status,
)
from claimrecon.figure import Rule

__all__ = ["ENUM_WORDS", "STRIP_SPACE", "json_object"]

#: the words each enumeration column may hold
ENUM_WORDS: dict[str, tuple[str, ...]] = {
    "category": tuple(m.value for m in Category),
    "outcome": tuple(m.value for m in Outcome),
    "rule": tuple(m.value for m in Rule),
    "kind": tuple(m.value for m in Kind),
    "precision": tuple(m.value for m in Precision),
    "status": tuple(m.value for m in Status),
}

#: the characters ``str.strip()`` removes, so that blank or padded text is found by exactly
#: the rule of the model's own validators (``not value.strip()``): every character
#: ``str.isspace`` holds for lies below U+3001
STRIP_SPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def json_object(text: str) -> dict[str, Any]:
    """The ``extra`` column's text as the JSON object it must be; ``ValueError`` if not.

    An object (at any depth) that names a key twice is refused: JSON would
    silently keep the last.  So is a key named like a claim field: a claim's
    extra columns cannot be.
    """
    try:
        value = json.loads(text, object_pairs_hook=unique_object)
    except json.JSONDecodeError as err:
        raise ValueError(f"must be a JSON object ({err.msg})") from None
    except RepeatedKeyError as err:
        raise ValueError(f"must be a JSON object naming each key once: {err}") from None
    if not isinstance(value, dict):
        raise ValueError("must be a JSON object")
    clashing = sorted(FIELD_NAMES.intersection(value))
    if clashing:  # as Claim refuses it
        raise ValueError(f"{NAMED_LIKE_A_FIELD}: {clashing[0]!r}")
    return value


class RepeatedKeyError(ValueError):
    """A JSON object names one key twice (JSON would silently keep the last)."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"{key!r} is named twice")


def unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a ``dict`` (``object_pairs_hook``), refusing a key named twice."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKeyError(key)
            seen.add(key)
    return found
