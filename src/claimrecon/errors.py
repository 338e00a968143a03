"""The exceptions claimrecon raises: one root, each child also a builtin.

Every error a user can meet derives from :class:`ClaimReconError`, so
``except claimrecon.ClaimReconError`` catches them all; each concrete error
also subclasses the builtin it resembles (``ValueError``, ``TypeError``,
``KeyError``, ``ImportError``), so code written against the builtins keeps working.  Errors keep
their structured fields (record, field, rule, value) and pickle.

:class:`UnitMismatchError` is also pint's ``DimensionalityError``; it is
defined on first use, so that importing claimrecon does not load pint.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from pint.errors import DimensionalityError

__all__ = [
    "ArgumentError",
    "ClaimReconError",
    "DuplicateIdError",
    "FormatError",
    "InvalidClaimError",
    "MissingDependencyError",
    "ParseError",
    "RecordError",
    "UnitMismatchError",
]


class ClaimReconError(Exception):
    """The root of every error claimrecon raises."""


class InvalidClaimError(ClaimReconError, ValueError):
    """A value breaks a rule of the model.

    The message names the record (when known), the field, the rule and the
    value: ``claim 'k-3': 'low' must be >= 0: -3``.
    """

    def __init__(self, field: str, rule: str, value: Any, record: str | None = None) -> None:
        self.field = field
        self.rule = rule
        self.value = value
        self.record = record
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"claim {self.record!r}: " if self.record is not None else ""
        return f"{where}{self.field!r} {self.rule}: {self.value!r}"

    def for_record(self, record: str) -> InvalidClaimError:
        """The same error, naming the record it was found in."""
        return type(self)(self.field, self.rule, self.value, record)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.rule, self.value, self.record))


class ParseError(ClaimReconError, ValueError):
    """Text that should hold a figure, number or date could not be read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read {text!r}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.text, self.reason))


if TYPE_CHECKING:

    class UnitMismatchError(ClaimReconError, DimensionalityError):
        """Two figures of different dimensions (people and tanks) were combined."""

        def __init__(self, units1: str, units2: str, extra_msg: str = "") -> None: ...


def _define_unit_mismatch_error() -> type[Exception]:
    from pint.errors import DimensionalityError

    class UnitMismatchError(ClaimReconError, DimensionalityError):
        """Two figures of different dimensions (people and tanks) were combined.

        It is pint's own ``DimensionalityError`` (a ``TypeError``), so code that
        guards pint arithmetic catches it too.
        """

        def __init__(self, units1: str, units2: str, extra_msg: str = "") -> None:
            super().__init__(units1, units2, "", "", extra_msg)

        def __reduce__(self) -> tuple[Any, ...]:
            return (type(self), (self.units1, self.units2, self.extra_msg))

    UnitMismatchError.__qualname__ = "UnitMismatchError"
    return UnitMismatchError


class ArgumentError(ClaimReconError, ValueError):
    """Arguments that do not fit together.

    For example claims prepared for the columnar engine with one side registry,
    then given to it with another.
    """


class MissingDependencyError(ClaimReconError, ImportError):
    """A function needs an optional dependency that is not installed.

    The message says what to install: ``pip install 'claimrecon[pandas]'``.
    """

    def __init__(self, module: str, install: str) -> None:
        self.module = module
        self.install = install
        super().__init__(f"{module} is not installed; install it with: pip install {install}")
        self.name = module

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.module, self.install))


class DuplicateIdError(ClaimReconError, ValueError):
    """Several claims share one id."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = tuple(ids)
        shown = ", ".join(repr(i) for i in self.ids[:10])
        more = f" and {len(self.ids) - 10} more" if len(self.ids) > 10 else ""
        super().__init__(f"claim ids must be unique; repeated: {shown}{more}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.ids,))


@attrs.frozen
class RecordError:
    """One bad record in a file: where it is, which field, and what is wrong."""

    line: int | None
    field: str | None
    message: str
    record: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record is not None:
            parts.append(f"claim {self.record!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return f"{', '.join(parts)}: {self.message}" if parts else self.message


class FormatError(ClaimReconError, ValueError):
    """A file could not be read or written; every bad record is listed at once."""

    def __init__(self, path: str, errors: Sequence[RecordError]) -> None:
        self.path = path
        self.errors = tuple(errors)
        lines = [f"{path}: {len(self.errors)} bad record(s)"]
        lines += [f"  {path}: {e}" for e in self.errors[:50]]
        if len(self.errors) > 50:
            lines.append(f"  ... and {len(self.errors) - 50} more")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.errors))


_define_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    # The one UnitMismatchError class, made on first use and kept as a module global.
    if name != "UnitMismatchError":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _define_lock:
        if name not in globals():
            globals()[name] = _define_unit_mismatch_error()
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
