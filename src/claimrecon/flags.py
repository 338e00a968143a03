"""Flags: divergent, inconsistent, partisan, regressing, impossible, thin, disputed, undated.

:func:`flag` looks at a claim set and returns one :class:`Flag` per finding,
each with a ``code``, a ``severity``, the ids of the claims involved, the
figures that triggered it and a message a person can read.  Where a flag holds
one statement against another (a partisan claim against the count it exceeds
most, a part against the whole it exceeds most), the claims are those of the
two statements, every echo of each: the figures the message shows and where
they were printed, not every other count they also exceed, so that a flag
stays the size of what it says however many sources report a subject.  Every check runs
only between comparable claims (same kind of thing counted: never people
against tanks), works on groups rather than pairs, and treats echoes of one
statement as one source.  Retracted claims are left out of every check.

The checks, exactly:

``divergent`` (warning)
    Claims with the same subject (unit, side, category, outcome, location),
    kind, start and as-of date, from at least two independent sources, whose
    intervals do not all overlap: the group's largest low exceeds its smallest
    high, and two different sources give a low above a high (a source that
    contradicts itself diverges only where another source differs from it;
    the flag then shows the wider pair of sources that disagree, and the
    source against itself is ``inconsistent_source``).  "About"
    figures carry their tolerance in their bounds (10% either side under the
    default qualifier table), so nothing else is forgiven.
``inconsistent_source`` (warning)
    One source reported with figures that do not all overlap for one group of
    ``divergent`` (the same subject, place, kind, start and as-of date): the
    largest low of its statements exceeds their smallest high.  A source gives
    one figure for one count on one day, so a republication may no longer
    match what it cites (772 dead become 727 in an outlet citing a wire).  One
    flag per group and source, showing the statement with the smallest high
    and the one with the largest low (ties: the first in order), and listing
    every claim of the source in the group, every echo of each statement.
``partisan_enemy_claim`` (warning)
    A side's figure for the other side's losses whose low exceeds the high of
    what that side itself, or a third party, reports for the same category,
    outcome and period (a running total as of the same day, or up to
    ``window_days`` later, which bounds it from above, unless it is counted
    from a later start, or, for a claim with no stated start, from after the
    claim's as-of day; or the same incident).
    A killed-or-wounded claim is held against a killed count times
    ``1 + WOUNDED_PER_KILLED`` (a wounded count times ``1 + 1/WOUNDED_PER_KILLED``).
``series_regression`` (warning)
    A running total from one source that falls below the largest low the
    same source gave for the same subject, place and start on an earlier day.
    Totals counted from different starts are different series, and so are
    totals with no start and totals with one: a count "since 20 September"
    is not a revision of one "since 27 September".
``part_exceeds_whole`` (error)
    A part above its whole: a claim above the smallest high of a covering
    subject (all sides, all categories, killed-or-wounded; for one place's
    count, also its own subject everywhere) as of the first day on or after
    its own on which a total of the whole covers the part's period, among
    the totals of that day that cover it: none that starts after the part's
    start (or, for a part with no stated start, after its as-of day), while a
    total with no stated start may cover any (a running total from 10 October
    holds no incident of 1 October, nor a total since 27 September); an incident above
    the running total of the same subject covering it; or the parts' running
    totals summed (each side, or military and civilian, or killed and wounded,
    as of one day) above a total of the whole that day: each total meets only
    the parts' totals of its day that it covers (as it would one part) and sums
    the largest low of each part among them (two parts at least), so that two
    sides' 30 since 27 September exceed no whole of 50 since 3 October; of the
    totals below their sums the one with the smallest high is shown, with its
    own sum; the flag lists the claims of the parts it sums and of every total
    below its own sum.
``single_source`` (info)
    A subject known from only one independent source.
``disputed`` (warning)
    A claim with a recorded denial.
``undated`` (info)
    A claim with no as-of date: kept out of every time series.
"""

from __future__ import annotations

import bisect
import enum
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from functools import partial

import attrs

from claimrecon.attribution import (
    Annotated,
    ClaimSource,
    Stance,
    annotate,
    check_unique_ids,
    representative,
    route,
)
from claimrecon.claim import (
    ALL_SIDES,
    THIRD_PARTY,
    UNKNOWN,
    Category,
    Claim,
    Kind,
    Outcome,
    Status,
)
from claimrecon.compare import covering_keys
from claimrecon.errors import ArgumentError
from claimrecon.figure import Figure, describe
from claimrecon.sides import DEFAULT_SIDES, SideRegistry

__all__ = ["CODES", "WOUNDED_PER_KILLED", "Flag", "Severity", "flag"]

#: wounded per killed, for holding a killed-or-wounded claim against a killed count: the
#: rule of thumb of about three wounded for each soldier killed in twentieth-century wars
WOUNDED_PER_KILLED = Fraction(3)


class Severity(enum.StrEnum):
    """How much a flag matters: an error is impossible as stated."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: every flag code, in the order flags are listed
CODES: tuple[str, ...] = (
    "part_exceeds_whole",
    "divergent",
    "inconsistent_source",
    "partisan_enemy_claim",
    "series_regression",
    "disputed",
    "single_source",
    "undated",
)

SubjectKey = tuple[str, str, str, str]


@attrs.frozen
class Flag:
    """One finding about a claim set.

    ``subject`` is ``(unit, side, category, outcome)`` and ``location`` the
    place the flagged claims count (``None`` for no place, or for a
    ``single_source`` flag, which is about a subject everywhere); the message
    names the place too.  ``factor`` says by how much a figure exceeds what
    it was held against, where that applies.
    """

    code: str
    severity: Severity
    claims: tuple[str, ...]
    figures: tuple[Figure, ...]
    message: str
    subject: SubjectKey | None = None
    as_of: date | None = None
    factor: float | None = None
    location: str | None = None

    @property
    def sort_key(self) -> tuple[int, str, str, tuple[str, ...], str]:
        """Flags sort by code, subject, as-of date and claims (see :func:`sort_flags`)."""
        return (
            CODES.index(self.code),
            str(self.subject),
            str(self.as_of),
            self.claims,
            self.message,
        )


def sort_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags in their listing order, :attr:`Flag.sort_key`, each subject and date written once."""
    texts: dict[object, str] = {}

    def text(value: object) -> str:
        found = texts.get(value)
        if found is None:
            found = texts[value] = str(value)
        return found

    return sorted(
        flags,
        key=lambda f: (CODES.index(f.code), text(f.subject), text(f.as_of), f.claims, f.message),
    )


def ratio(above: int, below: int) -> float:
    """``above / below``, infinite when ``below`` is 0."""
    return math.inf if below == 0 else above / below


def subject_text(key: SubjectKey, location: str | None = None) -> str:
    """``'armenia military killed (person)'``, then the place: ``' in Stepanakert'``."""
    unit, side, category, outcome = key
    return f"{side} {category} {outcome} ({unit}){place_text(location)}"


def place_text(location: str | None, beside: str | None = None) -> str:
    """Where a message's count is: ``' in Stepanakert'``, or nothing for no place.

    A count for no place held against one for a place (``beside``) is said to
    be ``' in all places'``.
    """
    if location is not None:
        return f" in {location}"
    return "" if beside is None else f" in {ALL_PLACES}"


# -- messages, shared with the columnar path -------------------------------------------------

#: what a message calls a count for no place, held against a count for one place
ALL_PLACES = "all places"

#: each flag's message as a template of named fields.  The object path fills a template
#: with :meth:`str.format`; the columnar path (:mod:`claimrecon.columnar.texts`) builds the
#: same text with one column per field, so a message is written here once for both.
#: ``part_sum`` is the ``part_exceeds_whole`` message about a sum of parts, and
#: ``partisan_basis`` the clause a partisan message adds when it compares outcomes.
MESSAGES: dict[str, str] = {
    "divergent": (
        "{sources} independent sources disagree on {subject} as of {as_of}: {high_source} "
        "says {high_figure}, {low_source} says {low_figure} (x{factor:.2f})"
    ),
    "inconsistent_source": (
        "{source} is reported giving both {low_figure} and {high_figure} for {subject} as of "
        "{as_of}: a republication may no longer match its source (x{factor:.2f})"
    ),
    "partisan_enemy_claim": (
        "{source} ({source_side}) claims {figure} {side} {category} {outcome}{place} as of "
        "{as_of}, {factor:.1f} times what {ref_source} ({ref_stance}) reports{ref_place}{basis}"
    ),
    "partisan_basis": " (a {ref_outcome} count of {ref_figure} allows at most {ceiling} {outcome})",
    "series_regression": (
        "{source}'s running total of {subject} goes down: {before} as of {before_as_of}, "
        "then {after} as of {after_as_of}"
    ),
    "part_exceeds_whole": (
        "{what}: {source} gives {figure} {subject} as of {as_of}, but {whole_source} gives "
        "{whole_figure} {whole_subject} as of {whole_as_of}"
    ),
    "part_sum": (
        "the {dimension} add up to at least {total} {subject} as of {day}, but {whole_source} "
        "gives {whole_figure} in all"
    ),
    "disputed": "{source}'s {figure} {subject} is disputed by {who}",
    "undated": ("{source}'s {figure} {subject} has no as-of date: kept out of every time series"),
    "single_source": "{subject} is known from one independent source only: {source}",
}

#: what a part above its whole is, by whether it is an incident inside a running total
PART_WHAT = {
    True: "an incident above the running total that covers it",
    False: "a part above its whole",
}

#: each flag code's severity
SEVERITIES: dict[str, Severity] = {
    code: {
        "part_exceeds_whole": Severity.ERROR,
        "single_source": Severity.INFO,
        "undated": Severity.INFO,
    }.get(code, Severity.WARNING)
    for code in CODES
}


def stance_text(stance: str) -> str:
    """A stance as a message says it: ``'third party'``."""
    return stance.replace("_", " ")


def message_divergent(
    sources: int,
    key: SubjectKey,
    as_of: date,
    high_source: str,
    high_figure: Figure,
    low_source: str,
    low_figure: Figure,
    factor: float,
    location: str | None = None,
) -> str:
    """The message of a ``divergent`` flag."""
    return MESSAGES["divergent"].format(
        sources=sources,
        subject=subject_text(key, location),
        as_of=as_of,
        high_source=high_source,
        high_figure=describe(high_figure),
        low_source=low_source,
        low_figure=describe(low_figure),
        factor=factor,
    )


def message_inconsistent(
    source: str,
    key: SubjectKey,
    as_of: date,
    low_figure: Figure,
    high_figure: Figure,
    factor: float,
    location: str | None = None,
) -> str:
    """The message of an ``inconsistent_source`` flag."""
    return MESSAGES["inconsistent_source"].format(
        source=source,
        low_figure=describe(low_figure),
        high_figure=describe(high_figure),
        subject=subject_text(key, location),
        as_of=as_of,
        factor=factor,
    )


def message_partisan(
    source: str,
    source_side: str,
    figure: Figure,
    key: SubjectKey,
    as_of: date,
    factor: float,
    ref_source: str,
    ref_stance: str,
    ref_outcome: str,
    ref_figure: Figure,
    ceiling: int,
    location: str | None = None,
    ref_location: str | None = None,
) -> str:
    """The message of a ``partisan_enemy_claim`` flag."""
    _, side, category, outcome = key
    basis = (
        ""
        if ref_outcome == outcome
        else MESSAGES["partisan_basis"].format(
            ref_outcome=ref_outcome,
            ref_figure=describe(ref_figure),
            ceiling=ceiling,
            outcome=outcome,
        )
    )
    return MESSAGES["partisan_enemy_claim"].format(
        source=source,
        source_side=source_side,
        figure=describe(figure),
        side=side,
        category=category,
        outcome=outcome,
        place=place_text(location),
        as_of=as_of,
        factor=factor,
        ref_source=ref_source,
        ref_stance=stance_text(ref_stance),
        ref_place=place_text(ref_location, location) if ref_location != location else "",
        basis=basis,
    )


def message_regression(
    source: str,
    key: SubjectKey,
    before: Figure,
    before_as_of: date,
    after: Figure,
    after_as_of: date,
    location: str | None = None,
) -> str:
    """The message of a ``series_regression`` flag."""
    return MESSAGES["series_regression"].format(
        source=source,
        subject=subject_text(key, location),
        before=describe(before),
        before_as_of=before_as_of,
        after=describe(after),
        after_as_of=after_as_of,
    )


def message_part(
    incident_in_total: bool,
    source: str,
    figure: Figure,
    key: SubjectKey,
    as_of: date,
    whole_source: str,
    whole_figure: Figure,
    whole_key: SubjectKey,
    whole_as_of: date,
    location: str | None = None,
    whole_location: str | None = None,
) -> str:
    """The message of a ``part_exceeds_whole`` flag about one part."""
    return MESSAGES["part_exceeds_whole"].format(
        what=PART_WHAT[incident_in_total],
        source=source,
        figure=describe(figure),
        subject=subject_text(key, location),
        as_of=as_of,
        whole_source=whole_source,
        whole_figure=describe(whole_figure),
        whole_subject=f"{subject_text(whole_key)}{place_text(whole_location, location)}",
        whole_as_of=whole_as_of,
    )


def message_sum(
    dimension: str,
    total: int,
    key: SubjectKey,
    day: date,
    whole_source: str,
    whole_figure: Figure,
    location: str | None = None,
) -> str:
    """The message of a ``part_exceeds_whole`` flag about a sum of parts."""
    return MESSAGES["part_sum"].format(
        dimension=dimension,
        total=total,
        subject=subject_text(key, location),
        day=day,
        whole_source=whole_source,
        whole_figure=describe(whole_figure),
    )


def message_disputed(
    source: str,
    figure: Figure,
    key: SubjectKey,
    who: Sequence[str],
    location: str | None = None,
) -> str:
    """The message of a ``disputed`` flag."""
    return MESSAGES["disputed"].format(
        source=source,
        figure=describe(figure),
        subject=subject_text(key, location),
        who=", ".join(who),
    )


def message_undated(
    source: str, figure: Figure, key: SubjectKey, location: str | None = None
) -> str:
    """The message of an ``undated`` flag."""
    return MESSAGES["undated"].format(
        source=source, figure=describe(figure), subject=subject_text(key, location)
    )


def message_single(key: SubjectKey, source: str) -> str:
    """The message of a ``single_source`` flag."""
    return MESSAGES["single_source"].format(subject=subject_text(key), source=source)


def figure_order(figure: Figure) -> tuple[object, ...]:
    """How a flag lists several figures: by bounds (open last), rule, stated, qualifier."""
    return (
        figure.low,
        figure.high is None,
        figure.high or 0,
        figure.rule.value,
        figure.stated is None,
        figure.stated or 0,
        figure.qualifier or "",
    )


# -- the checks -------------------------------------------------------------------------------

Statements = dict[tuple[object, ...], list[Annotated]]


def check_window(window_days: object) -> None:
    """Raise :class:`ArgumentError` unless ``window_days`` is a whole number of days, 0 or more."""
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        message = f"window_days must be a whole number of days, 0 or more: {window_days!r}"
        raise ArgumentError(message)


def flag(
    claims: ClaimSource,
    *,
    registry: SideRegistry = DEFAULT_SIDES,
    window_days: int = 1,
) -> list[Flag]:
    """Flag divergent and suspect claims; see the module text for each check.

    ``claims`` may be a list of claims, a claim file, a Parquet file, an
    Arrow table or a polars or pandas frame of flat claim rows; tables, frames
    and lists of thousands of claims go through the columnar engine
    (:mod:`claimrecon.columnar`), which gives the same flags.

    The result does not depend on the order of the claims, and adding an
    echo of a claim (the same statement through another outlet) adds its id
    to the flags that concern the statement and changes nothing else (but
    the spelling of a source the registry does not know, where the echo
    spells its name another way that comes first: see
    :func:`~claimrecon.attribution.source_names`).

    >>> from claimrecon import flag, load_seeds
    >>> sorted({f.code for f in flag(load_seeds())})  # doctest: +NORMALIZE_WHITESPACE
    ['disputed', 'partisan_enemy_claim', 'single_source', 'undated']
    """
    check_window(window_days)
    claim_list, table = route(claims)
    if claim_list is None:
        from claimrecon.columnar.engine import flag_table

        return flag_table(table, registry=registry, window_days=window_days).to_flags()
    check_unique_ids(claim_list)
    rows = [r for r in annotate(claim_list, registry) if not r.retracted]
    statements: Statements = defaultdict(list)
    for r in rows:
        statements[r.echo_key].append(r)
    found: list[Flag] = []
    found += _divergent(rows)
    found += _inconsistent(rows)
    found += _partisan(rows, statements, window_days)
    found += _series(rows, statements)
    found += _parts(rows, statements)
    found += _per_statement(statements)
    found += _single_source(rows)
    return sort_flags(found)


def _ids(rows: Iterable[Annotated]) -> tuple[str, ...]:
    return tuple(sorted({r.id for r in rows}))


def _key(row: Annotated) -> SubjectKey:
    return row.subject_key


def _dated(rows: Iterable[Annotated]) -> list[Annotated]:
    """Rows that take part in comparisons: an as-of date and a known side."""
    return [r for r in rows if r.claim.period.as_of is not None and r.claim.subject.side != UNKNOWN]


def _lowest_high(rows: Iterable[Annotated]) -> Annotated:
    """The row with the smallest closed high (ties: the first in order)."""
    return min(
        (r for r in rows if r.claim.figure.high is not None),
        key=lambda r: (r.claim.figure.high, r.order_key),
    )


def _highest_low(rows: Iterable[Annotated]) -> Annotated:
    """The row with the largest low (ties: the first in order)."""
    return min(rows, key=lambda r: (-r.claim.figure.low, r.order_key))


def _across_sources(
    group: list[Annotated], lowest: Annotated, highest: Annotated
) -> tuple[Annotated, Annotated] | None:
    """Two sources that disagree, where one source gives both of a group's extremes.

    The source's largest low is held against the others' smallest high, and
    its smallest high against the others' largest low; of the pairs that
    disagree, the wider (the larger ratio, the first on a tie) is shown, as
    ``(lowest high, highest low)``.  ``None`` when only the source disagrees
    with itself.
    """
    others = [r for r in group if r.source != lowest.source]
    found = []
    if any(r.claim.figure.high is not None for r in others):
        below = _lowest_high(others)
        assert below.claim.figure.high is not None
        if highest.claim.figure.low > below.claim.figure.high:
            found.append((below, highest))
    above = _highest_low(others)
    assert lowest.claim.figure.high is not None
    if above.claim.figure.low > lowest.claim.figure.high:
        found.append((lowest, above))
    if len(found) == 2 and _wider(found[1], found[0]):
        return found[1]
    return found[0] if found else None


def _wider(a: tuple[Annotated, Annotated], b: tuple[Annotated, Annotated]) -> bool:
    """Whether pair ``a`` (lowest high, highest low) has the larger ratio than ``b``, exactly."""
    a_high, b_high = a[0].claim.figure.high, b[0].claim.figure.high
    assert a_high is not None and b_high is not None
    return a[1].claim.figure.low * b_high > b[1].claim.figure.low * a_high


def _day_group(row: Annotated) -> tuple[object, ...]:
    """What claims must share to be compared as one count: subject, place, kind, start, day."""
    p = row.claim.period
    return (*_key(row), row.claim.subject.location, p.kind.value, p.start, p.as_of)


def _extremes(group: list[Annotated]) -> tuple[Annotated, Annotated] | None:
    """The row with the smallest closed high and the one with the largest low, if they disagree.

    ``None`` where no high is closed or the largest low is no more than the smallest high.
    """
    if all(r.claim.figure.high is None for r in group):
        return None
    lowest, highest = _lowest_high(group), _highest_low(group)
    high = lowest.claim.figure.high
    assert high is not None
    return (lowest, highest) if highest.claim.figure.low > high else None


def _extremes_flag(
    code: str,
    group: list[Annotated],
    extremes: tuple[Annotated, Annotated],
    message: Callable[..., str],
) -> Flag:
    """A flag on a group's smallest high and largest low (``extremes``), listing the group.

    ``message`` gives its text from ``as_of`` and ``factor``, by keyword.
    """
    lowest, highest = extremes
    min_high = lowest.claim.figure.high
    as_of = highest.claim.period.as_of
    assert min_high is not None and as_of is not None
    factor = ratio(highest.claim.figure.low, min_high)
    return Flag(
        code,
        SEVERITIES[code],
        _ids(group),
        (lowest.claim.figure, highest.claim.figure),
        message(as_of=as_of, factor=factor),
        _key(highest),
        as_of,
        factor,
        highest.claim.subject.location,
    )


def _divergent(rows: list[Annotated]) -> list[Flag]:
    groups: dict[tuple[object, ...], list[Annotated]] = defaultdict(list)
    for r in _dated(rows):
        groups[_day_group(r)].append(r)
    out = []
    for group in groups.values():
        sources = len({r.source for r in group})
        extremes = _extremes(group) if sources >= 2 else None
        if extremes is None:
            continue
        lowest, highest = extremes
        if lowest.source == highest.source:  # a source against itself: the others must differ
            across = _across_sources(group, lowest, highest)
            if across is None:
                continue
            lowest, highest = across
        message = partial(
            message_divergent,
            sources,
            _key(highest),
            high_source=highest.source,
            high_figure=highest.claim.figure,
            low_source=lowest.source,
            low_figure=lowest.claim.figure,
            location=highest.claim.subject.location,
        )
        out.append(_extremes_flag("divergent", group, (lowest, highest), message))
    return out


def _inconsistent(rows: list[Annotated]) -> list[Flag]:
    # the groups of _divergent, each source apart: a source against itself
    groups: dict[tuple[object, ...], list[Annotated]] = defaultdict(list)
    for r in _dated(rows):
        groups[(r.source, *_day_group(r))].append(r)
    out = []
    for group in groups.values():
        extremes = _extremes(group)
        if extremes is None:
            continue
        lowest, highest = extremes
        message = partial(
            message_inconsistent,
            highest.source,
            _key(highest),
            low_figure=lowest.claim.figure,
            high_figure=highest.claim.figure,
            location=highest.claim.subject.location,
        )
        out.append(_extremes_flag("inconsistent_source", group, extremes, message))
    return out


def reference_ceiling(enemy_outcome: str, ref_outcome: str, high: int) -> int | None:
    """The ceiling a reference count puts on an enemy claim's outcome, or None."""
    if enemy_outcome == ref_outcome:
        return high
    if enemy_outcome == Outcome.KILLED_OR_WOUNDED.value:
        if ref_outcome == Outcome.KILLED.value:
            return math.ceil(high * (1 + WOUNDED_PER_KILLED))
        if ref_outcome == Outcome.WOUNDED.value:
            return math.ceil(high * (1 + 1 / WOUNDED_PER_KILLED))
    return None


def _starts_later(reference: object, claim: date | None) -> bool:
    """Whether a reference total starts after the claim's (an unstated start may be either)."""
    return isinstance(reference, date) and claim is not None and reference > claim


def _partisan(rows: list[Annotated], statements: Statements, window_days: int) -> list[Flag]:
    # references grouped by what they count, when and where, each group with its lowest high,
    # so that a claim meets a handful of groups and opens only those it exceeds
    refs: dict[tuple[object, ...], dict[tuple[object, ...], list[Annotated]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for r in _dated(rows):
        if r.stance in (Stance.OWN, Stance.THIRD_PARTY) and r.claim.figure.high is not None:
            unit, side, category, outcome = _key(r)
            p = r.claim.period
            refs[(unit, side, category, p.kind.value, p.as_of)][
                (outcome, r.claim.subject.location, p.start)
            ].append(r)
    lowest = {
        key: {g: min(m.claim.figure.high or 0 for m in members) for g, members in groups.items()}
        for key, groups in refs.items()
    }
    out = []
    for members in statements.values():
        e = members[0]
        if e.stance is not Stance.ENEMY or e.claim.period.as_of is None:
            continue
        e = representative(members)
        c = e.claim
        as_of = c.period.as_of
        assert as_of is not None
        unit, side, category, outcome = _key(e)
        incident = c.period.kind is Kind.INCIDENT
        exceeded: list[tuple[int, Annotated]] = []
        for k in range(1 if incident else window_days + 1):
            key = (unit, side, category, c.period.kind.value, as_of + timedelta(days=k))
            for (ref_outcome, place, start), high in lowest.get(key, {}).items():
                if place is not None and place != c.subject.location:
                    continue  # a count for one place bounds nothing elsewhere
                if incident and start != c.period.start:
                    continue
                if _starts_later(start, c.period.start or as_of):
                    continue  # a total from a later start counts a shorter time: no bound
                ceiling = reference_ceiling(outcome, str(ref_outcome), high)
                if ceiling is None or c.figure.low <= ceiling:
                    continue
                for ref in refs[key][(ref_outcome, place, start)]:
                    assert ref.claim.figure.high is not None
                    each = reference_ceiling(outcome, str(ref_outcome), ref.claim.figure.high)
                    if each is not None and c.figure.low > each:
                        exceeded.append((each, ref))
        if not exceeded:
            continue
        ceiling, tightest = min(exceeded, key=lambda t: (t[0], t[1].order_key))
        factor = ratio(c.figure.low, ceiling)
        out.append(
            Flag(
                "partisan_enemy_claim",
                SEVERITIES["partisan_enemy_claim"],
                _ids([*members, *statements[tightest.echo_key]]),
                (c.figure, tightest.claim.figure),
                message_partisan(
                    e.source,
                    e.source_side,
                    c.figure,
                    _key(e),
                    as_of,
                    factor,
                    tightest.source,
                    tightest.stance.value,
                    tightest.claim.subject.outcome.value,
                    tightest.claim.figure,
                    ceiling,
                    c.subject.location,
                    tightest.claim.subject.location,
                ),
                _key(e),
                as_of,
                factor,
                c.subject.location,
            )
        )
    return out


def _series(rows: list[Annotated], statements: Statements) -> list[Flag]:
    series: dict[tuple[object, ...], list[Annotated]] = defaultdict(list)
    for r in _dated(rows):
        if r.claim.period.kind is Kind.CUMULATIVE:
            key = (r.source, *_key(r), r.claim.subject.location, r.claim.period.start)
            series[key].append(r)
    out = []
    for members in series.values():
        by_day: dict[date, list[Annotated]] = defaultdict(list)
        for r in members:
            assert r.claim.period.as_of is not None
            by_day[r.claim.period.as_of].append(r)
        best: tuple[int, date] | None = None  # (largest low so far, latest day it was given)
        for day in sorted(by_day):
            today = by_day[day]
            if best is not None:
                falling = [
                    r
                    for r in today
                    if r.claim.figure.high is not None and r.claim.figure.high < best[0]
                ]
                if falling:
                    earlier = [r for r in by_day[best[1]] if r.claim.figure.low == best[0]]
                    out.append(_regression(falling, earlier, statements))
            top = max(r.claim.figure.low for r in today)
            if best is None or top >= best[0]:
                best = (top, day)
    return out


def _regression(falling: list[Annotated], earlier: list[Annotated], statements: Statements) -> Flag:
    echoes = [m for r in (*falling, *earlier) for m in statements[r.echo_key]]
    worst = _lowest_high(falling)
    before = min(earlier, key=lambda r: r.order_key)
    w, b = worst.claim, before.claim
    assert w.period.as_of is not None and b.period.as_of is not None and w.figure.high is not None
    return Flag(
        "series_regression",
        SEVERITIES["series_regression"],
        _ids(echoes),
        (b.figure, w.figure),
        message_regression(
            worst.source,
            _key(worst),
            b.figure,
            b.period.as_of,
            w.figure,
            w.period.as_of,
            w.subject.location,
        ),
        _key(worst),
        w.period.as_of,
        ratio(b.figure.low, w.figure.high),
        w.subject.location,
    )


def _parts(rows: list[Annotated], statements: Statements) -> list[Flag]:
    dated = _dated(rows)
    cumulative: dict[tuple[object, ...], dict[date, list[Annotated]]] = defaultdict(
        lambda: defaultdict(list)
    )
    incidents: dict[tuple[object, ...], list[Annotated]] = defaultdict(list)
    for r in dated:
        c = r.claim
        if c.period.kind is Kind.CUMULATIVE:
            assert c.period.as_of is not None
            cumulative[(*_key(r), c.subject.location)][c.period.as_of].append(r)
        else:
            incidents[(*_key(r), c.subject.location, c.period.start, c.period.as_of)].append(r)
    days_of = {key: sorted(groups) for key, groups in cumulative.items()}
    out = []
    for members in statements.values():
        first = members[0].claim
        if first.period.as_of is None or first.subject.side == UNKNOWN:
            continue
        p = representative(members)
        c = p.claim
        assert c.period.as_of is not None
        wholes = covering_keys(_key(p))
        if c.period.kind is Kind.INCIDENT:
            wholes = [_key(p), *wholes]
        places = {None, c.subject.location}
        covering = [(whole, location) for whole in wholes for location in places]
        if c.period.kind is Kind.CUMULATIVE and c.subject.location is not None:
            covering.append((_key(p), None))  # a place's total within its subject's, everywhere
        for whole, location in covering:
            day_groups = cumulative.get((*whole, location))
            candidates: list[Annotated] = []
            if day_groups:
                days = days_of[(*whole, location)]
                # the first day on or after the part's with a total that covers its period
                for day in days[bisect.bisect_left(days, c.period.as_of) :]:
                    candidates = [w for w in day_groups[day] if _covers(w.claim, c)]
                    if candidates:
                        break
            if c.period.kind is Kind.INCIDENT and whole != _key(p):
                candidates = candidates + incidents.get(
                    (*whole, location, c.period.start, c.period.as_of), []
                )
            flagged = _part_flag(p, members, candidates, whole, statements)
            if flagged is not None:
                out.append(flagged)
    out += _sums(cumulative, statements)
    return out


def _covers(total: Claim, part: Claim) -> bool:
    """Whether a running total may cover a part's period: it starts no later than the part.

    A part with no stated start began on its as-of day at the latest; a total
    with no stated start may have begun at any time.
    """
    start, bound = total.period.start, part.period.start or part.period.as_of
    return start is None or bound is None or start <= bound


def _part_flag(
    p: Annotated,
    part: list[Annotated],
    wholes: list[Annotated],
    whole_key: SubjectKey,
    statements: Statements,
) -> Flag | None:
    low = p.claim.figure.low
    below = [w for w in wholes if w.claim.figure.high is not None and w.claim.figure.high < low]
    if not below:
        return None
    tightest = _lowest_high(below)
    t, c = tightest.claim, p.claim
    assert t.figure.high is not None and t.period.as_of is not None and c.period.as_of is not None
    incident_in_total = c.period.kind is Kind.INCIDENT and t.period.kind is Kind.CUMULATIVE
    return Flag(
        "part_exceeds_whole",
        SEVERITIES["part_exceeds_whole"],
        _ids([*part, *statements[tightest.echo_key]]),
        (c.figure, t.figure),
        message_part(
            incident_in_total,
            p.source,
            c.figure,
            _key(p),
            c.period.as_of,
            tightest.source,
            t.figure,
            whole_key,
            t.period.as_of,
            c.subject.location,
            t.subject.location,
        ),
        _key(p),
        c.period.as_of,
        ratio(low, t.figure.high),
        c.subject.location,
    )


def partition(key: SubjectKey, sides: Sequence[str]) -> list[tuple[str, list[SubjectKey]]]:
    """The ways a whole splits into disjoint parts: by side, category or outcome."""
    unit, side, category, outcome = key
    out = []
    if side == ALL_SIDES:
        out.append(("sides", [(unit, s, category, outcome) for s in sides]))
    if category == Category.UNSPECIFIED.value:
        out.append(
            (
                "categories",
                [(unit, side, c.value, outcome) for c in (Category.MILITARY, Category.CIVILIAN)],
            )
        )
    if outcome == Outcome.KILLED_OR_WOUNDED.value:
        out.append(
            (
                "outcomes",
                [(unit, side, category, o.value) for o in (Outcome.KILLED, Outcome.WOUNDED)],
            )
        )
    return out


def _sums(
    cumulative: dict[tuple[object, ...], dict[date, list[Annotated]]], statements: Statements
) -> list[Flag]:
    sides = sorted({str(k[1]) for k in cumulative if k[1] not in (ALL_SIDES, UNKNOWN, THIRD_PARTY)})
    out = []
    for whole_key, day_groups in cumulative.items():
        key: SubjectKey = (
            str(whole_key[0]),
            str(whole_key[1]),
            str(whole_key[2]),
            str(whole_key[3]),
        )
        location = whole_key[4]
        for dimension, parts in partition(key, sides):
            for day, wholes in day_groups.items():
                present = [
                    cumulative[(*pk, location)][day]
                    for pk in parts
                    if day in cumulative.get((*pk, location), {})
                ]
                if len(present) < 2:
                    continue
                # each whole against the parts its period covers (see _covers): per part
                # subject, the covered claim with the largest low; wholes from one start
                # cover the same parts
                summed: list[tuple[Annotated, list[Annotated]]] = []
                by_start: dict[date | None, list[Annotated]] = {}
                for w in wholes:
                    high = w.claim.figure.high
                    if high is None:
                        continue
                    start = w.claim.period.start
                    if start not in by_start:
                        by_start[start] = _covered_tops(w, present)
                    tops = by_start[start]
                    if len(tops) >= 2 and high < sum(t.claim.figure.low for t in tops):
                        summed.append((w, tops))
                if not summed:
                    continue
                below = [w for w, _ in summed]
                tightest = _lowest_high(below)
                tops = next(t for w, t in summed if w is tightest)
                total = sum(t.claim.figure.low for t in tops)
                high = tightest.claim.figure.high
                assert high is not None
                involved = [m for t in tops for m in statements[t.echo_key]] + below
                out.append(
                    Flag(
                        "part_exceeds_whole",
                        SEVERITIES["part_exceeds_whole"],
                        _ids(involved),
                        (
                            Figure.total((t.claim.figure for t in tops), key[0]),
                            tightest.claim.figure,
                        ),
                        message_sum(
                            dimension,
                            total,
                            key,
                            day,
                            tightest.source,
                            tightest.claim.figure,
                            tightest.claim.subject.location,
                        ),
                        key,
                        day,
                        ratio(total, high),
                        tightest.claim.subject.location,
                    )
                )
    return out


def _covered_tops(whole: Annotated, present: list[list[Annotated]]) -> list[Annotated]:
    """Per part subject of a day, the claim with the largest low among those ``whole`` covers.

    A part subject with no claim the whole covers gives none.
    """
    tops = []
    for group in present:
        covered = [p for p in group if _covers(whole.claim, p.claim)]
        if covered:
            tops.append(_highest_low(covered))
    return tops


def _per_statement(statements: Statements) -> list[Flag]:
    out = []
    for members in statements.values():
        first = representative(members)
        c = first.claim
        disputed = [m for m in members if m.claim.status is Status.DISPUTED]
        if disputed:
            who = sorted({d for m in disputed for d in m.claim.disputed_by})
            out.append(
                Flag(
                    "disputed",
                    SEVERITIES["disputed"],
                    _ids(disputed),
                    (c.figure,),
                    message_disputed(first.source, c.figure, _key(first), who, c.subject.location),
                    _key(first),
                    c.period.as_of,
                    location=c.subject.location,
                )
            )
        if c.period.as_of is None:
            out.append(
                Flag(
                    "undated",
                    SEVERITIES["undated"],
                    _ids(members),
                    (c.figure,),
                    message_undated(first.source, c.figure, _key(first), c.subject.location),
                    _key(first),
                    None,
                    location=c.subject.location,
                )
            )
    return out


def _single_source(rows: list[Annotated]) -> list[Flag]:
    by_subject: dict[SubjectKey, list[Annotated]] = defaultdict(list)
    for r in rows:
        by_subject[_key(r)].append(r)
    out = []
    for key, members in by_subject.items():
        sources = {r.source for r in members}
        if len(sources) == 1:
            out.append(
                Flag(
                    "single_source",
                    SEVERITIES["single_source"],
                    _ids(members),
                    tuple(sorted({r.claim.figure for r in members}, key=figure_order)),
                    message_single(key, next(iter(sources))),
                    key,
                    None,
                )
            )
    return out
