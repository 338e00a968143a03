"""What the two checks at the edge share: the exact path (``validate``) and the gate.

Both must hold a table to the same words and the same notion of blank text,
so they take them from here; importing this module loads no table library.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from claimrecon.claim import (
    FIELD_NAMES,
    NAMED_LIKE_A_FIELD,
    NOT_FINITE,
    Category,
    Kind,
    Outcome,
    Precision,
    Status,
)
from claimrecon.figure import Rule

__all__ = [
    "ENUM_WORDS",
    "STRIP_SPACE",
    "NotFiniteError",
    "RepeatedKeyError",
    "json_object",
    "strict_loads",
    "unique_object",
]

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
    extra columns cannot be; and ``NaN``, ``Infinity`` or a number beyond a
    float's range, which Python's ``json`` reads but JSON does not have
    (:func:`strict_loads`).
    """
    try:
        value = strict_loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"must be a JSON object ({err.msg})") from None
    except RepeatedKeyError as err:
        raise ValueError(f"must be a JSON object naming each key once: {err}") from None
    except NotFiniteError as err:
        key, number = err.found[0]
        if key is None:
            raise ValueError(f"must be a JSON object ({NOT_FINITE}: {number})") from None
        raise ValueError(f"{NOT_FINITE}: {key!r} holds {number}") from None
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


class NotFiniteError(ValueError):
    """JSON text holds ``NaN``, ``Infinity``, ``-Infinity`` or a number beyond a float's range.

    Python's ``json`` reads them, as floats no JSON file can hold.  ``found``
    holds, for each, the key of the top-level object it lies under (``None``
    when the text is not an object) and the number as written.
    """

    def __init__(self, found: tuple[tuple[str | None, str], ...]) -> None:
        self.found = found
        super().__init__("; ".join(f"{key!r}: {number}" for key, number in found))


def strict_loads(text: str | bytes) -> Any:
    """``json.loads``, refusing what JSON does not have.

    A key named twice in one object raises :class:`RepeatedKeyError`; ``NaN``,
    ``Infinity``, ``-Infinity`` and a number too large for a float (``1e999``,
    which Python reads as infinite) raise :class:`NotFiniteError` naming the
    top-level keys that hold them.  Text without them costs no more than
    ``json.loads`` with a hook: the refusals are found only once one is met.
    """
    try:
        return json.loads(
            text,
            object_pairs_hook=unique_object,
            parse_constant=_refuse,
            parse_float=_finite_float,
        )
    except _NotFinite:
        raise NotFiniteError(_not_finite(text)) from None


class _NotFinite(Exception):
    """Raised while parsing, where the key is not known yet."""


def _refuse(constant: str) -> NoReturn:
    raise _NotFinite(constant)


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0.0:  # infinite: a number beyond a float's range
        raise _NotFinite(text)
    return value


class _Marked:
    """A number JSON does not have, as written, kept in place to find its key."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Pairs(list[tuple[str, Any]]):
    """An object's pairs in order, repeated keys too."""


def _not_finite(text: str | bytes) -> tuple[tuple[str | None, str], ...]:
    """Each number JSON does not have in ``text``, with the top-level key holding it."""

    def mark(number: str) -> Any:
        value = float(number)
        return _Marked(number) if value - value != 0.0 else value

    value = json.loads(text, object_pairs_hook=_Pairs, parse_constant=_Marked, parse_float=mark)
    if isinstance(value, _Pairs):
        return tuple((key, number) for key, item in value for number in _marked(item))
    return tuple((None, number) for number in _marked(value))


def _marked(value: Any) -> list[str]:
    """The numbers JSON does not have within a value read by :func:`_not_finite`."""
    if isinstance(value, _Marked):
        return [value.text]
    if isinstance(value, _Pairs):
        return [number for _, item in value for number in _marked(item)]
    if isinstance(value, list):
        return [number for item in value for number in _marked(item)]
    return []
