"""The columnar twin of :func:`claimrecon.reconcile.reconcile`.

Estimates are group-bys over (subject, place, kind, date); each independent
source's vote is a lower median within its group; running totals are made
monotonic with a running maximum of the lows and a reversed running minimum of
the highs per subject, place and start.  The trace is a table of (estimate,
claim, action, reason).  :meth:`EstimateTable.to_estimates` gives exactly the
:class:`~claimrecon.reconcile.Estimate` objects of the object path.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import TypeVar

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import attrs
import polars as pl

from claimrecon._gc import no_gc
from claimrecon.claim import Kind
from claimrecon.columnar.prepare import KEY
from claimrecon.reconcile import (
    NOTE_CROSSED,
    NOTE_UNDATED,
    REASONS,
    Estimate,
    Grade,
    Policy,
    TraceAction,
    TraceEntry,
    policy_of,
)

__all__ = ["EstimateTable", "reconcile_frame"]

BASE = [*KEY, "location"]
EST = [*BASE, "e_kind", "e_start", "e_as_of"]
#: a running total: its subject and place, and the day it counts from
SERIES = [*BASE, "e_start"]
_BIG = 2**62
T = TypeVar("T")
#: a trace entry's action: an Enum whose order is the order of the actions' text
ACTIONS = pl.Enum(sorted(a.value for a in TraceAction))
#: a trace entry's reason: few distinct texts over many entries, held once each
REASON = pl.Categorical()


@attrs.frozen
class EstimateTable:
    """Estimates and their traces as polars frames.

    ``estimates`` has one row per estimate (the subject, ``e_kind``,
    ``e_start``, ``e_as_of``, ``low``, ``best``, ``high``, ``grade``,
    ``sources``, ``note``); ``trace`` one row per trace entry, keyed by the
    same estimate columns, with the claim's ``id``, its ``action`` (an Enum,
    :data:`ACTIONS`) and its ``reason`` (categorical: each distinct text is
    held once, not once per entry).  Neither frame's rows come in a set order:
    :meth:`to_estimates` and the writers of
    :mod:`claimrecon.columnar.estimate_texts` list estimates in
    :func:`claimrecon.reconcile`'s order.
    """

    estimates: pl.DataFrame
    trace: pl.DataFrame
    policy: Policy

    def __len__(self) -> int:
        return self.estimates.height

    def to_estimates(self) -> list[Estimate]:
        """The estimates as objects, sorted as :func:`claimrecon.reconcile` sorts them."""
        with no_gc():  # many new objects (values, entries, estimates) and no cycles
            return self._estimates()

    def _estimates(self) -> list[Estimate]:
        kinds = {k.value: k for k in Kind}
        grades = {g.value: g for g in Grade}
        rows, entries = in_order(self)
        # an estimate's trace is one run of the entries: all are made in one pass, then sliced
        places, order = entries.get_column("_row"), rows.get_column("_row")
        starts = places.search_sorted(order, side="left").to_list()
        ends = places.search_sorted(order, side="right").to_list()
        # column by column, each estimate made by map as the trace entries are: no loop per row
        values = {
            c: rows.get_column(c).to_list()
            for c in [*EST, "low", "best", "high", "grade", "sources", "note"]
        }
        trace = list(
            map(
                TraceEntry,
                entries.get_column("id").to_list(),
                _each(entries.get_column("action"), TraceAction),
                _each(entries.get_column("reason"), str),
            )
        )
        return list(
            map(
                Estimate,
                *(values[c] for c in BASE),  # the subject and place
                map(kinds.__getitem__, values["e_kind"]),
                values["e_start"],
                values["e_as_of"],
                values["low"],
                values["best"],
                values["high"],
                map(grades.__getitem__, values["grade"]),
                repeat(self.policy),
                values["sources"],
                [tuple(trace[start:end]) for start, end in zip(starts, ends, strict=True)],
                values["note"],
            )
        )


def in_order(table: EstimateTable) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The estimates in listing order, numbered ``_row``, and their trace entries in order.

    The entries have ``_row``, ``id``, ``action`` and ``reason``, sorted by
    estimate, claim and action, as an :class:`~claimrecon.reconcile.Estimate`
    holds its trace.  :meth:`EstimateTable.to_estimates` and the writers of
    :mod:`claimrecon.columnar.estimate_texts` list estimates from these.
    """
    rows = table.estimates.sort(SORT, nulls_last=SORT_NULLS_LAST).with_row_index("_row")
    eid = _estimate_id().alias("_eid")  # one integer to join by, not eight columns
    entries = (
        table.trace.select(eid, "id", "action", "reason")
        .join(rows.select(eid, "_row"), on="_eid")
        .select("_row", "id", "action", "reason")
        .sort("_row", "id", "action")
    )
    return rows, entries


def _each(values: pl.Series, make: Callable[[str], T]) -> list[T]:
    """``make`` of each text of a column of few distinct texts, made once per distinct text.

    The texts go to Python as their codes: each text is made once, not once per row.
    """
    coded = values.cast(pl.Categorical) if values.dtype == pl.String else values
    distinct = coded.unique()
    made = dict(
        zip(
            distinct.to_physical().to_list(),
            map(make, distinct.cast(pl.String).to_list()),
            strict=True,
        )
    )
    return list(map(made.__getitem__, coded.to_physical().to_list()))


#: the order of :attr:`Estimate.sort_key`: names are a sorted Enum, so they sort by their text;
#: no place first, undated last, no start first
SORT = [*BASE, "e_kind", "e_as_of", "e_start"]
SORT_NULLS_LAST = [False] * len(BASE) + [False, True, False]


def _point() -> pl.Expr:
    low, high, rule, stated = pl.col("low"), pl.col("high"), pl.col("rule"), pl.col("stated")
    return (
        pl.when(high.is_null() | rule.is_in(["exact", "magnitude"]))
        .then(low)
        .when(rule.is_in(["at_most", "fewer_than"]))
        .then(high)
        .when(rule.is_in(["about", "nearly"]) & stated.is_not_null())
        .then(pl.min_horizontal(pl.max_horizontal(stated, low), high))
        .otherwise((low + high) // 2)
    )


def _trace_reason(rows: pl.DataFrame) -> pl.DataFrame:
    """Each claim's trace action and reason, the text written once per distinct reason.

    The rows carry the action and reason as codes (see :data:`ACTIONS`, :data:`REASON`).
    What a reason depends on is hashed to one 64-bit key per claim, to find the
    distinct reasons and join them back by one integer, not four columns (a
    third less time at a million claims); among n distinct reasons two share a
    key with a chance of about n²/2⁶⁵, as statements do (see
    :func:`~claimrecon.columnar.prepare.prepare`).
    """
    enemy = pl.col("stance") == "enemy"
    why = ["retracted", "stance", "source", "source_side"]
    rows = rows.with_columns(_why=rows.select(why).hash_rows(seed=17))
    reasons = (
        rows.select("_why", *why)
        .unique(subset="_why")
        .with_columns(
            action=pl.when(pl.col("retracted") | enemy)
            .then(pl.lit(TraceAction.SET_ASIDE.value, dtype=ACTIONS))
            .otherwise(pl.lit(TraceAction.USED.value, dtype=ACTIONS)),
            reason=pl.when(pl.col("retracted"))
            .then(pl.lit(REASONS["retracted"]))
            .when(enemy)
            .then(
                pl.format(
                    REASONS["enemy"].replace("{source}", "{}").replace("{side}", "{}"),
                    pl.col("source"),
                    pl.col("source_side"),
                )
            )
            .otherwise(
                pl.format(
                    REASONS["used"].replace("{stance}", "{}").replace("{source}", "{}"),
                    pl.col("stance").cast(pl.String).str.replace_all("_", " "),
                    pl.col("source"),
                )
            )
            .cast(REASON),
        )
        .select("_why", "action", "reason")
    )
    return rows.join(reasons, on="_why", how="left", maintain_order="left").drop("_why")


def reconcile_frame(rows: pl.DataFrame, policy: Policy | str = Policy.BEST) -> EstimateTable:
    """Reconcile prepared rows (see :func:`claimrecon.columnar.prepare.prepare`)."""
    policy = policy_of(policy)
    undated = pl.col("as_of").is_null()
    rows = _trace_reason(rows).with_columns(
        e_kind=pl.col("kind"),
        e_start=pl.when(undated).then(None).otherwise(pl.col("start")),
        e_as_of=pl.col("as_of"),
    )
    used = pl.col("action") == TraceAction.USED.value
    # echoes share every column used below (figure, source, stance, period): any one will do
    said = ["stmt", *EST, "low", "high", "rule", "stated", "stance", "source"]
    credible = rows.select(*said, "kind", "as_of", "disputed", "id", "action").filter(used)
    statements = (  # the first claim of each statement (a filter: cheaper than a unique)
        credible.select(said)
        .filter(pl.col("stmt").is_first_distinct())
        .with_columns(point=_point(), eid=_estimate_id())
    )
    agg = statements.group_by("eid").agg(
        *(pl.col(c).first() for c in EST),  # alike in an estimate's statements
        low=pl.col("low").min(),
        open=pl.col("high").is_null().any(),
        high_max=pl.col("high").max(),
        max_low=pl.col("low").max(),
        min_closed=pl.col("high").min(),
        own=(pl.col("stance") == "own").any(),
        has_third=(pl.col("stance") == "third_party").any(),
        sources=pl.col("source").n_unique(),  # a source is the same for every echo
    )
    # a denial is recorded per claim, not per statement: the few disputed claims, by estimate
    disputed = credible.filter(pl.col("disputed")).select(EST).unique()
    agg = agg.join(
        disputed.with_columns(any_disputed=pl.lit(True)), on=EST, how="left", nulls_equal=True
    ).with_columns(
        high=pl.when(pl.col("open")).then(None).otherwise(pl.col("high_max")),
        contested=(pl.col("min_closed").is_not_null() & (pl.col("max_low") > pl.col("min_closed")))
        | pl.col("any_disputed").fill_null(False),
    )
    agg = agg.join(_votes(statements, agg, policy), on="eid", how="left")
    agg = agg.with_columns(
        grade=pl.when(pl.col("contested"))
        .then(pl.lit("contested"))
        .when((pl.col("sources") >= 2) & pl.col("own"))
        .then(pl.lit("confirmed"))
        .when(pl.col("sources") >= 2)
        .then(pl.lit("fair"))
        .otherwise(pl.lit("weak"))
    )
    series = agg.filter((pl.col("e_kind") == "cumulative") & pl.col("e_as_of").is_not_null())
    single = agg.filter(~((pl.col("e_kind") == "cumulative") & pl.col("e_as_of").is_not_null()))
    adjusted, bounds = _series(series, credible)
    single = single.with_columns(
        note=pl.when(pl.col("e_as_of").is_null())
        .then(pl.lit(NOTE_UNDATED))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    cols = [*EST, "low", "best", "high", "grade", "sources", "note"]
    found = pl.concat([single.select(cols), adjusted.select(cols)], how="vertical_relaxed")
    # an estimate with no credible claim: its claims were all set aside (every credible
    # claim's estimate is in ``agg``, and so in ``found``), told by the estimates' ids
    aside = rows.select(*EST, "action").filter(~used).select(*EST, eid=_estimate_id())
    aside = aside.filter(~pl.col("eid").is_in(agg.get_column("eid").implode()))
    discounted = aside.unique(subset="eid").with_columns(
        low=pl.lit(None, dtype=pl.Int64),
        best=pl.lit(None, dtype=pl.Int64),
        high=pl.lit(None, dtype=pl.Int64),
        grade=pl.lit("discounted"),
        sources=pl.lit(0, dtype=pl.UInt32),
        note=pl.when(pl.col("e_as_of").is_null())
        .then(pl.lit(NOTE_UNDATED))
        .otherwise(pl.lit(None, dtype=pl.String)),
    )
    estimates = pl.concat([found, discounted.select(cols)], how="vertical_relaxed")
    trace = pl.concat([rows.select(*EST, "id", "action", "reason"), bounds], how="vertical_relaxed")
    return EstimateTable(estimates, trace, policy)


def _estimate_id() -> pl.Expr:
    """One integer per estimate: a 64-bit hash of its :data:`EST` columns.

    Grouping and joining by one integer is cheaper than by eight columns (with the
    medians below, reconciling a million claims took about a tenth less).  Among n estimates
    two share a number with a chance of about n²/2⁶⁵, as for statements (see
    :func:`~claimrecon.columnar.prepare.prepare`).
    """
    return pl.struct(EST).hash(seed=13)


def _votes(statements: pl.DataFrame, agg: pl.DataFrame, policy: Policy) -> pl.DataFrame:
    """Each estimate's best value (``eid``, ``best``): its sources' lower median.

    Each source's vote is the lower median of its points, and the estimate's
    the lower median of the votes.  The points are sorted once, not once per
    group: polars keeps a group's values in the order of the frame's rows.
    """
    if policy is Policy.CONSERVATIVE:
        return agg.select("eid", best=pl.col("low"))
    voters = statements
    if policy is Policy.BEST:
        tiers = agg.select("eid", "has_third", "own")
        voters = statements.join(tiers, on="eid").filter(
            pl.when(pl.col("has_third"))
            .then(pl.col("stance") == "third_party")
            .when(pl.col("own"))
            .then(pl.col("stance") == "own")
            .otherwise(True)
        )
    per_source = voters.sort("point").group_by("eid", "source").agg(point=_middle("point"))
    return per_source.sort("point").group_by("eid").agg(best=_middle("point"))


def _middle(column: str) -> pl.Expr:
    """The lower median of a group's values that come sorted."""
    return pl.col(column).get((pl.len() - 1) // 2)


def _series(series: pl.DataFrame, credible: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    if not series.height:
        empty = pl.DataFrame(
            schema={
                **{c: series.schema[c] for c in EST},
                "id": pl.String,
                "action": ACTIONS,
                "reason": REASON,
            }
        )
        return series.with_columns(note=pl.lit(None, dtype=pl.String)), empty
    s = series.sort([*SERIES, "e_as_of"], nulls_last=True)
    high_filled = pl.col("high").fill_null(_BIG)
    s = s.with_columns(
        c_low=pl.col("low").cum_max().over(SERIES),
        c_high=high_filled.cum_min(reverse=True).over(SERIES),
    )
    s = s.with_columns(
        low_day=pl.when(pl.col("low") == pl.col("c_low"))
        .then(pl.col("e_as_of"))
        .forward_fill()
        .over(SERIES),
        high_day=pl.when(pl.col("high").is_not_null() & (pl.col("high") == pl.col("c_high")))
        .then(pl.col("e_as_of"))
        .backward_fill()
        .over(SERIES),
        c_high=pl.when(pl.col("c_high") == _BIG).then(None).otherwise(pl.col("c_high")),
    )
    crossed = pl.col("c_high").is_not_null() & (pl.col("c_low") > pl.col("c_high"))
    s = s.with_columns(
        final_high=pl.when(crossed).then(pl.col("c_low")).otherwise(pl.col("c_high")),
        grade=pl.when(crossed).then(pl.lit("contested")).otherwise(pl.col("grade")),
        note=pl.when(crossed).then(pl.lit(NOTE_CROSSED)).otherwise(pl.lit(None, dtype=pl.String)),
    )
    clamped = pl.max_horizontal(pl.col("best"), pl.col("c_low"))
    s = s.with_columns(
        best=pl.when(pl.col("final_high").is_null())
        .then(clamped)
        .otherwise(pl.min_horizontal(clamped, pl.col("final_high"))),
    ).with_columns(best=pl.col("best").cum_max().over(SERIES))
    adjusted = s.with_columns(low=pl.col("c_low"), high=pl.col("final_high"))
    lower = s.filter(pl.col("low_day") != pl.col("e_as_of")).select(
        *EST, day="low_day", value="c_low"
    )
    upper = s.filter(
        pl.col("c_high").is_not_null() & (pl.col("high_day") != pl.col("e_as_of"))
    ).select(*EST, day="high_day", value="c_high")
    pool = credible.filter(pl.col("kind") == "cumulative").select(
        *SERIES, "as_of", "low", "high", "id"
    )
    bounds = []
    for frame, column, action, reason in (
        (lower, "low", TraceAction.LOWER_BOUND, "lower"),
        (upper, "high", TraceAction.UPPER_BOUND, "upper"),
    ):
        if not frame.height:
            continue
        hits = frame.join(
            pool,
            left_on=[*SERIES, "day", "value"],
            right_on=[*SERIES, "as_of", column],
            nulls_equal=True,
        )
        # each day's reason is written once, not once per entry (at 1M: 60 days, 173,268 entries)
        text = REASONS[reason].replace("{day}", "{}")
        days = frame.select(pl.col("day").unique()).with_columns(
            reason=pl.format(text, pl.col("day").dt.to_string("%Y-%m-%d")).cast(REASON)
        )
        bounds.append(
            hits.join(days, on="day", how="left", maintain_order="left").select(
                *EST, "id", pl.lit(action.value, dtype=ACTIONS).alias("action"), "reason"
            )
        )
    trace = (
        pl.concat(bounds, how="vertical_relaxed")
        if bounds
        else pl.DataFrame(
            schema={
                **{c: s.schema[c] for c in EST},
                "id": pl.String,
                "action": ACTIONS,
                "reason": REASON,
            }
        )
    )
    return adjusted, trace
