"""Figure: bounds, qualifiers, interval arithmetic and parsing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from claimrecon import ACLED_TABLE, Figure, InvalidClaimError, ParseError, QualifierTable, Rule
from claimrecon.errors import UnitMismatchError
from tests.strategies import EQUIPMENT_UNITS, figures

people_figures = figures()


class TestConstructors:
    def test_exact(self) -> None:
        """An exact figure has equal bounds and keeps the stated number."""
        f = Figure.exact(772)
        assert (f.bounds, f.rule, f.stated, f.approx) == ((772, 772), Rule.EXACT, 772, False)

    def test_at_least_is_open(self) -> None:
        """'At least' leaves the upper bound open: None, not infinity."""
        assert Figure.at_least(30).bounds == (30, None)

    def test_more_than_is_strict(self) -> None:
        """'More than 100' starts at 101."""
        assert Figure.more_than(100).bounds == (101, None)

    def test_at_most_and_fewer_than(self) -> None:
        """'Up to n' is [0, n]; 'fewer than n' is [0, n-1]."""
        assert Figure.at_most(50).bounds == (0, 50)
        assert Figure.fewer_than(10).bounds == (0, 9)

    def test_about_and_nearly(self) -> None:
        """'About 400' is 360-440; 'nearly 400' is 360-400, both approximate."""
        assert Figure.about(400).bounds == (360, 440)
        assert Figure.nearly(400).bounds == (360, 400)
        assert Figure.about(400).approx and Figure.nearly(400).approx

    def test_magnitude_words(self) -> None:
        """Vague magnitude words map to the table's bounds."""
        assert Figure.magnitude("ratusan").bounds == (100, 999)
        assert Figure.magnitude("dozens", lang="en").bounds == (24, 99)
        assert Figure.magnitude("puluhan", multiplier=1000).bounds == (10_000, 99_999)

    def test_replaceable_table(self) -> None:
        """A user table changes the bounds: ACLED reads 'hundreds' as 100."""
        assert Figure.magnitude("hundreds", lang="en", table=ACLED_TABLE).bounds == (100, None)
        wide = QualifierTable(about="1/5")
        assert Figure.about(100, table=wide).bounds == (80, 120)

    @pytest.mark.parametrize("tolerance", ["abc", 2, 1, -0.1, True, None, "1/0"])
    def test_table_tolerance(self, tolerance: object) -> None:
        """A tolerance is a fraction from 0 to below 1, or an error naming it."""
        for name in ("about", "nearly"):
            with pytest.raises(InvalidClaimError, match=f"'{name}' must be a fraction from 0"):
                QualifierTable(**{name: tolerance})  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"low": -3, "high": 5}, "low"),
            ({"low": 5, "high": 3, "rule": "between"}, "high"),
            ({"low": 5, "high": 6, "rule": "exact"}, "high"),
            ({"low": 5, "high": 6, "rule": "at_least"}, "high"),
            ({"low": 1, "high": 1, "unit": "furlong"}, "unit"),
            ({"low": 1, "high": 1, "unit": "day"}, "unit"),
            ({"low": 1, "high": 1, "rule": "roughly"}, None),
            ({"low": 1.5, "high": 2, "rule": "between"}, "low"),
        ],
    )
    def test_bad_figures(self, kwargs: dict[str, object], field: str | None) -> None:
        """Bad bounds, rules or units raise a ValueError naming the field."""
        with pytest.raises(ValueError, match=field) as info:
            Figure(**kwargs)  # type: ignore[arg-type]
        if field is not None:
            assert isinstance(info.value, InvalidClaimError)
            assert info.value.field == field


class TestArithmetic:
    @given(people_figures, people_figures)
    def test_addition_commutative(self, a: Figure, b: Figure) -> None:
        """a + b == b + a."""
        assert a + b == b + a

    @given(people_figures, people_figures, people_figures)
    def test_addition_associative(self, a: Figure, b: Figure, c: Figure) -> None:
        """(a + b) + c == a + (b + c)."""
        assert (a + b) + c == a + (b + c)

    @given(people_figures, people_figures)
    def test_sum_bounds(self, a: Figure, b: Figure) -> None:
        """Bounds add; an open bound stays open; the sum contains every pairwise sum."""
        s = a + b
        assert s.low == a.low + b.low
        assert (s.high is None) == (a.high is None or b.high is None)
        assert s.high is None or s.low <= s.high

    def test_at_least_plus_exact_is_at_least(self) -> None:
        """The sum of an 'at least' and an exact figure is an 'at least'."""
        s = Figure.at_least(30) + Figure.exact(7)
        assert (s.bounds, s.rule) == ((37, None), Rule.AT_LEAST)

    def test_total(self) -> None:
        """Figure.total adds many figures, starting at an exact zero."""
        assert Figure.total([Figure.exact(7), Figure.exact(80)]).bounds == (87, 87)
        assert Figure.total([], "tank").unit == "tank"

    @given(figures(unit="person"), figures(unit=st.sampled_from(EQUIPMENT_UNITS)))
    def test_units_never_mix(self, people: Figure, kit: Figure) -> None:
        """People never add to, overlap or compare with equipment."""
        for op in (
            lambda: people + kit,
            lambda: people.overlaps(kit),
            lambda: kit.divergence(people),
            lambda: people.contains(kit),
        ):
            with pytest.raises(UnitMismatchError):
                op()

    @given(people_figures, st.integers())
    def test_no_bare_numbers(self, a: Figure, n: int) -> None:
        """A count plus a bare number raises pint's dimensionality error."""
        from pint.errors import DimensionalityError

        with pytest.raises(DimensionalityError):
            a + n
        with pytest.raises(DimensionalityError):
            n + a


class TestIntervals:
    @given(people_figures, people_figures)
    def test_bounds_ordered(self, a: Figure, b: Figure) -> None:
        """low <= high whenever high is set."""
        for f in (a, b, a + b):
            assert f.high is None or f.low <= f.high

    @given(people_figures, people_figures)
    def test_overlap_symmetric(self, a: Figure, b: Figure) -> None:
        """Overlap is symmetric."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(people_figures, people_figures)
    def test_containment_implies_overlap(self, a: Figure, b: Figure) -> None:
        """A figure that contains another overlaps it; mutual containment is equality of bounds."""
        if a.contains(b):
            assert a.overlaps(b)
        if a.contains(b) and b.contains(a):
            assert a.bounds == b.bounds

    @given(people_figures, people_figures)
    def test_divergence_symmetric(self, a: Figure, b: Figure) -> None:
        """Divergence is symmetric, 1 exactly when the figures overlap, above 1 otherwise."""
        assert a.divergence(b) == b.divergence(a)
        assert (a.divergence(b) == 1.0) == a.overlaps(b)
        assert a.divergence(b) >= 1.0
        assert (a.gap(b) == 0) == a.overlaps(b)

    def test_divergence_ratio(self) -> None:
        """2,300 against 80 diverges by 28.75, with a gap of 2,220."""
        a, b = Figure.exact(2300), Figure.exact(80)
        assert a.divergence(b) == pytest.approx(28.75)
        assert a.gap(b) == 2220

    @given(figures(max_value=10**400), figures(max_value=10**400))
    def test_divergence_of_huge_figures(self, a: Figure, b: Figure) -> None:
        """Figures are unbounded: a ratio beyond any float is ``inf``, never an error."""
        assert a.divergence(b) == b.divergence(a) >= 1.0
        assert Figure.exact(10**400).divergence(Figure.exact(1)) == math.inf
        assert Figure.exact(10**400).divergence(Figure.exact(10**399)) == pytest.approx(10.0)

    def test_rates(self) -> None:
        """A figure over a duration gives people per day."""
        from claimrecon import ureg

        low, high = Figure.between(70, 140).per(ureg.Quantity(7, "day"))
        assert low.magnitude == 10 and str(low.units) == "person / day"
        assert high.magnitude == 20


class TestParse:
    @pytest.mark.parametrize(
        ("text", "lang", "bounds", "rule", "qualifier"),
        [
            ("sedikitnya 30", "id", (30, None), Rule.AT_LEAST, "sedikitnya"),
            ("setidaknya 18", "id", (18, None), Rule.AT_LEAST, "setidaknya"),
            ("lebih dari 100", "id", (101, None), Rule.MORE_THAN, "lebih dari"),
            ("sekitar 400", "id", (360, 440), Rule.ABOUT, "sekitar"),
            ("hampir 400", "id", (360, 400), Rule.NEARLY, "hampir"),
            ("hingga 50", "id", (0, 50), Rule.AT_MOST, "hingga"),
            ("kurang dari 10", "id", (0, 9), Rule.FEWER_THAN, "kurang dari"),
            ("ratusan", "id", (100, 999), Rule.MAGNITUDE, "ratusan"),
            ("puluhan ribu", "id", (10_000, 99_999), Rule.MAGNITUDE, "puluhan"),
            ("2.300", "id", (2300, 2300), Rule.EXACT, None),
            ("tiga puluh", "id", (30, 30), Rule.EXACT, None),
            ("seratus empat puluh empat", "id", (144, 144), Rule.EXACT, None),
            ("antara 30 dan 40", "id", (30, 40), Rule.BETWEEN, "antara"),
            ("30-40", "id", (30, 40), Rule.BETWEEN, None),
            ("at least 30", "en", (30, None), Rule.AT_LEAST, "at least"),
            ("more than a hundred", "en", (101, None), Rule.MORE_THAN, "more than"),
            ("nearly 400", "en", (360, 400), Rule.NEARLY, "nearly"),
            ("up to 2,300", "en", (0, 2300), Rule.AT_MOST, "up to"),
            ("dozens", "en", (24, 99), Rule.MAGNITUDE, "dozens"),
            ("tens of thousands", "en", (10_000, 99_999), Rule.MAGNITUDE, "tens"),
            ("hundreds of people", "en", (100, 999), Rule.MAGNITUDE, "hundreds"),
            ("between 30 and 40", "en", (30, 40), Rule.BETWEEN, "between"),
            ("About   400", "en", (360, 440), Rule.ABOUT, "about"),
        ],
    )
    def test_phrases(
        self,
        text: str,
        lang: str,
        bounds: tuple[int, int | None],
        rule: Rule,
        qualifier: str | None,
    ) -> None:
        """Qualifier phrases in Indonesian and English parse to the documented bounds."""
        f = Figure.parse(text, lang)
        assert (f.bounds, f.rule, f.qualifier) == (bounds, rule, qualifier)

    def test_unit_word(self) -> None:
        """A trailing unit word sets the unit."""
        assert Figure.parse("2 tank").unit == "tank"
        assert Figure.parse("sekitar 400 orang").bounds == (360, 440)

    @pytest.mark.parametrize(
        "text",
        ["", "sedikitnya", "banyak", "30 banget", "40-30", "lebih dari ratusan", "sekitar 2,5"],
    )
    def test_bad_phrases(self, text: str) -> None:
        """Unreadable phrases raise ParseError, naming the text."""
        with pytest.raises(ParseError):
            Figure.parse(text, "id")

    @given(
        st.integers(0, 10_000_000),
        st.sampled_from(
            [
                ("sedikitnya", Rule.AT_LEAST),
                ("lebih dari", Rule.MORE_THAN),
                ("sekitar", Rule.ABOUT),
                ("hampir", Rule.NEARLY),
                ("hingga", Rule.AT_MOST),
                (None, Rule.EXACT),
            ]
        ),
    )
    def test_generated_indonesian(self, n: int, qual: tuple[str | None, Rule]) -> None:
        """Generated Indonesian phrases (num2words as the oracle) parse to the stated number."""
        word, rule = qual
        for number in (num2words(n, lang="id"), f"{n:,}".replace(",", ".")):
            text = number if word is None else f"{word} {number}"
            f = Figure.parse(text, "id")
            assert (f.stated, f.rule) == (n, rule)

    @given(
        st.integers(0, 10_000_000),
        st.sampled_from(
            [
                ("at least", Rule.AT_LEAST),
                ("more than", Rule.MORE_THAN),
                ("about", Rule.ABOUT),
                ("nearly", Rule.NEARLY),
                ("up to", Rule.AT_MOST),
                (None, Rule.EXACT),
            ]
        ),
    )
    def test_generated_english(self, n: int, qual: tuple[str | None, Rule]) -> None:
        """Generated English phrases (num2words as the oracle) parse to the stated number."""
        word, rule = qual
        for number in (num2words(n, lang="en"), f"{n:,}"):
            text = number if word is None else f"{word} {number}"
            f = Figure.parse(text, "en")
            assert (f.stated, f.rule) == (n, rule)
