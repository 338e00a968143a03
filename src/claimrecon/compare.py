"""Compare two claims: are they about the same thing, and do their figures agree?

Two claims are comparable when one's subject and period *cover* the other's
(or both are equal):

* subject: a side covers itself, and ``all`` covers every named side; the
  ``unspecified`` category covers military and civilian; ``killed_or_wounded``
  covers killed and wounded; a claim with no location covers every location.
  Units must be the same kind of thing: people never compare with tanks.
* period: a running total covers an earlier running total of the same
  subject, and every incident inside its window; an incident covers only
  itself.  Counts whose start dates differ, or that have no as-of date, are
  not compared.

Then the figures relate as :class:`Relation`: ``agree`` (same bounds),
``consistent`` (the intervals overlap, or a part is no larger than its whole),
``divergent`` (no overlap, or a part larger than its whole, with the ratio and
the gap), or ``incomparable`` with the reason::

    >>> from claimrecon import compare, load_seeds
    >>> seeds = {c.id: c for c in load_seeds()}
    >>> compare(seeds["003-04"], seeds["003-05"]).relation.value   # 3 in one strike, 7 in all
    'consistent'
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from claimrecon.claim import ALL_SIDES, UNKNOWN, Category, Claim, Kind, Outcome
from claimrecon.errors import ArgumentError
from claimrecon.units import dimension_of

__all__ = [
    "Comparison",
    "Relation",
    "compare",
    "covered_keys",
    "covering_keys",
    "key_covers",
]

SubjectKey = tuple[str, str, str, str]


class Relation(enum.StrEnum):
    """How two claims' figures relate."""

    AGREE = "agree"
    CONSISTENT = "consistent"
    DIVERGENT = "divergent"
    INCOMPARABLE = "incomparable"


_WIDER_OUTCOME = {
    Outcome.KILLED.value: Outcome.KILLED_OR_WOUNDED.value,
    Outcome.WOUNDED.value: Outcome.KILLED_OR_WOUNDED.value,
}


def covering_keys(key: SubjectKey) -> list[SubjectKey]:
    """Every subject key that strictly covers ``key`` (at most seven)."""
    unit, side, category, outcome = key
    sides = [side] if side in (ALL_SIDES, UNKNOWN) else [side, ALL_SIDES]
    categories = (
        [category]
        if category == Category.UNSPECIFIED.value
        else [category, Category.UNSPECIFIED.value]
    )
    outcomes = [outcome] + ([_WIDER_OUTCOME[outcome]] if outcome in _WIDER_OUTCOME else [])
    return [
        (unit, s, c, o)
        for s in sides
        for c in categories
        for o in outcomes
        if (s, c, o) != (side, category, outcome)
    ]


def covered_keys(key: SubjectKey, sides: tuple[str, ...]) -> list[SubjectKey]:
    """Every subject key strictly covered by ``key``, given the named sides in play."""
    unit, side, category, outcome = key
    side_opts = [side] + (list(sides) if side == ALL_SIDES else [])
    cat_opts = [category] + (
        [Category.MILITARY.value, Category.CIVILIAN.value]
        if category == Category.UNSPECIFIED.value
        else []
    )
    out_opts = [outcome] + (
        [Outcome.KILLED.value, Outcome.WOUNDED.value]
        if outcome == Outcome.KILLED_OR_WOUNDED.value
        else []
    )
    return [
        (unit, s, c, o)
        for s in side_opts
        for c in cat_opts
        for o in out_opts
        if (s, c, o) != (side, category, outcome)
    ]


def key_covers(whole: SubjectKey, part: SubjectKey) -> bool:
    """Whether subject ``whole`` covers subject ``part`` (equal keys cover each other)."""
    return whole == part or whole in covering_keys(part)


def _location_covers(whole: str | None, part: str | None) -> bool:
    return whole is None or whole == part


def _subject_relation(a: Claim, b: Claim) -> tuple[int, str]:
    """0 equal, 1 a covers b, -1 b covers a, 2 neither; with the reason when neither."""
    if dimension_of(a.figure.unit) != dimension_of(b.figure.unit):
        return 2, f"different kinds of thing counted: {_pair(a.figure.unit, b.figure.unit)}"
    ka = (a.figure.unit, *a.subject.key)
    kb = (b.figure.unit, *b.subject.key)
    if UNKNOWN in (a.subject.side, b.subject.side):
        return 2, "whose losses is unknown for at least one claim"
    la, lb = a.subject.location, b.subject.location
    a_covers = key_covers(ka, kb) and _location_covers(la, lb)
    b_covers = key_covers(kb, ka) and _location_covers(lb, la)
    if a_covers and b_covers:
        return 0, ""
    if a_covers:
        return 1, ""
    if b_covers:
        return -1, ""
    if a.subject.side != b.subject.side and ALL_SIDES not in (a.subject.side, b.subject.side):
        return 2, f"different sides: {_pair(a.subject.side, b.subject.side)}"
    if la is not None and lb is not None and la != lb:
        return 2, f"different places: {_pair(la, lb)}"
    what_a = f"{a.subject.category.value} {a.subject.outcome.value}"
    what_b = f"{b.subject.category.value} {b.subject.outcome.value}"
    return 2, f"different subjects: {_pair(what_a, what_b)}"


def _pair(x: str, y: str) -> str:
    """Two names in a fixed order, so that reasons read the same both ways round."""
    return " and ".join(sorted((x, y)))


def _start_text(start: date | None) -> str:
    return "no start stated" if start is None else str(start)


def _window(c: Claim) -> tuple[date | None, date]:
    as_of = c.period.as_of
    assert as_of is not None
    if c.period.kind is Kind.INCIDENT:
        return (c.period.start or as_of), as_of
    return c.period.start, as_of


def _period_relation(a: Claim, b: Claim) -> tuple[int, str]:
    """0 same period, 1 a covers b, -1 b covers a, 2 neither; with the reason."""
    if a.period.as_of is None or b.period.as_of is None:
        return 2, "no as-of date: kept out of every time series"
    (sa, ea), (sb, eb) = _window(a), _window(b)
    ka, kb = a.period.kind, b.period.kind
    if ka is Kind.CUMULATIVE and kb is Kind.CUMULATIVE:
        if sa != sb:  # a total whose start is not stated is a series of its own
            starts = _pair(_start_text(sa), _start_text(sb))
            return 2, f"running totals with different starts: {starts}"
        return (0, "") if ea == eb else ((1, "") if ea > eb else (-1, ""))
    if ka is Kind.INCIDENT and kb is Kind.INCIDENT:
        if (sa, ea) == (sb, eb):
            return 0, ""
        if ea < (sb or eb) or eb < (sa or ea):
            return 2, "different incidents"
        return 2, "overlapping but different incident windows"
    cum, inc, sign = (a, b, 1) if ka is Kind.CUMULATIVE else (b, a, -1)
    (cs, ce), (is_, ie) = _window(cum), _window(inc)
    if ie <= ce and (cs is None or (is_ is not None and cs <= is_)):
        return sign, ""
    return 2, "the incident falls outside the running total's period"


def _explain(whole: Claim, part: Claim) -> str:
    reasons = []
    if whole.period.kind is Kind.CUMULATIVE and part.period.kind is Kind.INCIDENT:
        reasons.append("an incident inside a running total")
    elif whole.period.as_of != part.period.as_of:
        reasons.append("an earlier running total beside a later one")
    if whole.subject.side != part.subject.side:
        reasons.append(f"{part.subject.side} within all sides")
    if whole.subject.category is not part.subject.category:
        reasons.append(f"{part.subject.category.value} within all categories")
    if whole.subject.outcome is not part.subject.outcome:
        reasons.append(f"{part.subject.outcome.value} within killed or wounded")
    if whole.subject.location != part.subject.location:
        reasons.append(f"{part.subject.location} within all places")
    return "; ".join(reasons)


@attrs.frozen
class Comparison:
    """The outcome of :func:`compare`.

    ``whole`` and ``part`` name the claims when one covers the other;
    ``ratio`` is the divergence ratio (1.0 when consistent, ``None`` when
    incomparable) and ``gap`` the counts between the figures.
    """

    a: str
    b: str
    relation: Relation
    reason: str
    ratio: float | None = None
    gap: int | None = None
    whole: str | None = None
    part: str | None = None

    @property
    def comparable(self) -> bool:
        """Whether the claims are about the same thing (or one covers the other)."""
        return self.relation is not Relation.INCOMPARABLE


def compare(a: Claim, b: Claim) -> Comparison:
    """Say whether two claims are about the same thing and how their figures relate.

    Symmetric: ``compare(b, a)`` has the same relation, reason, ratio and gap.
    """
    for name, given in (("a", a), ("b", b)):
        if not isinstance(given, Claim):
            raise ArgumentError(f"compare takes two claims; {name} is {given!r:.100}")
    subj, why = _subject_relation(a, b)
    if subj == 2:
        return Comparison(a.id, b.id, Relation.INCOMPARABLE, why)
    per, why = _period_relation(a, b)
    if per == 2:
        return Comparison(a.id, b.id, Relation.INCOMPARABLE, why)
    if subj != 0 and per != 0 and subj != per:
        return Comparison(
            a.id,
            b.id,
            Relation.INCOMPARABLE,
            "each is wider than the other in a different way (subject or period)",
        )
    fa, fb = a.figure, b.figure
    if subj == 0 and per == 0:
        if fa.overlaps(fb):
            same = fa.bounds == fb.bounds
            return Comparison(
                a.id,
                b.id,
                Relation.AGREE if same else Relation.CONSISTENT,
                "same figure" if same else "the intervals overlap",
                1.0,
                0,
            )
        return Comparison(
            a.id,
            b.id,
            Relation.DIVERGENT,
            "the intervals do not overlap",
            fa.divergence(fb),
            fa.gap(fb),
        )
    sign = subj or per
    whole, part = (a, b) if sign == 1 else (b, a)
    explained = _explain(whole, part)
    wh = whole.figure.high
    if wh is None or part.figure.low <= wh:
        return Comparison(
            a.id, b.id, Relation.CONSISTENT, f"explained: {explained}", 1.0, 0, whole.id, part.id
        )
    ratio = float("inf") if wh == 0 else part.figure.low / wh
    return Comparison(
        a.id,
        b.id,
        Relation.DIVERGENT,
        f"the part exceeds its whole: {explained}",
        ratio,
        part.figure.low - wh,
        whole.id,
        part.id,
    )
