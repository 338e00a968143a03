"""reconcile: policies, grades, series and traces."""

from __future__ import annotations

import attrs
import pytest

from claimrecon import Estimate, Figure, Grade, Period, Policy, load_seeds, reconcile
from claimrecon.columnar import claims_to_table
from claimrecon.columnar.engine import reconcile_table
from claimrecon.reconcile import TraceAction, point_of
from tests.builders import WAR_START, claim, day


def series(
    estimates: list[Estimate], subject: tuple[str, str, str, str]
) -> list[tuple[object, ...]]:
    return [
        (e.as_of, e.low, e.best, e.high)
        for e in estimates
        if e.subject == subject and e.kind == "cumulative" and e.as_of is not None
    ]


class TestReconcileSeeds:
    def test_series_monotonic(self) -> None:
        """Armenian military and civilian, and Azerbaijani civilian series never decrease."""
        est = reconcile(load_seeds())
        for subject in (
            ("person", "armenia", "military", "killed"),
            ("person", "armenia", "civilian", "killed"),
            ("person", "azerbaijan", "civilian", "killed"),
        ):
            points = series(est, subject)
            assert len(points) >= 2
            for key in (1, 2, 3):
                values = [p[key] for p in points]
                assert values == sorted(values), (subject, points)

    def test_armenian_civilians(self) -> None:
        """7 as of 1 Oct, at least 18 as of 9 Oct (capped by the later 37), 37 as of 21 Oct."""
        assert series(reconcile(load_seeds()), ("person", "armenia", "civilian", "killed")) == [
            (day(1), 7, 7, 7),
            (day(9), 18, 18, 37),
            (day(21), 37, 37, 37),
        ]

    def test_enemy_claims_set_aside(self) -> None:
        """The 2,300 and the tanks, both enemy-loss claims, are set aside with the reason."""
        est = {
            t.claim: (e, t)
            for e in reconcile(load_seeds())
            for t in e.trace
            if t.action is TraceAction.SET_ASIDE
        }
        for cid in ("003-02", "003-03"):
            e, t = est[cid]
            assert e.grade is Grade.DISCOUNTED
            assert "enemy-loss claim" in t.reason


class TestReconcile:
    def test_policies(self) -> None:
        """Conservative takes the lowest figure; range the median; best prefers third parties."""
        claims = [
            claim("own", 80),
            claim("tp", 100, claimant="Reuters"),
            claim("tp2", 120, claimant="Kremlin"),
        ]
        best = {p: reconcile(claims, p)[0] for p in Policy}
        assert (best[Policy.CONSERVATIVE].low, best[Policy.CONSERVATIVE].best) == (80, 80)
        assert best[Policy.RANGE].best == 100
        assert best[Policy.BEST].best == 100  # median of the third parties: 100 and 120
        for e in best.values():
            assert (e.low, e.high) == (80, 120)

    def test_grades(self) -> None:
        """Confirmed, fair, weak, contested and discounted."""
        own, tp = claim("own", 80), claim("tp", 80, claimant="Reuters")
        assert reconcile([own, tp])[0].grade is Grade.CONFIRMED
        assert reconcile([tp, claim("k", 80, claimant="Kremlin")])[0].grade is Grade.FAIR
        assert reconcile([own])[0].grade is Grade.WEAK
        assert reconcile([own, claim("x", 200, claimant="Reuters")])[0].grade is Grade.CONTESTED
        assert reconcile([claim("d", 80, disputed_by=("Turkey",))])[0].grade is Grade.CONTESTED
        assert reconcile([claim("e", 80, claimant="Baku")])[0].grade is Grade.DISCOUNTED

    def test_echo_counts_once(self) -> None:
        """An echo adds a trace entry but no source and no vote."""
        a = claim("a", 80)
        est = reconcile(
            [a, a.republished("b", "Echo Daily"), claim("t", 120, claimant="Reuters")], "range"
        )[0]
        assert est.sources == 2
        assert est.best == 80  # lower median of two sources: 80 and 120
        assert set(est.used) == {"a", "b", "t"}

    def test_series_bounds_carried(self) -> None:
        """An earlier count lifts a later low; a later count caps an earlier open high."""
        claims = [
            claim("a", 50, as_of=day(1)),
            claim("b", Figure.at_least(10), as_of=day(2), claimant="Reuters"),
            claim("c", 70, as_of=day(3)),
        ]
        points = series(reconcile(claims), ("person", "armenia", "military", "killed"))
        assert points == [(day(1), 50, 50, 50), (day(2), 50, 50, 70), (day(3), 70, 70, 70)]
        middle = next(e for e in reconcile(claims) if e.as_of == day(2))
        actions = {(t.claim, t.action) for t in middle.trace}
        assert ("a", TraceAction.LOWER_BOUND) in actions
        assert ("c", TraceAction.UPPER_BOUND) in actions

    def test_series_per_start(self) -> None:
        """Totals from different starts, or with no start, are series of their own."""
        since_10 = attrs.evolve(
            claim("b", 50, as_of=day(20), claimant="Reuters"),
            period=Period.since(day(10), as_of=day(20)),
        )
        no_start = attrs.evolve(claim("c", 60, as_of=day(25)), period=Period(as_of=day(25)))
        claims = [claim("a", 700, as_of=day(5)), since_10, no_start]
        engine = reconcile_table(claims_to_table(claims)).to_estimates()
        for estimates in (reconcile(claims), engine):
            assert [(e.start, e.as_of, e.low, e.best, e.high) for e in estimates] == [
                (WAR_START, day(5), 700, 700, 700),
                (day(10), day(20), 50, 50, 50),
                (None, day(25), 60, 60, 60),
            ]
            assert all(t.action is TraceAction.USED for e in estimates for t in e.trace)
        assert [e.span for e in engine] == [
            "cumulative since 2020-09-27",
            "cumulative since 2020-10-10",
            "cumulative",
        ]

    def test_span_of_incidents(self) -> None:
        """An incident names its first day only when it began before its as-of day."""
        one_day = claim("i", 3, as_of=day(2), incident=True)
        three_days = attrs.evolve(
            one_day, id="j", claimant="Reuters", period=Period.incident(day(3), until=day(5))
        )
        spans = {e.as_of: e.span for e in reconcile([one_day, three_days])}
        assert spans == {day(2): "incident", day(5): "incident from 2020-10-03"}

    def test_crossing_bounds_contested(self) -> None:
        """When the lower bound from earlier exceeds the cap from later, the day is contested."""
        claims = [claim("a", 90, as_of=day(1)), claim("b", 60, as_of=day(2), claimant="Reuters")]
        first, second = reconcile(claims)
        assert (first.low, first.high, second.low, second.high) == (90, 90, 90, 90)
        assert first.grade is Grade.CONTESTED and second.note is not None

    def test_incidents_and_undated_apart(self) -> None:
        """Incidents get their own estimates; undated claims one outside every series."""
        est = reconcile([claim("i", 3, incident=True), claim("u", 9, as_of=None), claim("c", 7)])
        assert sorted((e.kind.value, str(e.as_of)) for e in est) == [
            ("cumulative", "2020-10-01"),
            ("cumulative", "None"),
            ("incident", "2020-10-01"),
        ]

    @pytest.mark.parametrize(
        ("figure", "point"),
        [
            (Figure.exact(7), 7),
            (Figure.between(30, 40), 35),
            (Figure.at_least(30), 30),
            (Figure.more_than(100), 101),
            (Figure.at_most(50), 50),
            (Figure.about(400), 400),
            (Figure.nearly(400), 400),
            (Figure.magnitude("ratusan"), 100),
        ],
    )
    def test_point_of(self, figure: Figure, point: int) -> None:
        """Each rule stands for one documented point figure when sources vote."""
        assert point_of(figure) == point
