"""compare: same thing or not, and how the figures relate."""

from __future__ import annotations

import pytest

from claimrecon import Figure, Period, Relation, compare, load_seeds
from tests.builders import claim, day


class TestCompare:
    def test_agree(self) -> None:
        """The same figure about the same subject and day agrees."""
        assert (
            compare(claim("a", 80), claim("b", 80, claimant="Reuters")).relation is Relation.AGREE
        )

    def test_overlap_is_consistent(self) -> None:
        """Overlapping intervals are consistent."""
        c = compare(claim("a", Figure.about(400)), claim("b", Figure.more_than(400)))
        assert (c.relation, c.reason) == (Relation.CONSISTENT, "the intervals overlap")

    def test_divergent_with_ratio_and_gap(self) -> None:
        """Disjoint intervals diverge, with the ratio and the gap."""
        c = compare(claim("a", 80), claim("b", Figure.at_least(200), claimant="Azerbaijan"))
        assert c.relation is Relation.DIVERGENT
        assert c.ratio == pytest.approx(2.5)
        assert c.gap == 120

    @pytest.mark.parametrize(
        ("part", "whole", "explained"),
        [
            (
                claim("p", 3, incident=True, location="Martakert"),
                claim("w", 7),
                "an incident inside a running total",
            ),
            (
                claim("p", 80),
                claim("w", 300, outcome="killed_or_wounded"),
                "killed within killed or wounded",
            ),
            (
                claim("p", 7, category="civilian"),
                claim("w", 100, category="unspecified"),
                "civilian within all categories",
            ),
            (
                claim("p", 7, as_of=day(1)),
                claim("w", 37, as_of=day(21)),
                "an earlier running total beside a later one",
            ),
            (claim("p", 7), claim("w", 100, side="all"), "armenia within all sides"),
        ],
    )
    def test_explained_differences(self, part: object, whole: object, explained: str) -> None:
        """A part beside its whole is consistent, and the reason says why."""
        for a, b in ((part, whole), (whole, part)):
            c = compare(a, b)  # type: ignore[arg-type]
            assert c.relation is Relation.CONSISTENT
            assert explained in c.reason
            assert (c.whole, c.part) == ("w", "p")

    def test_part_exceeds_whole(self) -> None:
        """A part above its whole diverges."""
        c = compare(claim("p", 90, category="civilian"), claim("w", 50, category="unspecified"))
        assert c.relation is Relation.DIVERGENT
        assert c.reason.startswith("the part exceeds its whole")

    @pytest.mark.parametrize(
        ("a", "b", "reason"),
        [
            (
                claim("a", 2),
                claim("b", Figure.exact(2, "tank"), outcome="destroyed"),
                "different kinds of thing counted",
            ),
            (claim("a", 80), claim("b", 61, side="azerbaijan"), "different sides"),
            (claim("a", 80), claim("b", 80, as_of=None), "no as-of date"),
            (
                claim("a", 3, incident=True, as_of=day(1)),
                claim("b", 3, incident=True, as_of=day(2)),
                "different incidents",
            ),
            (claim("a", 80), claim("b", 80, outcome="wounded"), "different subjects"),
            (
                claim("a", 3, incident=True, as_of=day(5)),
                claim("b", 7, as_of=day(1)),
                "outside the running total",
            ),
            (
                claim("a", 3, location="Martakert", incident=True),
                claim("b", 3, location="Stepanakert", incident=True),
                "different places",
            ),
            (
                claim("a", 150),
                claim("b", 20).evolve(period=Period.since(day(1), as_of=day(1))),
                "different starts: 2020-09-27 and 2020-10-01",
            ),
            (  # a total whose start is not stated is a series of its own, as in flag
                claim("a", 150),
                claim("b", 20).evolve(period=Period(as_of=day(1))),
                "different starts: 2020-09-27 and no start stated",
            ),
        ],
    )
    def test_incomparable(self, a: object, b: object, reason: str) -> None:
        """Claims about different things are incomparable, with the reason."""
        c = compare(a, b)  # type: ignore[arg-type]
        assert c.relation is Relation.INCOMPARABLE
        assert reason in c.reason
        assert c.ratio is None

    def test_seeds(self) -> None:
        """Seeds: the Martakert strike sits inside Armenpress's count; the jet is no person."""
        s = {c.id: c for c in load_seeds()}
        assert compare(s["003-04"], s["003-05"]).relation is Relation.CONSISTENT
        assert compare(s["003-05"], s["001-03"]).relation is Relation.CONSISTENT  # 7 then 37
        assert not compare(s["003-07"], s["003-06"]).comparable
        assert not compare(s["003-03"], s["003-06"]).comparable
