"""The flat claim row: one claim as one record of named columns.

This is the one place where a :class:`~claimrecon.claim.Claim` meets flat
files.  :func:`to_row` gives JSON-native values (lists, ints, ``None``,
ISO-8601 strings); :func:`from_row` reads such a record back, and with
``text=True`` reads a record whose every cell is text (CSV), where an empty
cell is ``None`` and lists are joined (``reported_by`` with ``" > "``).

Every bad field of a record is reported at once, each as a
:class:`~claimrecon.errors.RecordError` naming the line, the claim and the
field.  Columns the row does not know are kept in ``Claim.extra``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from claimrecon.claim import (
    CHAIN_SEPARATOR,
    COLUMNS,
    LIST_SEPARATOR,
    UNKNOWN,
    Claim,
    Evidence,
    Hop,
    Period,
    Subject,
)
from claimrecon.errors import ClaimReconError, InvalidClaimError, RecordError
from claimrecon.figure import Figure, Rule

T = TypeVar("T")

__all__ = ["COLUMNS", "REQUIRED", "Collector", "RowErrors", "from_row", "text_cell", "to_row"]

#: the columns of the flat row, to tell extra columns by (``COLUMNS``, in file order, is
#: :data:`claimrecon.claim.COLUMNS`: a claim's extra columns cannot be named like them)
_KNOWN = frozenset(COLUMNS)
#: columns a record must have; every other column has a default
REQUIRED: frozenset[str] = frozenset({"id", "low"})

LIST_COLUMNS = frozenset({"reported_by", "reported_dates", "disputed_by"})
#: the columns of whole numbers: the counts and the evidence span
COUNT_COLUMNS: tuple[str, ...] = ("low", "high", "stated", "evidence_start", "evidence_end")


class RowErrors(ClaimReconError, ValueError):
    """Every bad field of one record."""

    def __init__(self, errors: list[RecordError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


def _iso(value: date | None) -> str | None:
    """The ISO text of a date or datetime, each distinct moment written once."""
    if value is None:
        return None
    return _iso_text(value, value.utcoffset() if isinstance(value, datetime) else None)


@functools.lru_cache(maxsize=1 << 16)
def _iso_text(value: date, offset: timedelta | None) -> str:
    """``value.isoformat()``, remembered (a time with its offset takes about 2 microseconds).

    Kept by offset too: two times of one instant in two time zones are equal,
    but are written apart.
    """
    return value.isoformat()


def to_row(claim: Claim) -> dict[str, Any]:
    """The claim as a flat record of JSON-native values, extra columns last."""
    figure, subject, period, evidence = claim.figure, claim.subject, claim.period, claim.evidence
    row: dict[str, Any] = {
        "id": claim.id,
        "claimant": claim.claimant,
        "claimant_side": claim.claimant_side,
        "reported_by": [hop.name for hop in claim.chain],
        "reported_dates": [_iso(hop.published) for hop in claim.chain],
        "published": _iso(claim.published),
        "subject_side": subject.side,
        "category": subject.category.value,
        "outcome": subject.outcome.value,
        "unit": figure.unit,
        "low": figure.low,
        "high": figure.high,
        "approx": figure.approx,
        "qualifier": figure.qualifier,
        "rule": figure.rule.value,
        "stated": figure.stated,
        "as_of": _iso(period.as_of),
        "period_start": _iso(period.start),
        "kind": period.kind.value,
        "precision": period.precision.value,
        "location": subject.location,
        "document": evidence.document,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence": evidence.text,
        "url": claim.url,
        "status": claim.status.value,
        "disputed_by": list(claim.disputed_by),
        "note": claim.note,
    }
    for key, value in claim.extra:
        row[key] = value
    return row


def to_text_row(claim: Claim) -> dict[str, str]:
    """The claim as a record of text cells (CSV): ``None`` is the empty cell."""
    out: dict[str, str] = {}
    for key, value in to_row(claim).items():
        if key in LIST_COLUMNS:
            sep = LIST_SEPARATOR if key == "disputed_by" else CHAIN_SEPARATOR
            out[key] = sep.join("" if v is None else str(v) for v in value)
        elif value is None:
            out[key] = ""
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = str(value)
    return out


class _Reader:
    """Reads one record's fields, collecting every error instead of stopping."""

    def __init__(
        self,
        row: Mapping[str, Any],
        line: int | None,
        text: bool,
        parts: dict[Any, Any] | None = None,
    ) -> None:
        self.row = row
        self.line = line
        self.text = text
        self.parts = parts
        self.errors: list[RecordError] = []
        raw_id = row.get("id")
        self.record = raw_id if isinstance(raw_id, str) and raw_id else None

    def fail(self, field: str | None, message: str) -> None:
        self.errors.append(RecordError(self.line, field, message, self.record))

    def raw(self, field: str) -> Any:
        value = self.row.get(field)
        if self.text and value == "":
            return None
        return value

    def get(self, field: str, parse: Callable[[Any], Any], default: Any = None) -> Any:
        value = self.raw(field)
        if value is None:
            return default
        try:
            return parse(value)
        except (ValueError, TypeError) as err:
            self.fail(field, _reason(err, value))
            return default

    def shared(self, fields: tuple[str, ...], build: Callable[[], T | None]) -> T | None:
        """``build()``, or what it built before from the same cells of ``fields``.

        A part is kept only when it was built without an error; cells are told
        apart by their types too (``1``, ``1.0`` and ``true`` are equal keys in
        Python), and a cell no key can hold (a list, say) is read anew.
        """
        if self.parts is None:
            return build()
        return self.remembered((fields, *map(self.row.get, fields)), build)

    def remembered(self, cells: tuple[Any, ...], build: Callable[[], T | None]) -> T | None:
        """``build()``, or what it built before from the same ``cells`` (see :meth:`shared`)."""
        if self.parts is None:
            return build()
        key = (self.text, *((type(v), v) for v in cells))
        try:
            found: T | None = self.parts.get(key)
        except TypeError:  # an unhashable cell: read it as it is, to report it
            return build()
        if found is None:
            before = len(self.errors)
            found = build()
            if found is not None and len(self.errors) == before:
                self.parts[key] = found
        return found

    def text_field(self, field: str) -> str | None:
        value: str | None = self.get(field, _as_text)
        return value

    def integer(self, field: str) -> int | None:
        value: int | None = self.get(field, _as_int_text if self.text else _as_int)
        return value

    def listed(self, field: str) -> list[Any]:
        value = self.raw(field)
        if value is None:
            return []
        if self.text:
            return _split(field, str(value))
        if not isinstance(value, list):
            self.fail(field, f"must be a list: {value!r}")
            return []
        return value


def _split(field: str, text: str) -> list[str | None]:
    """The items of a list cell of text: ``" > "`` between hops, ``"; "`` between disputers."""
    sep = LIST_SEPARATOR if field == "disputed_by" else CHAIN_SEPARATOR
    return [None if part == "" else part for part in text.split(sep)]


def text_cell(field: str, cell: str) -> Any:
    """A text cell (already restored, see :func:`~claimrecon.io.csvfile.restore`) as a JSON value.

    What :func:`from_row` reads a record of text cells with, for reading a
    file a column at a time (:mod:`claimrecon.io._records`): an empty cell is
    ``None`` (an empty list for a list column), counts and ``approx`` are
    read as numbers and true or false, lists are split, and a disputer left
    empty is dropped.  Raises ``ValueError`` for a count or flag it cannot read.
    """
    if field in LIST_COLUMNS:
        items = [] if cell == "" else _split(field, cell)
        return [d for d in items if d is not None] if field == "disputed_by" else items
    if cell == "":
        return None
    if field in COUNT_COLUMNS:
        return _as_int_text(cell)
    if field == "approx":
        return _as_bool(cell)
    return cell


def _reason(err: Exception, value: Any) -> str:
    if isinstance(err, InvalidClaimError):
        return f"{err.rule}: {err.value!r}"
    return f"{err}: {value!r}" if repr(value) not in str(err) else str(err)


def _as_text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("must be text")
    return value


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("must be an integer")
    return value


def _as_int_text(value: Any) -> int:
    text = str(value).strip()
    if not _INTEGER.fullmatch(text):  # ASCII digits only: int() would read "٣" and "５"
        raise ValueError("must be an integer")
    return int(text)


#: a whole number written in text, in ASCII digits
_INTEGER = re.compile(r"-?[0-9]+")


def _as_true_or_false(value: Any) -> bool:
    """A JSON flag: ``true`` or ``false`` itself, not text that spells one."""
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.lower() in ("true", "1", "yes")
    raise ValueError("must be true or false")


def _as_date(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError("must be an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO date (YYYY-MM-DD)") from None


def _as_moment(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError("must be an ISO date or datetime")
    try:
        return (
            datetime.fromisoformat(value)
            if "T" in value or " " in value.strip()
            else date.fromisoformat(value)
        )
    except ValueError:
        raise ValueError("must be an ISO date or datetime") from None


def _local_day(value: Any) -> date:
    """The day of an ISO date or datetime, in the datetime's own time zone."""
    moment = _as_moment(value)
    return moment.date() if isinstance(moment, datetime) else moment


def from_row(
    row: Mapping[str, Any],
    *,
    line: int | None = None,
    text: bool = False,
    parts: dict[Any, Any] | None = None,
) -> Claim:
    """Read a claim from a flat record; raise :class:`RowErrors` listing every bad field.

    ``parts``, a dictionary kept over the records of one file, shares the
    claims' subjects, periods, evidence and hops (they are frozen): each is
    read and built once per distinct set of cells (:func:`_shared`).
    """
    r = _Reader(row, line, text, parts)
    for column in REQUIRED:
        if r.raw(column) is None:
            r.fail(column, "is required")
    claim_id = r.text_field("id")
    figure = _figure(r)
    subject = r.shared(
        ("subject_side", "category", "outcome", "location"),
        lambda: _build(
            r,
            "subject_side",
            lambda: Subject(
                side=r.text_field("subject_side") or UNKNOWN,
                category=r.text_field("category") or "unspecified",
                outcome=r.text_field("outcome") or "killed",
                location=r.text_field("location"),
            ),
        ),
    )
    period = r.shared(
        ("as_of", "period_start", "kind", "precision"),
        lambda: _build(
            r,
            "as_of",
            lambda: Period(
                as_of=r.get("as_of", _as_date),
                start=r.get("period_start", _as_date),
                kind=r.text_field("kind") or "cumulative",
                precision=r.text_field("precision") or "day",
            ),
        ),
    )
    chain = _chain(r)
    evidence = r.shared(
        ("document", "evidence_start", "evidence_end", "evidence"),
        lambda: _build(
            r,
            "evidence",
            lambda: Evidence(
                document=r.text_field("document"),
                start=r.integer("evidence_start"),
                end=r.integer("evidence_end"),
                text=r.text_field("evidence"),
            ),
        ),
    )
    published = r.get("published", _as_moment)
    disputed_by = r.listed("disputed_by")
    if r.text:  # an empty entry of a list cell ("a; ; b") names no one
        disputed_by = [d for d in disputed_by if d is not None]
    elif None in disputed_by:
        r.fail("disputed_by", f"must name who disputes the claim, not null: {disputed_by!r}")
    extra = [(k, v) for k, v in row.items() if k not in _KNOWN and k is not None]
    # read before the errors are counted: a cell that is not text is an error, not a default
    claimant = r.text_field("claimant")
    claimant_side = r.text_field("claimant_side") or UNKNOWN
    status = r.text_field("status") or "reported"
    url = r.text_field("url")
    note = r.text_field("note")
    if (
        r.errors
        or claim_id is None
        or figure is None
        or subject is None
        or period is None
        or chain is None
        or evidence is None
    ):
        if not r.errors:  # pragma: no cover - every None above comes with an error
            r.fail(None, "could not be read")
        raise RowErrors(r.errors)
    try:
        return Claim(
            id=claim_id,
            figure=figure,
            subject=subject,
            period=period,
            claimant=claimant,
            claimant_side=claimant_side,
            chain=chain,
            published=published,
            evidence=evidence,
            status=status,
            disputed_by=disputed_by,
            url=url,
            note=note,
            extra=extra,
        )
    except InvalidClaimError as err:
        r.fail(err.field, f"{err.rule}: {err.value!r}")
        raise RowErrors(r.errors) from None


def _build(r: _Reader, field: str, make: Callable[[], Any]) -> Any:
    before = len(r.errors)
    try:
        value = make()
    except InvalidClaimError as err:
        r.fail(err.field, f"{err.rule}: {err.value!r}")
        return None
    return value if len(r.errors) == before else None


def _figure(r: _Reader) -> Figure | None:
    low = r.integer("low")
    high = r.integer("high")
    stated = r.integer("stated")
    approx = r.get("approx", _as_bool if r.text else _as_true_or_false)
    rule_text = r.text_field("rule") or None  # empty, as any empty field: read from the bounds
    if low is None:
        return None
    if rule_text is None:
        rule = Rule.EXACT if high == low else (Rule.AT_LEAST if high is None else Rule.BETWEEN)
        stated = low if stated is None and rule in (Rule.EXACT, Rule.AT_LEAST) else stated
    else:
        try:
            rule = Rule(rule_text)
        except ValueError:
            r.fail("rule", f"must be one of {', '.join(x.value for x in Rule)}: {rule_text!r}")
            return None
    figure: Figure | None = _build(
        r,
        "low",
        lambda: Figure(
            low=low,
            high=high,
            unit=r.text_field("unit") or "person",
            rule=rule,
            stated=stated,
            qualifier=r.text_field("qualifier"),
        ),
    )
    if figure is not None and approx is not None and approx != figure.approx:
        r.fail(
            "approx", f"must be {str(figure.approx).lower()} for rule {rule.value!r}: {approx!r}"
        )
        return None
    return figure


def _chain(r: _Reader) -> tuple[Hop, ...] | None:
    names = r.listed("reported_by")
    dates = r.listed("reported_dates")
    if dates and len(dates) != len(names):
        r.fail("reported_dates", f"must have one entry per hop ({len(names)}): {dates!r}")
        return None
    hops = []
    for i, name in enumerate(names):
        stamp = dates[i] if dates else None
        hop = r.remembered(("hop", name, stamp), functools.partial(_hop, r, name, stamp))
        if hop is None:
            return None
        hops.append(hop)
    return tuple(hops)


def _hop(r: _Reader, name: Any, stamp: Any) -> Hop | None:
    """A hop from its name and the text of its date, or ``None`` with the error noted."""
    published = None
    if stamp is not None:
        try:
            published = _as_moment(stamp)
        except (ValueError, TypeError) as err:
            r.fail("reported_dates", _reason(err, stamp))
            return None
    hop: Hop | None = _build(r, "reported_by", functools.partial(Hop, name, published))
    return hop


class Collector:
    """Claims read from a file's records, and every bad record, with repeated ids refused."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.errors: list[RecordError] = []
        self._seen: dict[str, int] = {}
        self._parts: dict[Any, Any] = {}  # the claims' parts, shared (see from_row)

    def add(self, row: Mapping[str, Any], *, line: int, text: bool = False) -> None:
        """Read one record; keep the claim, or keep why it could not be read."""
        try:
            claim = from_row(row, line=line, text=text, parts=self._parts)
        except RowErrors as err:
            self.errors.extend(err.errors)
            return
        if claim.id in self._seen:
            message = f"repeats the id of line {self._seen[claim.id]}"
            self.errors.append(RecordError(line, "id", message, claim.id))
            return
        self._seen[claim.id] = line
        self.claims.append(claim)
