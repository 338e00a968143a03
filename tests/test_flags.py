"""flag: each code on hand-made claims, and the seeds' acceptance checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimrecon import (
    ArgumentError,
    Claim,
    DuplicateIdError,
    Figure,
    Hop,
    Period,
    Severity,
    flag,
    load_seeds,
)
from claimrecon.columnar.engine import flag_table
from tests.builders import WAR_START, claim, day, nk772


def codes(flags: list[object]) -> list[str]:
    return [f.code for f in flags]  # type: ignore[attr-defined]


def only(flags: list[object], code: str) -> list[object]:
    return [f for f in flags if f.code == code]  # type: ignore[attr-defined]


class TestFlagSeeds:
    def test_partisan_2300(self) -> None:
        """Azerbaijan's 2,300 killed or wounded is flagged against Armenia's own count that day."""
        (f,) = only(flag(load_seeds()), "partisan_enemy_claim")
        assert f.claims == ("003-02", "003-06")  # type: ignore[attr-defined]
        assert f.factor == pytest.approx(2300 / 320)  # type: ignore[attr-defined]
        assert "Armenpress" in f.message  # type: ignore[attr-defined]

    def test_series_not_flagged(self) -> None:
        """The Armenian military and civilian and Azerbaijani civilian series are not flagged."""
        flags = flag(load_seeds())
        assert not only(flags, "series_regression")
        assert not only(flags, "divergent")
        assert not only(flags, "part_exceeds_whole")

    def test_jet_disputed(self) -> None:
        """The jet claim denied by Turkey is flagged disputed."""
        (f,) = only(flag(load_seeds()), "disputed")
        assert f.claims == ("003-07",)  # type: ignore[attr-defined]
        assert "Turkey" in f.message  # type: ignore[attr-defined]

    def test_equipment_never_with_people(self) -> None:
        """No seed flag joins the tanks or the jet with people."""
        units = {c.id: c.figure.unit for c in load_seeds()}
        for f in flag(load_seeds()):
            assert len({units[c] for c in f.claims}) == 1

    def test_undated_tanks(self) -> None:
        """The undated tank claim is flagged undated, not put in a series."""
        assert [f.claims for f in only(flag(load_seeds()), "undated")] == [("003-03",)]  # type: ignore[attr-defined]


class TestFlag:
    def test_divergent(self) -> None:
        """Two independent sources with disjoint figures on one day diverge."""
        flags = flag([claim("a", 80), claim("b", 200, claimant="Reuters")])
        (f,) = only(flags, "divergent")
        assert f.claims == ("a", "b")  # type: ignore[attr-defined]
        assert f.factor == pytest.approx(2.5)  # type: ignore[attr-defined]
        assert f.severity is Severity.WARNING  # type: ignore[attr-defined]

    def test_divergent_between_two_sources(self) -> None:
        """A source that contradicts itself diverges only where another source differs from it.

        Armenpress says 100 and 10 to 20: against Reuters' 15 to 100, which fits
        both, no two sources disagree; against Reuters' 50 both of Armenpress's
        figures do, and the wider pair (50 against 10 to 20, 2.5 times) is shown.
        """
        high, low = claim("a1", 100), claim("a2", Figure.between(10, 20))
        fits = claim("r", Figure.between(15, 100), claimant="Reuters")
        fifty = claim("r", 50, claimant="Reuters")
        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            assert not only(flags([high, low, fits]), "divergent")
            (f,) = only(flags([high, low, fifty]), "divergent")
            assert f.figures == (low.figure, fifty.figure)  # type: ignore[attr-defined]
            assert f.factor == pytest.approx(2.5)  # type: ignore[attr-defined]
            assert f.claims == ("a1", "a2", "r")  # type: ignore[attr-defined]
            assert "Reuters says 50 person, Armenpress says 10-20 person" in f.message  # type: ignore[attr-defined]

    def test_echoes_do_not_diverge(self) -> None:
        """One source's figures never diverge with themselves; overlapping 'about' figures agree."""
        assert not only(flag([claim("a", 80), claim("b", 80, chain=("BBC",))]), "divergent")
        assert not only(
            flag([claim("a", Figure.about(400)), claim("b", 430, claimant="Reuters")]), "divergent"
        )

    def test_partisan_needs_reference(self) -> None:
        """An enemy claim is flagged only against the other side's own or a third party's count."""
        enemy = claim("e", 500, claimant="Azerbaijan")
        assert not only(flag([enemy]), "partisan_enemy_claim")
        assert only(flag([enemy, claim("o", 80)]), "partisan_enemy_claim")
        assert only(flag([enemy, claim("t", 90, claimant="Reuters")]), "partisan_enemy_claim")
        later = claim("o", 80, as_of=day(2))
        assert only(flag([enemy, later]), "partisan_enemy_claim")  # a later count caps it
        too_late = claim("o", 80, as_of=day(9))
        assert not only(flag([enemy, too_late]), "partisan_enemy_claim")

    def test_partisan_reference_from_a_later_start(self) -> None:
        """A count from a later start covers a shorter time and bounds no enemy claim.

        One from the same or an earlier start does, and so does one whose start,
        or the claim's, is not stated (it may be either).
        """
        enemy = claim("e", 500, claimant="Azerbaijan")  # since 27 September
        own = claim("o", 80)

        def since(c: object, start: date | None) -> object:
            return attrs.evolve(c, period=attrs.evolve(c.period, start=start))  # type: ignore[attr-defined,misc]

        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            assert not only(flags([enemy, since(own, day(1))]), "partisan_enemy_claim")
            assert only(flags([since(enemy, day(1)), own]), "partisan_enemy_claim")
            assert only(flags([enemy, since(own, None)]), "partisan_enemy_claim")
            assert only(flags([since(enemy, None), since(own, day(1))]), "partisan_enemy_claim")

    def test_partisan_claim_with_no_start_began_by_its_day(self) -> None:
        """A claim with no stated start is not bounded by a total that starts after its day."""
        enemy = claim("e", 500, side="azerbaijan", as_of=day(1))
        enemy = attrs.evolve(enemy, period=attrs.evolve(enemy.period, start=None))
        own = claim("o", 20, side="azerbaijan", claimant="Azerbaijan", as_of=day(2))
        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            for start, flagged in ((day(2), False), (day(1), True), (None, True)):
                since = attrs.evolve(own, period=attrs.evolve(own.period, start=start))
                assert bool(only(flags([enemy, since]), "partisan_enemy_claim")) is flagged

    def test_partisan_names_the_tightest_count(self) -> None:
        """An enemy claim lists its own claims and the count it exceeds most, with its echoes."""
        enemy = claim("e", 500, claimant="Azerbaijan")
        tight, echo = claim("o", 80), claim("o-echo", 80, chain=("BBC",))
        loose = claim("t", 200, claimant="Reuters")
        (f,) = only(flag([enemy, tight, echo, loose]), "partisan_enemy_claim")
        assert f.claims == ("e", "o", "o-echo")  # type: ignore[attr-defined]
        assert f.factor == pytest.approx(500 / 80)  # type: ignore[attr-defined]
        (f,) = only(flag([enemy, loose]), "partisan_enemy_claim")
        assert f.claims == ("e", "t")  # type: ignore[attr-defined]

    def test_part_names_the_tightest_whole(self) -> None:
        """A part lists its own claims and the whole it exceeds most, with its echoes."""
        part = claim("p", 90, category="civilian")
        tight = claim("w", 50, category="unspecified", claimant="Reuters")
        echo = claim("w-echo", 50, category="unspecified", claimant="Reuters", chain=("BBC",))
        loose = claim("x", 70, category="unspecified", claimant="Artsakh")
        (f,) = only(flag([part, tight, echo, loose]), "part_exceeds_whole")
        assert f.claims == ("p", "w", "w-echo")  # type: ignore[attr-defined]
        assert f.figures[1] == Figure.exact(50)  # type: ignore[attr-defined]

    def test_series_regression(self) -> None:
        """A running total from one source that goes down is flagged, naming both days."""
        flags = flag(
            [
                claim("a", 80, as_of=day(1)),
                claim("b", 60, as_of=day(3)),
                claim("c", 90, as_of=day(5)),
            ]
        )
        (f,) = only(flags, "series_regression")
        assert f.claims == ("a", "b")  # type: ignore[attr-defined]
        assert "2020-10-01" in f.message and "2020-10-03" in f.message  # type: ignore[attr-defined]

    def test_negative_window_refused(self) -> None:
        """A window of days before a claim is refused on both paths, naming the argument."""
        for flags in (flag, flag_table):
            with pytest.raises(ArgumentError, match="window_days"):
                flags([claim("a", 80)], window_days=-1)  # type: ignore[operator]

    def test_series_from_another_start_is_another_series(self) -> None:
        """A total counted from another start (or from none) is no revision of the first."""
        a, b = claim("a", 80, as_of=day(1)), claim("b", 60, as_of=day(3))
        earlier = attrs.evolve(b, period=Period.since(date(2020, 10, 2), as_of=day(3)))
        unstarted = attrs.evolve(b, period=attrs.evolve(b.period, start=None))
        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            for later in (earlier, unstarted):
                assert not only(flags([a, later]), "series_regression")
            assert only(flags([a, b]), "series_regression")

    @pytest.mark.parametrize(
        "claims",
        [
            [
                claim("p", 90, category="civilian"),
                claim("w", 50, category="unspecified", claimant="Reuters"),
            ],
            [claim("p", 400), claim("w", 300, outcome="killed_or_wounded")],
            [claim("p", 30, incident=True), claim("w", 20)],
            [claim("p", 30, incident=True, as_of=day(1)), claim("w", 20, as_of=day(3))],
            [
                claim("p1", 60),
                claim("p2", 50, side="azerbaijan", claimant="Azerbaijan"),
                claim("w", 100, side="all", claimant="Reuters"),
            ],
            [
                claim("p1", 60),
                claim("p2", 50, category="civilian"),
                claim("w", 100, category="unspecified"),
            ],
        ],
    )
    def test_part_exceeds_whole(self, claims: list[object]) -> None:
        """A part above its whole, an incident above its total, parts summing above a total."""
        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            found = only(flags(claims), "part_exceeds_whole")
            assert found
            assert all(f.severity is Severity.ERROR for f in found)  # type: ignore[attr-defined]
            assert "w" in found[0].claims  # type: ignore[attr-defined]

    def test_place_above_its_subject_everywhere(self) -> None:
        """A place's running total above the same subject's total everywhere is a part above it.

        Also where the subject is the same, and the place is all that covers.
        """
        part = claim("p", 50, category="civilian", location="Stepanakert", claimant="Reuters")
        whole = claim("w", 30, category="civilian")
        within = claim("w2", 60, category="civilian", as_of=day(1))
        for flags in (flag, lambda claims: flag_table(claims).to_flags()):  # both paths
            (found,) = only(flags([part, whole]), "part_exceeds_whole")
            assert (found.claims, found.figures) == (  # type: ignore[attr-defined]
                ("p", "w"),
                (part.figure, whole.figure),
            )
            assert not only(flags([part, within]), "part_exceeds_whole")
            # the same place is no whole of its own running total
            assert not only(
                flags([part, attrs.evolve(whole, subject=part.subject)]), "part_exceeds_whole"
            )

    def test_parts_within_whole(self) -> None:
        """Parts within their whole raise nothing."""
        claims = [
            claim("p1", 60),
            claim("p2", 30, category="civilian"),
            claim("w", 100, category="unspecified"),
            claim("i", 5, incident=True),
        ]
        assert not only(flag(claims), "part_exceeds_whole")

    def test_single_source_and_undated(self) -> None:
        """A subject with one source is noted; an undated claim is noted and kept out of series."""
        flags = flag([claim("a", 5, as_of=None)])
        assert sorted(codes(flags)) == ["single_source", "undated"]

    def test_retracted_ignored(self) -> None:
        """A retracted claim raises no flag of its own and none against others."""
        assert not only(
            flag([claim("a", 80), claim("b", 200, claimant="Reuters", retracted=True)]), "divergent"
        )

    def test_duplicate_ids(self) -> None:
        """Duplicate ids are refused."""
        with pytest.raises(DuplicateIdError):
            flag([claim("a", 1), claim("a", 2)])


class TestPlaces:
    """A flag says where its claims count: ``location`` and the message, on both paths."""

    PATHS = (flag, lambda claims: flag_table(claims).to_flags())

    def test_every_check_names_the_place(self) -> None:
        here = {"location": "Stepanakert", "category": "civilian"}
        claims = [
            claim("p", 50, claimant="Reuters", **here),  # above the subject's 30 everywhere
            claim("w", 30, category="civilian"),
            claim("d", 5, claimant="TASS", **here),  # diverges from Reuters' 50 there
            claim("s", 40, claimant="Reuters", as_of=day(2), **here),  # Reuters' total falls
            claim("e", 400, side="azerbaijan", claimant="Armenpress", **here),  # partisan
            claim("o", 20, side="azerbaijan", claimant="Azerbaijan", category="civilian"),
            claim("x", 7, disputed_by=("Azerbaijan",), **here),
        ]
        for flags in self.PATHS:
            found = {f.code: f for f in flags(claims)}  # type: ignore[attr-defined]
            (part,) = [f for f in flags(claims) if f.claims == ("p", "w")]  # type: ignore[attr-defined]
            assert part.location == "Stepanakert"  # type: ignore[attr-defined]
            assert (
                "Reuters gives 50 person armenia civilian killed (person) in Stepanakert as of "
                "2020-10-01, but Armenpress gives 30 person armenia civilian killed (person) in "
                "all places as of 2020-10-01"
            ) in part.message  # type: ignore[attr-defined]
            divergent = found["divergent"]
            assert divergent.location == "Stepanakert"  # type: ignore[attr-defined]
            assert "disagree on armenia civilian killed (person) in Stepanakert as of" in (
                divergent.message  # type: ignore[attr-defined]
            )
            series = found["series_regression"]
            assert "total of armenia civilian killed (person) in Stepanakert goes down" in (
                series.message  # type: ignore[attr-defined]
            )
            partisan = found["partisan_enemy_claim"]
            assert partisan.location == "Stepanakert"  # type: ignore[attr-defined]
            assert "claims 400 person azerbaijan civilian killed in Stepanakert as of" in (
                partisan.message  # type: ignore[attr-defined]
            )
            assert "times what Azerbaijan (own) reports in all places" in (
                partisan.message  # type: ignore[attr-defined]
            )
            disputed = found["disputed"]
            assert disputed.location == "Stepanakert"  # type: ignore[attr-defined]
            assert "killed (person) in Stepanakert is disputed by Azerbaijan" in (
                disputed.message  # type: ignore[attr-defined]
            )
            # a subject known from one source is one subject everywhere: no place
            assert all(
                f.location is None  # type: ignore[attr-defined]
                for f in flags(claims)
                if f.code == "single_source"  # type: ignore[attr-defined]
            )

    def test_no_place_says_nothing_of_places(self) -> None:
        """Counts with no place read as before: no place in the message, ``location`` None."""
        claims = [
            claim("a", 500, side="azerbaijan"),
            claim("b", 20, side="azerbaijan", claimant="Azerbaijan"),
        ]
        for flags in self.PATHS:
            (f,) = only(flags(claims), "partisan_enemy_claim")
            assert f.location is None  # type: ignore[attr-defined]
            assert f.message.endswith("times what Azerbaijan (own) reports")  # type: ignore[attr-defined]

    def test_files_carry_the_place(self, tmp_path: Path) -> None:
        """The flag files have a ``location`` column and field, the same from both paths."""
        from claimrecon.columnar.texts import CSV_COLUMNS, write_flags_csv, write_flags_json
        from claimrecon.io.results import flag_records, to_csv_text, to_json_text

        claims = [
            claim("d", 5, claimant="TASS", location="Martakert"),
            claim("r", 50, claimant="Reuters", location="Martakert"),
            claim("t", 3, outcome="wounded"),  # known from one source: no place
        ]
        table = flag_table(claims)
        write_flags_csv(table, tmp_path / "flags.csv")
        write_flags_json(table, tmp_path / "flags.json")
        records = flag_records(flag(claims))
        written = (tmp_path / "flags.csv").read_bytes().decode()
        header, first = written.splitlines()[:2]
        assert header.endswith(",factor,location,unit,side,category,outcome")
        assert ",Martakert,person,armenia,military,killed" in first
        assert written == to_csv_text(records, columns=CSV_COLUMNS)
        assert (tmp_path / "flags.json").read_text() == to_json_text(records)
        assert [r["location"] for r in records] == ["Martakert", None]


class TestPartsAndStarts:
    """A running total holds only the parts inside its period: none from before its start."""

    PATHS = TestPlaces.PATHS

    @staticmethod
    def since(c: object, start: date | None) -> object:
        return attrs.evolve(c, period=attrs.evolve(c.period, start=start))  # type: ignore[attr-defined,misc]

    def test_incident_before_the_start_is_no_part(self) -> None:
        incident = claim("i", 50, incident=True, as_of=day(1))
        whole = claim("w", 30, category="unspecified", as_of=day(12), claimant="Reuters")
        for flags in self.PATHS:
            assert not only(flags([incident, self.since(whole, day(10))]), "part_exceeds_whole")
            for start in (day(1), date(2020, 9, 27), None):
                (f,) = only(flags([incident, self.since(whole, start)]), "part_exceeds_whole")
                assert f.claims == ("i", "w")  # type: ignore[attr-defined]

    def test_total_from_an_earlier_start_is_no_part(self) -> None:
        part = claim("p", 50, as_of=day(11))  # since 27 September
        whole = claim("w", 30, category="unspecified", as_of=day(11), claimant="Reuters")
        for flags in self.PATHS:
            assert not only(flags([part, self.since(whole, day(10))]), "part_exceeds_whole")
            assert only(flags([part, self.since(whole, None)]), "part_exceeds_whole")
            assert only(
                flags([self.since(part, None), self.since(whole, day(10))]), "part_exceeds_whole"
            )
            # on the whole's first day after the part, a later start's total (5, from 10
            # October) is passed over, and one from the war's start is held against it
            later = self.since(claim("l", 5, category="unspecified", as_of=day(12)), day(10))
            covering = claim("c", 30, category="unspecified", as_of=day(12), claimant="TASS")
            (f,) = only(flags([part, later, covering]), "part_exceeds_whole")
            assert f.claims == ("c", "p")  # type: ignore[attr-defined]
            assert f.figures == (part.figure, covering.figure)  # type: ignore[attr-defined]

    def test_a_total_that_does_not_cover_hides_nothing(self) -> None:
        """The whole's first day that covers the part is met: a later start's day is passed."""
        incident = claim("p", 50, incident=True, as_of=day(1))
        total = claim("p2", 50, as_of=day(5))  # since 27 September
        short = self.since(claim("w1", 3, category="unspecified", as_of=day(2)), day(2))
        short5 = self.since(claim("w3", 20, category="unspecified", as_of=day(5)), day(3))
        long = claim("w2", 10, category="unspecified", as_of=day(6), claimant="Reuters")
        for flags in self.PATHS:
            (f,) = only(flags([incident, short, long]), "part_exceeds_whole")
            assert f.claims == ("p", "w2")  # type: ignore[attr-defined]
            (f,) = only(flags([total, short5, long]), "part_exceeds_whole")
            assert f.claims == ("p2", "w2")  # type: ignore[attr-defined]

    def test_the_lowest_covering_total_of_the_day(self) -> None:
        """Of a day's totals from several starts, the lowest that covers the part is held."""
        whole = claim("w", 0, category="unspecified", as_of=day(6))
        early = self.since(attrs.evolve(whole, id="w-sep", figure=Figure.exact(40)), WAR_START)
        late = self.since(attrs.evolve(whole, id="w-oct", figure=Figure.exact(10)), day(3))
        open_ = self.since(attrs.evolve(whole, id="w-any", figure=Figure.exact(30)), None)
        open_ = attrs.evolve(open_, claimant="Reuters")
        late = attrs.evolve(late, claimant="TASS")
        for flags in self.PATHS:
            for start, tightest in ((day(1), "w-any"), (day(5), "w-oct")):
                part = self.since(claim("p", 35, as_of=day(6)), start)
                (f,) = only(flags([part, early, late, open_]), "part_exceeds_whole")
                assert f.claims == ("p", tightest)  # type: ignore[attr-defined]

    def test_part_with_no_start_began_by_its_as_of_day(self) -> None:
        """A part with no stated start is not covered by a total that starts after its day."""
        part = self.since(claim("p", 500, as_of=day(1)), None)
        whole = claim("w", 100, category="unspecified", as_of=day(10), claimant="Reuters")
        for flags in self.PATHS:
            assert not only(flags([part, self.since(whole, day(5))]), "part_exceeds_whole")
            assert only(flags([part, self.since(whole, day(1))]), "part_exceeds_whole")

    def test_any_start_date(self) -> None:
        """A start on the first day there is counts as a start, on both paths."""
        part = claim("p", 500, as_of=day(1))  # since 27 September 2020
        unstarted = self.since(
            claim("a", 100, category="unspecified", as_of=day(10), claimant="Reuters"), None
        )
        ancient = self.since(
            claim("b", 1000, category="unspecified", as_of=day(5), claimant="TASS"),
            date(1, 1, 1),
        )
        for flags in self.PATHS:
            assert not only(flags([part, unstarted, ancient]), "part_exceeds_whole")
            assert only(flags([part, unstarted]), "part_exceeds_whole")


class TestInconsistentSource:
    """One source reported with figures that do not overlap for one count on one day."""

    PATHS = TestPlaces.PATHS
    #: the Nagorno-Karabakh authorities' 772 military dead, via Reuters, via an outlet
    FIRST = nk772()
    #: the same figure, garbled to 727 by another outlet citing Reuters
    GARBLED = nk772(
        id="nk-727",
        figure=Figure.exact(727),
        chain=(Hop("Other Daily", date(2020, 10, 21)), Hop("Reuters", date(2020, 10, 20))),
    )

    def both(self, claims: list[Claim]) -> list[object]:
        """The source's flags, the same on both paths."""
        found = [only(flags(claims), "inconsistent_source") for flags in self.PATHS]
        assert found[0] == found[1]
        return found[0]

    def test_garbled_echo(self) -> None:
        """772 and 727 from one claimant for one subject and day: one flag naming both."""
        (f,) = self.both([self.FIRST, self.GARBLED])
        assert f.claims == ("nk-727", "nk-772")  # type: ignore[attr-defined]
        assert f.figures == (Figure.exact(727), Figure.exact(772))  # type: ignore[attr-defined]
        assert f.severity is Severity.WARNING  # type: ignore[attr-defined]
        assert f.factor == 772 / 727  # type: ignore[attr-defined]
        assert f.subject == ("person", "armenia", "military", "killed")  # type: ignore[attr-defined]
        assert (f.as_of, f.location) == (date(2020, 10, 20), None)  # type: ignore[attr-defined]
        assert f.message == (  # type: ignore[attr-defined]
            "Nagorno-Karabakh is reported giving both 727 person and 772 person for armenia "
            "military killed (person) as of 2020-10-20: a republication may no longer match its "
            "source (x1.06)"
        )

    def test_overlapping_figures(self) -> None:
        """'At least 700' and 772 overlap: the source agrees with itself."""
        at_least = self.GARBLED.evolve(figure=Figure.at_least(700))
        assert not self.both([self.FIRST, at_least])

    def test_other_days(self) -> None:
        """Figures for different as-of days are never held against each other here."""
        later = self.GARBLED.evolve(period=Period.since(WAR_START, as_of=date(2020, 10, 21)))
        assert not self.both([self.FIRST, later])

    def test_two_sources_diverge(self) -> None:
        """Two different sources that disagree are divergent, not inconsistent."""
        other = self.GARBLED.evolve(claimant="Reuters", claimant_side="unknown")
        for flags in self.PATHS:
            found = flags([self.FIRST, other])
            assert only(found, "divergent")
            assert not only(found, "inconsistent_source")

    def test_echo_adds_its_id(self) -> None:
        """An echo of one statement adds its id to the flag and changes nothing else."""
        echo = self.FIRST.evolve(id="nk-772-bis", chain=(Hop("Third Daily"), Hop("Reuters")))
        (before,) = self.both([self.FIRST, self.GARBLED])
        (after,) = self.both([self.FIRST, self.GARBLED, echo])
        assert after.claims == ("nk-727", "nk-772", "nk-772-bis")  # type: ignore[attr-defined]
        assert attrs.evolve(after, claims=before.claims) == before  # type: ignore[misc]

    def test_three_statements(self) -> None:
        """A source with three statements: one flag, showing its extremes, listing all three."""
        between = self.FIRST.evolve(id="nk-750", figure=Figure.exact(750))
        (f,) = self.both([between, self.GARBLED, self.FIRST])
        assert f.claims == ("nk-727", "nk-750", "nk-772")  # type: ignore[attr-defined]
        assert f.figures == (Figure.exact(727), Figure.exact(772))  # type: ignore[attr-defined]

    def test_open_figures(self) -> None:
        """An open figure counts by its low; a source with no closed figure has nothing to break."""
        more = self.FIRST.evolve(id="nk-800", figure=Figure.at_least(800))
        (f,) = self.both([self.FIRST, more])
        assert f.figures == (Figure.exact(772), Figure.at_least(800))  # type: ignore[attr-defined]
        assert "both 772 person and at least 800 person" in f.message  # type: ignore[attr-defined]
        below = self.FIRST.evolve(id="nk-700", figure=Figure.at_least(700))
        assert not self.both([more, below])


class TestSumsAndStarts:
    """A whole's total is held against the sum of the parts its period covers, and only those."""

    PATHS = TestPlaces.PATHS
    since = staticmethod(TestPartsAndStarts.since)

    @staticmethod
    def sums(flags: list[object]) -> list[object]:
        return [
            f
            for f in only(flags, "part_exceeds_whole")
            if f.message.startswith("the sides add up")  # type: ignore[attr-defined]
        ]

    def side(self, claim_id: str, figure: int, side: str, start: date | None, **kw: Any) -> object:
        """A running total of military dead as of 5 October, since ``start``."""
        return self.since(claim(claim_id, figure, side, as_of=day(5), **kw), start)

    def test_parts_from_before_the_whole_began(self) -> None:
        """Parts from before a whole's start are not summed; from its start, or none, they are."""
        whole = self.side("w", 50, "all", day(3), claimant="Reuters")
        for flags in self.PATHS:
            for start, flagged in ((WAR_START, False), (day(3), True), (None, True)):
                parts = [
                    self.side("a", 30, "armenia", start),
                    self.side("b", 30, "azerbaijan", start, claimant="Azerbaijan"),
                ]
                assert bool(self.sums(flags([*parts, whole]))) is flagged
            parts = [
                self.side("a", 30, "armenia", WAR_START),
                self.side("b", 30, "azerbaijan", WAR_START, claimant="Azerbaijan"),
            ]
            (f,) = self.sums(flags([*parts, self.since(whole, None)]))
            assert f.claims == ("a", "b", "w")  # type: ignore[attr-defined]
            assert "add up to at least 60" in f.message  # type: ignore[attr-defined]

    def test_only_the_covered_parts_are_summed(self) -> None:
        """Of mixed starts, the covered parts alone are summed, and two sides must be covered."""
        whole = self.side("w", 50, "all", day(3), claimant="Reuters")
        a = self.side("a", 30, "armenia", day(4))
        b_covered = self.side("b1", 25, "azerbaijan", day(3), claimant="Azerbaijan")
        b_earlier = self.side("b2", 40, "azerbaijan", WAR_START, claimant="TASS")
        for flags in self.PATHS:
            (f,) = self.sums(flags([whole, a, b_covered, b_earlier]))
            assert f.claims == ("a", "b1", "w")  # type: ignore[attr-defined]
            assert f.figures[0] == Figure.exact(55)  # type: ignore[attr-defined]
            assert f.factor == pytest.approx(55 / 50)  # type: ignore[attr-defined]
            # 30 and 40 would exceed 50, but the whole covers one side only
            assert not self.sums(flags([whole, a, b_earlier]))
            # the covered parts within the whole raise nothing, however high the others
            low = self.side("b3", 15, "azerbaijan", day(5), claimant="Azerbaijan")
            assert not self.sums(flags([whole, a, low, b_earlier]))

    def test_the_covered_top_in_order(self) -> None:
        """Each side sums its largest covered low (first on a tie), not a larger uncovered one."""
        whole = self.side("w", 50, "all", day(3), claimant="Kremlin")
        b = self.side("b", 25, "azerbaijan", day(3), claimant="Azerbaijan")
        higher = self.side("a0", 45, "armenia", WAR_START)  # not covered
        tied = [
            self.side("a2", 30, "armenia", day(4), claimant="Reuters"),
            self.side("a1", 30, "armenia", None, claimant="Armenpress"),
        ]
        for flags in self.PATHS:
            (f,) = self.sums(flags([whole, b, higher, *tied]))
            assert f.claims == ("a1", "b", "w")  # type: ignore[attr-defined]
            assert "add up to at least 55" in f.message  # type: ignore[attr-defined]

    def test_the_tightest_whole_with_its_own_sum(self) -> None:
        """The lowest whole below its sum is shown with its own sum; every whole below is listed."""
        a = self.side("a", 30, "armenia", day(4))
        b_covered = self.side("b1", 25, "azerbaijan", day(3), claimant="Azerbaijan")
        b_earlier = self.side("b2", 40, "azerbaijan", WAR_START, claimant="TASS")
        parts = [a, b_covered, b_earlier]
        since_3 = self.side("w1", 50, "all", day(3), claimant="Reuters")  # sums 30 and 25
        for flags in self.PATHS:
            anytime = self.side("w2", 52, "all", None, claimant="Kremlin")  # sums 30 and 40
            (f,) = self.sums(flags([*parts, since_3, anytime]))
            assert f.claims == ("a", "b1", "w1", "w2")  # type: ignore[attr-defined]
            assert f.figures == (Figure.exact(55), since_3.figure)  # type: ignore[attr-defined]
            assert f.message == (  # type: ignore[attr-defined]
                "the sides add up to at least 55 all military killed (person) as of "
                "2020-10-05, but Reuters gives 50 person in all"
            )
            anytime = self.side("w2", 45, "all", None, claimant="Kremlin")
            (f,) = self.sums(flags([*parts, since_3, anytime]))
            assert f.claims == ("a", "b2", "w1", "w2")  # type: ignore[attr-defined]
            assert f.figures == (Figure.exact(70), anytime.figure)  # type: ignore[attr-defined]
            assert f.factor == pytest.approx(70 / 45)  # type: ignore[attr-defined]
            assert "add up to at least 70" in f.message  # type: ignore[attr-defined]
            assert f.message.endswith("but Kremlin gives 45 person in all")  # type: ignore[attr-defined]
