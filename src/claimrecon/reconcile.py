"""Reconcile: a low/best/high estimate per subject and as-of date, with a trace.

:func:`reconcile` groups claims by subject (unit, side, category, outcome,
location) and gives one :class:`Estimate` per as-of date of a running total,
per incident, and per subject for claims with no as-of date (never placed in
a time series).  Every claim appears in exactly one estimate's trace as used
or set aside, with the reason, and may also appear in others as a bound.

What is credible: everything but retracted claims and enemy-loss claims (a
side's figure for the other side's losses), which are set aside with that
reason under every policy.  Echoes of one statement count once; each
independent source has one vote.

Running totals are a series per start: a credible count as of one date is
a lower bound for every later date, and a credible later count bounds earlier
ones from above, so the reconciled low, best and high never decrease.  A total
"since 10 October" is not held against one "since 27 September", and a total
whose start is not stated is a series of its own (as the series check of
:func:`claimrecon.flag` takes it): nothing is guessed about when it began.
When the two bounds cross, the high is raised to the low and the estimate is
graded contested.

Grades follow Airwars: ``confirmed`` (two or more independent sources agree
and one of them is the side that suffered the losses), ``fair`` (two or more
agree), ``weak`` (one source), ``contested`` (credible figures disagree, or
a used claim is disputed), ``discounted`` (no credible claim: low, best and
high are ``None``).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import attrs

from claimrecon.attribution import Annotated, ClaimSource, Stance, annotate, check_unique_ids, route
from claimrecon.claim import Kind, Status
from claimrecon.errors import ArgumentError
from claimrecon.figure import Figure, Rule
from claimrecon.sides import DEFAULT_SIDES, SideRegistry

__all__ = [
    "Estimate",
    "Grade",
    "Policy",
    "TraceAction",
    "TraceEntry",
    "point_of",
    "policy_of",
    "reconcile",
]


class Policy(enum.StrEnum):
    """How the best figure is chosen; low and high are the credible hull under every policy.

    ``conservative``
        ACLED: "if reports differ or a vague estimate is given, use the most
        conservative estimate" (ACLED Codebook, fatalities).  best = the
        lowest credible figure.
    ``range``
        Iraq Body Count and the Every Casualty Standards (2016, standard on
        uncertainty): report the range from the lowest to the highest
        credible figure.  best = the median of the independent sources'
        point figures, one vote each.
    ``best`` (default)
        UCDP's "best estimate" between its low and high, with the Every
        Casualty rule of corroboration by independent sources: one vote per
        independent source (echoes collapsed), third-party figures preferred
        over partisan ones where they exist, enemy-loss claims never setting
        the figure.  best = the median point of the preferred tier of
        sources: third parties, else the side's own count, else the rest.
    """

    BEST = "best"
    CONSERVATIVE = "conservative"
    RANGE = "range"


def policy_of(value: object) -> Policy:
    """The policy ``value`` names, or an :class:`ArgumentError` listing the policies."""
    if isinstance(value, Policy):
        return value
    if isinstance(value, str) and value in {p.value for p in Policy}:
        return Policy(value)
    known = ", ".join(p.value for p in Policy)
    raise ArgumentError(f"policy must be one of {known}, not {value!r}")


class Grade(enum.StrEnum):
    """How well supported an estimate is (after Airwars' grading)."""

    CONFIRMED = "confirmed"
    FAIR = "fair"
    WEAK = "weak"
    CONTESTED = "contested"
    DISCOUNTED = "discounted"


class TraceAction(enum.StrEnum):
    """What an estimate did with a claim."""

    USED = "used"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    SET_ASIDE = "set_aside"


#: the reasons a trace gives, shared with the columnar path
REASONS = {
    "used": "credible: {stance} claim from {source}",
    "retracted": "set aside: retracted by its claimant",
    "enemy": "set aside: {source} ({side}) claims the other side's losses; an enemy-loss "
    "claim never sets the figure",
    "lower": "lower bound: a credible running total as of {day} cannot fall later",
    "upper": "upper bound: a credible running total as of {day} caps earlier counts",
}


#: the notes an estimate may carry, shared with the columnar path
NOTE_UNDATED = "no as-of date: kept out of every time series"
NOTE_CROSSED = "the lower bound from earlier days exceeds the upper bound from later ones"


@attrs.frozen
class TraceEntry:
    """One claim in an estimate's trace: what was done with it and why."""

    claim: str
    action: TraceAction
    reason: str


@attrs.frozen
class Estimate:
    """A reconciled figure for one subject as of one date (or one incident).

    ``low``, ``best`` and ``high`` are ``None`` only when the estimate is
    discounted; ``high`` is also ``None`` when the credible figures leave the
    upper bound open.  ``sources`` counts the independent sources used that
    day; ``trace`` lists every claim used, bounding or set aside, with why.
    ``start`` is the incident's first day, or the day a running total counts
    from (``None`` where its claims do not say).
    """

    unit: str
    side: str
    category: str
    outcome: str
    location: str | None
    kind: Kind
    start: date | None
    as_of: date | None
    low: int | None
    best: int | None
    high: int | None
    grade: Grade
    policy: Policy
    sources: int
    trace: tuple[TraceEntry, ...]
    note: str | None = None

    @property
    def subject(self) -> tuple[str, str, str, str]:
        """``(unit, side, category, outcome)``."""
        return self.unit, self.side, self.category, self.outcome

    @property
    def used(self) -> tuple[str, ...]:
        """The claims the figure rests on (used that day, or bounding it from another day)."""
        return tuple(e.claim for e in self.trace if e.action is not TraceAction.SET_ASIDE)

    @property
    def set_aside(self) -> tuple[str, ...]:
        """The claims set aside, each with its reason in the trace."""
        return tuple(e.claim for e in self.trace if e.action is TraceAction.SET_ASIDE)

    @property
    def figure(self) -> Figure | None:
        """The estimate's low-high interval as a figure."""
        return None if self.low is None else Figure.from_bounds(self.low, self.high, self.unit)

    @property
    def span(self) -> str:
        """The kind of count with its start: ``cumulative since 2020-09-27``, ``incident``.

        A running total with no stated start is plain ``cumulative``; an
        incident names its first day only when it is not the as-of day.
        """
        if self.start is None or (self.kind is Kind.INCIDENT and self.start == self.as_of):
            return self.kind.value
        word = "since" if self.kind is Kind.CUMULATIVE else "from"
        return f"{self.kind.value} {word} {self.start.isoformat()}"

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Estimates sort by subject, place, kind, date."""
        return (
            self.unit,
            self.side,
            self.category,
            self.outcome,
            self.location or "",
            self.kind.value,
            self.as_of is None,
            self.as_of or date.min,
            self.start is not None,  # no start first, then by start
            self.start or date.min,
        )


def point_of(figure: Figure) -> int:
    """The single figure a claim stands for when sources vote.

    Exact: the number; between: the midpoint (rounded down); at least / more
    than: the low bound; up to / fewer than: the high bound; about / nearly:
    the stated number; a magnitude word: its low bound.
    """
    low, high, rule = figure.low, figure.high, figure.rule
    if high is None or rule in (Rule.EXACT, Rule.MAGNITUDE):
        return low
    if rule in (Rule.AT_MOST, Rule.FEWER_THAN):
        return high
    if rule in (Rule.ABOUT, Rule.NEARLY) and figure.stated is not None:
        return min(max(figure.stated, low), high)
    return (low + high) // 2


def _lower_median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


@attrs.frozen
class _Day:
    """The credible claims of one group and what they give before series adjustment."""

    rows: list[Annotated]
    trace: list[TraceEntry]
    low: int | None
    best: int | None
    high: int | None
    open_high: bool
    sources: int
    contested: bool
    own: bool


def _assess(rows: list[Annotated], policy: Policy) -> _Day:
    trace: list[TraceEntry] = []
    credible: list[Annotated] = []
    for r in rows:
        if r.retracted:
            trace.append(TraceEntry(r.id, TraceAction.SET_ASIDE, REASONS["retracted"]))
        elif r.stance is Stance.ENEMY:
            trace.append(
                TraceEntry(
                    r.id,
                    TraceAction.SET_ASIDE,
                    REASONS["enemy"].format(source=r.source, side=r.source_side),
                )
            )
        else:
            credible.append(r)
            trace.append(
                TraceEntry(
                    r.id,
                    TraceAction.USED,
                    REASONS["used"].format(
                        stance=r.stance.value.replace("_", " "), source=r.source
                    ),
                )
            )
    if not credible:
        return _Day(rows, trace, None, None, None, False, 0, False, False)
    statements = {r.echo_key: r for r in credible}
    figures = [r.claim.figure for r in statements.values()]
    low = min(f.low for f in figures)
    highs = [f.high for f in figures]
    open_high = any(h is None for h in highs)
    high = None if open_high else max(h for h in highs if h is not None)
    max_low = max(f.low for f in figures)
    closed = [h for h in highs if h is not None]
    contested = (bool(closed) and max_low > min(closed)) or any(
        r.claim.status is Status.DISPUTED for r in credible
    )
    best = low if policy is Policy.CONSERVATIVE else _vote(list(statements.values()), policy)
    sources = len({r.source for r in credible})
    own = any(r.stance is Stance.OWN for r in credible)
    return _Day(rows, trace, low, best, high, open_high, sources, contested, own)


_TIERS = (Stance.THIRD_PARTY, Stance.OWN)


def _vote(statements: list[Annotated], policy: Policy) -> int:
    voters = statements
    if policy is Policy.BEST:
        for tier in _TIERS:
            chosen = [s for s in statements if s.stance is tier]
            if chosen:
                voters = chosen
                break
    per_source: dict[str, list[int]] = defaultdict(list)
    for s in voters:
        per_source[s.source].append(point_of(s.claim.figure))
    return _lower_median([_lower_median(points) for points in per_source.values()])


def _grade(day: _Day) -> Grade:
    if day.low is None:
        return Grade.DISCOUNTED
    if day.contested:
        return Grade.CONTESTED
    if day.sources >= 2:
        return Grade.CONFIRMED if day.own else Grade.FAIR
    return Grade.WEAK


def reconcile(
    claims: ClaimSource,
    policy: Policy | str = Policy.BEST,
    *,
    registry: SideRegistry = DEFAULT_SIDES,
) -> list[Estimate]:
    """Reconcile claims into low/best/high estimates with a trace; see :class:`Policy`.

    ``claims`` may be a list of claims, a claim file, a Parquet file, an
    Arrow table or a polars or pandas frame; tables, frames and lists of
    thousands of claims go through the columnar engine, with the same result.

    The result does not depend on the order of the claims; echoes of a
    statement add trace entries and change no figure.

    >>> from claimrecon import load_seeds, reconcile
    >>> [(e.as_of.isoformat(), e.best) for e in reconcile(load_seeds())
    ...  if e.subject == ("person", "armenia", "military", "killed") and e.kind == "cumulative"]
    [('2020-10-01', 80), ('2020-10-21', 772)]
    """
    policy = policy_of(policy)
    claim_list, table = route(claims)
    if claim_list is None:
        from claimrecon.columnar.engine import reconcile_table

        return reconcile_table(table, policy, registry=registry).to_estimates()
    check_unique_ids(claim_list)
    series: dict[tuple[object, ...], dict[date, list[Annotated]]] = defaultdict(
        lambda: defaultdict(list)
    )
    single: dict[tuple[object, ...], list[Annotated]] = defaultdict(list)
    for r in annotate(claim_list, registry):
        c = r.claim
        base = (*r.subject_key, c.subject.location)
        if c.period.as_of is None:
            single[(*base, c.period.kind.value, None, None)].append(r)
        elif c.period.kind is Kind.INCIDENT:
            single[(*base, Kind.INCIDENT.value, c.period.start, c.period.as_of)].append(r)
        else:  # a running total counts from its start: totals from two starts are two series
            series[(*base, c.period.start)][c.period.as_of].append(r)
    estimates = [_single(key, rows, policy) for key, rows in single.items()]
    for series_key, days in series.items():
        estimates += _series(series_key, days, policy)
    return sorted(estimates, key=lambda e: e.sort_key)


def _make(
    key: tuple[object, ...],
    kind: Kind,
    start: date | None,
    as_of: date | None,
    day: _Day,
    policy: Policy,
    low: int | None,
    best: int | None,
    high: int | None,
    trace: list[TraceEntry],
    grade: Grade,
    note: str | None = None,
) -> Estimate:
    unit, side, category, outcome, location = key[:5]
    return Estimate(
        unit=str(unit),
        side=str(side),
        category=str(category),
        outcome=str(outcome),
        location=None if location is None else str(location),
        kind=kind,
        start=start,
        as_of=as_of,
        low=low,
        best=best,
        high=high,
        grade=grade,
        policy=policy,
        sources=day.sources,
        trace=tuple(sorted(trace, key=lambda t: (t.claim, t.action))),
        note=note,
    )


def _single(key: tuple[object, ...], rows: list[Annotated], policy: Policy) -> Estimate:
    kind = Kind(str(key[5]))
    start = key[6] if isinstance(key[6], date) else None
    as_of = key[7] if isinstance(key[7], date) else None
    day = _assess(rows, policy)
    note = None if as_of is not None else NOTE_UNDATED
    return _make(
        key,
        kind,
        start,
        as_of,
        day,
        policy,
        day.low,
        day.best,
        day.high,
        day.trace,
        _grade(day),
        note,
    )


def _series(
    key: tuple[object, ...], days: dict[date, list[Annotated]], policy: Policy
) -> list[Estimate]:
    """One running total's estimates: the subject and place, and its start, as ``key``."""
    base, start = key[:5], key[5] if isinstance(key[5], date) else None
    assessed = {d: _assess(rows, policy) for d, rows in days.items()}
    dated = sorted(d for d, a in assessed.items() if a.low is not None)
    out = [
        _make(
            base, Kind.CUMULATIVE, start, d, a, policy, None, None, None, a.trace, Grade.DISCOUNTED
        )
        for d, a in assessed.items()
        if a.low is None
    ]
    # lower bounds carried forward: (value, day it was given)
    carried_low: list[tuple[int, date]] = []
    for d in dated:
        low = assessed[d].low
        assert low is not None
        prev = carried_low[-1] if carried_low else None
        carried_low.append(prev if prev is not None and prev[0] > low else (low, d))
    # upper bounds carried backward: (value, day it was given); None is open
    carried_high: list[tuple[int, date] | None] = [None] * len(dated)
    nxt: tuple[int, date] | None = None
    for i in range(len(dated) - 1, -1, -1):
        a = assessed[dated[i]]
        own = None if a.open_high or a.high is None else (a.high, dated[i])
        if own is not None and (nxt is None or own[0] <= nxt[0]):
            nxt = own
        carried_high[i] = nxt
    best_so_far: int | None = None
    for i, d in enumerate(dated):
        a = assessed[d]
        assert a.low is not None and a.best is not None
        low, low_day = carried_low[i]
        bound = carried_high[i]
        high = None if bound is None else bound[0]
        trace = list(a.trace)
        if low_day != d:
            trace += _bounds(days[low_day], low, TraceAction.LOWER_BOUND, "lower", low_day, "low")
        if bound is not None and bound[1] != d:
            trace += _bounds(
                days[bound[1]], bound[0], TraceAction.UPPER_BOUND, "upper", bound[1], "high"
            )
        grade, note = _grade(a), None
        if high is not None and low > high:
            high, grade = low, Grade.CONTESTED
            note = NOTE_CROSSED
        best = min(max(a.best, low), high) if high is not None else max(a.best, low)
        best_so_far = best if best_so_far is None else max(best_so_far, best)
        out.append(
            _make(
                base,
                Kind.CUMULATIVE,
                start,
                d,
                a,
                policy,
                low,
                best_so_far,
                high,
                trace,
                grade,
                note,
            )
        )
    return out


def _bounds(
    rows: list[Annotated], value: int, action: TraceAction, reason: str, day: date, side: str
) -> list[TraceEntry]:
    """The credible claims of ``day`` whose low (or high) is ``value``."""
    text = REASONS[reason].format(day=day.isoformat())
    return [
        TraceEntry(r.id, action, text)
        for r in rows
        if not r.retracted
        and r.stance is not Stance.ENEMY
        and (r.claim.figure.low if side == "low" else r.claim.figure.high) == value
    ]
