"""Claim: one sourced, dated casualty or loss figure, and its parts.

A claim says *who* (the claimant, and the chain of outlets and wires that
republished it) said *how many* (a :class:`~claimrecon.figure.Figure`) of
*what* (a :class:`Subject`: whose side, military or civilian, killed or
wounded ...) over *which period* (a :class:`Period`), and *where in which
document* it says so (:class:`Evidence`)::

    >>> from datetime import date
    >>> from claimrecon import Claim, Figure, Hop, Period, Subject
    >>> claim = Claim(
    ...     id="nk-772",
    ...     figure=Figure.exact(772),
    ...     subject=Subject("armenia", "military", "killed"),
    ...     period=Period.since(date(2020, 9, 27), as_of=date(2020, 10, 20)),
    ...     claimant="Nagorno-Karabakh",
    ...     claimant_side="armenia",
    ...     chain=(Hop("Example Daily"), Hop("Reuters")),
    ... )
    >>> claim.original_source
    'Nagorno-Karabakh'

Every invariant is checked when a claim is built, with a message naming the
field, the rule and the value.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from claimrecon.errors import InvalidClaimError
from claimrecon.figure import Figure
from claimrecon.units import is_equipment

__all__ = [
    "CHAIN_SEPARATOR",
    "COLUMNS",
    "MAX_COUNT",
    "Category",
    "Claim",
    "Evidence",
    "Hop",
    "Kind",
    "Outcome",
    "Period",
    "Precision",
    "Status",
    "Subject",
]

#: joins the hops of a chain in flat files: ``"Kompas.com > AFP"``
CHAIN_SEPARATOR = " > "
#: joins the names of those who dispute a claim in flat files
LIST_SEPARATOR = "; "
#: the largest count a claim holds: 2**53 - 1, the largest integer every JSON reader holds
#: exactly, and far beyond any count of people or equipment.  It keeps what the columnar
#: engine computes from counts (sums of parts, ceilings four times a count, midpoints)
#: within 64-bit integers, so that both paths give the same answers
MAX_COUNT = 2**53 - 1
#: what a count above :data:`MAX_COUNT` is told, on every path
TOO_LARGE = f"must be at most {MAX_COUNT} (2**53 - 1)"
#: the columns of the flat claim row (:mod:`claimrecon.io.rows`), in order: an extra column
#: cannot be named like one of them
COLUMNS: tuple[str, ...] = (
    "id",
    "claimant",
    "claimant_side",
    "reported_by",
    "reported_dates",
    "published",
    "subject_side",
    "category",
    "outcome",
    "unit",
    "low",
    "high",
    "approx",
    "qualifier",
    "rule",
    "stated",
    "as_of",
    "period_start",
    "kind",
    "precision",
    "location",
    "document",
    "evidence_start",
    "evidence_end",
    "evidence",
    "url",
    "status",
    "disputed_by",
    "note",
)
#: the names of the flat row's columns, which no extra column may have
FIELD_NAMES = frozenset(COLUMNS)
#: what an extra column named like one is told, on every path
NAMED_LIKE_A_FIELD = "must not be named like a claim field"
#: what text with a lone surrogate ("\ud800"), which no file can hold, is told
NOT_TEXT = "must be text without lone surrogates (\\ud800 to \\udfff)"

#: side of a claimant or subject that could not be resolved
UNKNOWN = "unknown"
#: subject side of a figure covering every side of the war
ALL_SIDES = "all"
#: claimant side of a non-belligerent (a UN agency, a wire's own count)
THIRD_PARTY = "third_party"

_SIDE = re.compile(r"^[a-z][a-z0-9_]*$")
_E = TypeVar("_E", bound=enum.StrEnum)


class Category(enum.StrEnum):
    """Military or civilian; ``unspecified`` is read as covering both."""

    MILITARY = "military"
    CIVILIAN = "civilian"
    UNSPECIFIED = "unspecified"


class Outcome(enum.StrEnum):
    """What happened to what is counted: people, or equipment."""

    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    CAPTURED = "captured"
    DISPLACED = "displaced"
    KILLED_OR_WOUNDED = "killed_or_wounded"
    DESTROYED = "destroyed"
    DAMAGED = "damaged"
    SHOT_DOWN = "shot_down"


PEOPLE_OUTCOMES = frozenset(
    {
        Outcome.KILLED,
        Outcome.WOUNDED,
        Outcome.MISSING,
        Outcome.CAPTURED,
        Outcome.DISPLACED,
        Outcome.KILLED_OR_WOUNDED,
    }
)
EQUIPMENT_OUTCOMES = frozenset(
    {Outcome.DESTROYED, Outcome.DAMAGED, Outcome.CAPTURED, Outcome.SHOT_DOWN}
)


class Kind(enum.StrEnum):
    """Whether a figure is a running total or one incident."""

    CUMULATIVE = "cumulative"
    INCIDENT = "incident"


class Precision(enum.StrEnum):
    """How precise the as-of date is."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Status(enum.StrEnum):
    """Where a claim stands: as reported, revised by its claimant, or disputed."""

    REPORTED = "reported"
    REVISED = "revised"
    DISPUTED = "disputed"
    RETRACTED = "retracted"


def _enum_value(kind: type[_E], field: str, value: object) -> _E:
    try:
        if isinstance(value, kind):
            return value
        if not isinstance(value, str):
            raise ValueError(value)
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise InvalidClaimError(field, f"must be one of {allowed}", value) from None


def _category(value: object) -> Category:
    return _enum_value(Category, "category", value)


def _outcome(value: object) -> Outcome:
    return _enum_value(Outcome, "outcome", value)


def _kind(value: object) -> Kind:
    return _enum_value(Kind, "kind", value)


def _precision(value: object) -> Precision:
    return _enum_value(Precision, "precision", value)


def _status(value: object) -> Status:
    return _enum_value(Status, "status", value)


def _side(field: str, *, allow_all: bool) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if not isinstance(value, str) or not _SIDE.match(value):
            raise InvalidClaimError(
                field, "must be a lower-case side name such as 'armenia' or 'unknown'", value
            )
        if value == ALL_SIDES and not allow_all:
            raise InvalidClaimError(
                field, "cannot be 'all' (only a subject covers all sides)", value
            )

    return check


def _optional_text(field: str, forbidden: str = "") -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value.strip():
            raise InvalidClaimError(field, "must be None or non-empty text", value)
        if forbidden and forbidden.strip() in value:
            raise InvalidClaimError(field, f"must not contain {forbidden.strip()!r}", value)

    return check


def _optional_date(field: str) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if value is None:
            return
        if isinstance(value, datetime) or not isinstance(value, date):
            raise InvalidClaimError(field, "must be a date (not a datetime) or None", value)

    return check


def _optional_moment(field: str) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, date):
            raise InvalidClaimError(field, "must be a date, a datetime or None", value)

    return check


def _local_date(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


@attrs.frozen
class Subject:
    """What is counted: whose losses, which category, what outcome, where."""

    side: str = attrs.field(default=UNKNOWN, validator=_side("subject_side", allow_all=True))
    category: Category = attrs.field(default=Category.UNSPECIFIED, converter=_category)
    outcome: Outcome = attrs.field(default=Outcome.KILLED, converter=_outcome)
    location: str | None = attrs.field(default=None, validator=_optional_text("location"))

    @property
    def key(self) -> tuple[str, str, str]:
        """``(side, category, outcome)``: what reconciliation groups by."""
        return self.side, self.category.value, self.outcome.value


@attrs.frozen
class Period:
    """When: the as-of date, where a running total starts, and its kind.

    For a cumulative figure ``start`` is the "since" date; for an incident,
    ``start`` to ``as_of`` is the window of the incident, and an incident
    given no start is one day, its ``as_of`` (``start`` is set to it, so that
    it is one incident with the same incident written either way).  ``as_of``
    may be unknown (``None``): such a claim is kept out of every time series.
    """

    as_of: date | None = attrs.field(default=None, validator=_optional_date("as_of"))
    start: date | None = attrs.field(default=None, validator=_optional_date("period_start"))
    kind: Kind = attrs.field(default=Kind.CUMULATIVE, converter=_kind)
    precision: Precision = attrs.field(default=Precision.DAY, converter=_precision)

    def __attrs_post_init__(self) -> None:
        if self.kind is Kind.INCIDENT and self.start is None and self.as_of is not None:
            object.__setattr__(self, "start", self.as_of)  # frozen: set once, while built
        if self.start is not None and self.as_of is not None and self.start > self.as_of:
            raise InvalidClaimError(
                "period_start",
                f"must be on or before as_of ({self.as_of.isoformat()})",
                self.start.isoformat(),
            )

    @classmethod
    def since(cls, start: date, *, as_of: date | None = None) -> Period:
        """A running total since ``start``: "since 27 September"."""
        return cls(as_of=as_of, start=start, kind=Kind.CUMULATIVE)

    @classmethod
    def incident(cls, on: date | None, *, until: date | None = None) -> Period:
        """One incident on a day (or from ``on`` to ``until``)."""
        if until is None:
            return cls(as_of=on, start=on, kind=Kind.INCIDENT)
        return cls(as_of=until, start=on, kind=Kind.INCIDENT)

    @property
    def is_cumulative(self) -> bool:
        """Whether the figure is a running total."""
        return self.kind is Kind.CUMULATIVE


@attrs.frozen
class Hop:
    """One republication step: an outlet or wire that carried the claim."""

    name: str = attrs.field(validator=_optional_text("reported_by", CHAIN_SEPARATOR))
    published: date | None = attrs.field(default=None, validator=_optional_moment("reported_dates"))

    def __attrs_post_init__(self) -> None:
        if self.name is None:  # the validator lets None through for optional fields
            raise InvalidClaimError("reported_by", "must name every hop", None)


def _chain(value: Iterable[Hop | str]) -> tuple[Hop, ...]:
    if isinstance(value, str):
        raise InvalidClaimError("reported_by", "must be a sequence of hops, not one string", value)
    return tuple(h if isinstance(h, Hop) else Hop(h) for h in value)


@attrs.frozen
class Evidence:
    """Where the figure stands: a document and the character span of its phrase."""

    document: str | None = attrs.field(default=None, validator=_optional_text("document"))
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        for name, value in (("evidence_start", self.start), ("evidence_end", self.end)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise InvalidClaimError(name, "must be an integer", value)
            if value is not None and value < 0:
                raise InvalidClaimError(name, "must be >= 0", value)
        if (self.start is None) != (self.end is None):
            raise InvalidClaimError(
                "evidence_end", "must be given together with evidence_start", self.end
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidClaimError(
                "evidence_end", f"must be >= evidence_start ({self.start})", self.end
            )
        if self.text is not None:
            if not isinstance(self.text, str) or not self.text:
                raise InvalidClaimError("evidence", "must be None or non-empty text", self.text)
            if (
                self.start is not None
                and self.end is not None
                and len(self.text) != self.end - self.start
            ):
                raise InvalidClaimError(
                    "evidence",
                    f"must be as long as its span ({self.end - self.start} characters)",
                    self.text,
                )

    @property
    def span(self) -> tuple[int, int] | None:
        """``(start, end)`` of the phrase in the document, end exclusive."""
        return None if self.start is None or self.end is None else (self.start, self.end)


def _id(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value or value != value.strip():
        raise InvalidClaimError("id", "must be non-empty text without surrounding spaces", value)


#: what an extra holding NaN or an infinite number is told, on every path: JSON has neither,
#: so no file could hold it (Python's ``json`` would write ``NaN``, which is not JSON)
NOT_FINITE = "must not hold NaN or an infinite number (JSON has neither)"
_INFINITY = float("inf")


def _extra(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    items = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    extra = tuple((str(k), v) for k, v in items)
    for key, item in extra:
        if not isinstance(item, str) and not _finite(item):
            raise InvalidClaimError("extra", NOT_FINITE, key)
    return extra


def _finite(value: Any) -> bool:
    """Whether a JSON-like value holds no NaN or infinite number, at any depth."""
    if isinstance(value, float):
        return -_INFINITY < value < _INFINITY  # false for NaN too
    if isinstance(value, list | tuple):
        return all(map(_finite, value))
    if isinstance(value, Mapping):
        return all(_finite(key) and _finite(item) for key, item in value.items())
    return True


def _texts_within(value: Any) -> Iterator[str]:
    """The texts of a JSON-like value: itself, or those within its lists and objects."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts_within(item)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts_within(key)
            yield from _texts_within(item)


def _part(field: str, kind: type) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidClaimError(field, f"must be of type {kind.__name__}", value)

    return check


def _disputers(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidClaimError("disputed_by", "must be a sequence of names, not one string", value)
    return tuple(value)


@attrs.frozen
class Claim:
    """One sourced, dated figure.

    Fields: ``id``; ``figure``; ``subject`` (what is counted); ``period``;
    ``claimant`` and ``claimant_side`` (the original claimant, ``None`` when
    the text names none); ``chain`` (the republication chain, outermost
    first: outlet, then wire); ``published`` (when the document appeared);
    ``evidence``; ``status`` and ``disputed_by``; ``url``; ``note``; and
    ``extra``, columns of a file that claimrecon does not know, kept as they
    were through a round trip.
    """

    id: str = attrs.field(validator=_id)
    figure: Figure = attrs.field(validator=_part("figure", Figure))
    subject: Subject = attrs.field(factory=Subject, validator=_part("subject", Subject))
    period: Period = attrs.field(factory=Period, validator=_part("period", Period))
    claimant: str | None = attrs.field(default=None, validator=_optional_text("claimant"))
    claimant_side: str = attrs.field(
        default=UNKNOWN, validator=_side("claimant_side", allow_all=False)
    )
    chain: tuple[Hop, ...] = attrs.field(default=(), converter=_chain)
    published: date | None = attrs.field(default=None, validator=_optional_moment("published"))
    evidence: Evidence = attrs.field(factory=Evidence, validator=_part("evidence", Evidence))
    status: Status = attrs.field(default=Status.REPORTED, converter=_status)
    disputed_by: tuple[str, ...] = attrs.field(default=(), converter=_disputers)
    url: str | None = attrs.field(default=None, validator=_optional_text("url"))
    note: str | None = attrs.field(default=None, validator=_optional_text("note"))
    extra: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_extra, hash=False)

    def __attrs_post_init__(self) -> None:
        figure = self.figure
        for name, count in (("low", figure.low), ("high", figure.high), ("stated", figure.stated)):
            if count is not None and count > MAX_COUNT:
                raise InvalidClaimError(name, TOO_LARGE, count)
        outcome, unit = self.subject.outcome, figure.unit
        if is_equipment(unit):
            if outcome not in EQUIPMENT_OUTCOMES:
                allowed = ", ".join(sorted(o.value for o in EQUIPMENT_OUTCOMES))
                raise InvalidClaimError(
                    "outcome", f"must be one of {allowed} for unit {unit!r}", outcome.value
                )
        elif outcome not in PEOPLE_OUTCOMES:
            allowed = ", ".join(sorted(o.value for o in PEOPLE_OUTCOMES))
            raise InvalidClaimError(
                "outcome", f"must be one of {allowed} for people", outcome.value
            )
        names = [hop.name for hop in self.chain]
        if len(set(names)) != len(names):
            raise InvalidClaimError(
                "reported_by",
                "must not cite itself (a hop appears twice)",
                CHAIN_SEPARATOR.join(names),
            )
        as_of = self.period.as_of
        if as_of is not None and self.published is not None and as_of > _local_date(self.published):
            raise InvalidClaimError(
                "as_of",
                f"must not be after publication ({_local_date(self.published).isoformat()})",
                as_of.isoformat(),
            )
        for name in self.disputed_by:
            if not isinstance(name, str) or not name.strip() or LIST_SEPARATOR.strip() in name:
                raise InvalidClaimError("disputed_by", "must name each disputer (no ';')", name)
        if (self.status is Status.DISPUTED) != bool(self.disputed_by):
            raise InvalidClaimError(
                "disputed_by",
                "must name who disputes a claim exactly when status is 'disputed'",
                list(self.disputed_by),
            )
        keys = [k for k, _ in self.extra]
        if len(set(keys)) != len(keys):
            raise InvalidClaimError("extra", "must not repeat a column", keys)
        clashing = sorted(FIELD_NAMES.intersection(keys))
        if clashing:  # in a file it would take the place of the field
            raise InvalidClaimError("extra", NAMED_LIKE_A_FIELD, clashing[0])
        self._check_encodable()

    def _check_encodable(self) -> None:
        """Every text of the claim is UTF-8: a lone surrogate could be written to no file."""
        figure, subject, evidence = self.figure, self.subject, self.evidence
        texts = [
            self.id,
            self.claimant or "",
            self.url or "",
            self.note or "",
            figure.qualifier or "",
            subject.location or "",
            evidence.document or "",
            evidence.text or "",
            *[hop.name for hop in self.chain],
            *self.disputed_by,
        ]
        for key, value in self.extra:
            texts.append(key)
            texts += _texts_within(value)
        joined = "".join(texts)
        if joined.isascii():
            return
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            raise self._not_text() from None

    def _not_text(self) -> InvalidClaimError:
        """The error naming the first field whose text has a lone surrogate."""
        figure, subject, evidence = self.figure, self.subject, self.evidence
        texts = [
            ("id", self.id),
            ("claimant", self.claimant),
            ("url", self.url),
            ("note", self.note),
            ("qualifier", figure.qualifier),
            ("location", subject.location),
            ("document", evidence.document),
            ("evidence", evidence.text),
            *(("reported_by", hop.name) for hop in self.chain),
            *(("disputed_by", name) for name in self.disputed_by),
            *(("extra", t) for key, value in self.extra for t in [key, *_texts_within(value)]),
        ]
        for field, text in texts:
            try:
                (text or "").encode("utf-8")
            except UnicodeEncodeError:
                return InvalidClaimError(field, NOT_TEXT, text)
        raise AssertionError("a text that cannot be written has a field")  # pragma: no cover

    # -- derived ------------------------------------------------------------

    @property
    def original_source(self) -> str | None:
        """Who first made the claim: the claimant, else the innermost hop, else None."""
        if self.claimant is not None:
            return self.claimant
        return self.chain[-1].name if self.chain else None

    @property
    def outlet(self) -> str | None:
        """The outermost hop: the outlet the claim was read in."""
        return self.chain[0].name if self.chain else None

    @property
    def extras(self) -> dict[str, Any]:
        """The extra columns as a dict."""
        return dict(self.extra)

    @property
    def is_dated(self) -> bool:
        """Whether the claim has an as-of date."""
        return self.period.as_of is not None

    def evolve(self, **changes: Any) -> Claim:
        """A copy with some fields changed (validated again)."""
        return attrs.evolve(self, **changes)

    def republished(self, claim_id: str, outlet: str, published: date | None = None) -> Claim:
        """The same claim carried one hop further out, by ``outlet``."""
        return attrs.evolve(
            self,
            id=claim_id,
            chain=(Hop(outlet, published), *self.chain),
            published=published if published is not None else self.published,
        )


def _naming_the_record(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``Claim.__init__`` so that every invariant error names the claim's id."""

    @functools.wraps(init)
    def wrapper(self: Claim, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except InvalidClaimError as err:
            claim_id = kwargs.get("id", args[0] if args else None)
            if err.record is None and isinstance(claim_id, str):
                raise err.for_record(claim_id) from None
            raise

    return wrapper


Claim.__init__ = _naming_the_record(Claim.__init__)  # type: ignore[method-assign]
