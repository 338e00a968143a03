"""Figure: a count that may be exact, an interval, open-ended or approximate.

A figure keeps integer bounds (``low``, and ``high`` or ``None`` when the
upper bound is open), the pint unit of what is counted, the *rule* that turned
the wording into bounds (exact, at least, about ...), the number as stated and
the qualifier word as written.  Qualifier words map to rules, and rules to
bounds, through one :class:`QualifierTable` that a user can replace::

    >>> from claimrecon import Figure
    >>> Figure.parse("sedikitnya 30").bounds
    (30, None)
    >>> Figure.parse("lebih dari 100").bounds
    (101, None)
    >>> Figure.parse("2.300", lang="id").bounds
    (2300, 2300)
    >>> (Figure.at_least(30) + Figure.exact(7)).bounds
    (37, None)
"""

from __future__ import annotations

import contextlib
import enum
import math
import re
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import lru_cache
from typing import Any

import attrs

from claimrecon.errors import InvalidClaimError, ParseError
from claimrecon.units import PEOPLE, canonical_unit, check_same_dimension

__all__ = ["ACLED_TABLE", "DEFAULT_TABLE", "Figure", "QualifierTable", "Rule"]


class Rule(enum.StrEnum):
    """How the wording of a figure turned into bounds."""

    EXACT = "exact"
    BETWEEN = "between"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    FEWER_THAN = "fewer_than"
    ABOUT = "about"
    NEARLY = "nearly"
    MAGNITUDE = "magnitude"


_RULE_NAMES = tuple(rule.value for rule in Rule)
#: rules whose bounds are an estimate around (or below) the stated number
APPROXIMATE_RULES = frozenset({Rule.ABOUT, Rule.NEARLY, Rule.MAGNITUDE})

_DEFAULT_WORDS: dict[str, dict[str, Rule]] = {
    "id": {
        "sedikitnya": Rule.AT_LEAST,
        "setidaknya": Rule.AT_LEAST,
        "paling sedikit": Rule.AT_LEAST,
        "minimal": Rule.AT_LEAST,
        "lebih dari": Rule.MORE_THAN,
        "lebih dari sekitar": Rule.MORE_THAN,
        "di atas": Rule.MORE_THAN,
        "hingga": Rule.AT_MOST,
        "sampai": Rule.AT_MOST,
        "paling banyak": Rule.AT_MOST,
        "maksimal": Rule.AT_MOST,
        "kurang dari": Rule.FEWER_THAN,
        "di bawah": Rule.FEWER_THAN,
        "sekitar": Rule.ABOUT,
        "kira-kira": Rule.ABOUT,
        "kurang lebih": Rule.ABOUT,
        "sekira": Rule.ABOUT,
        "hampir": Rule.NEARLY,
        "nyaris": Rule.NEARLY,
        "antara": Rule.BETWEEN,
    },
    "en": {
        "at least": Rule.AT_LEAST,
        "no fewer than": Rule.AT_LEAST,
        "a minimum of": Rule.AT_LEAST,
        "more than": Rule.MORE_THAN,
        "over": Rule.MORE_THAN,
        "upwards of": Rule.MORE_THAN,
        "up to": Rule.AT_MOST,
        "at most": Rule.AT_MOST,
        "as many as": Rule.AT_MOST,
        "no more than": Rule.AT_MOST,
        "fewer than": Rule.FEWER_THAN,
        "less than": Rule.FEWER_THAN,
        "under": Rule.FEWER_THAN,
        "about": Rule.ABOUT,
        "around": Rule.ABOUT,
        "approximately": Rule.ABOUT,
        "some": Rule.ABOUT,
        "roughly": Rule.ABOUT,
        "an estimated": Rule.ABOUT,
        "nearly": Rule.NEARLY,
        "almost": Rule.NEARLY,
        "close to": Rule.NEARLY,
        "between": Rule.BETWEEN,
    },
}

_DEFAULT_MAGNITUDES: dict[str, dict[str, tuple[int, int | None]]] = {
    "id": {
        "puluhan": (10, 99),
        "belasan": (11, 19),
        "ratusan": (100, 999),
        "ribuan": (1_000, 9_999),
        "jutaan": (1_000_000, 9_999_999),
    },
    "en": {
        "tens": (10, 99),
        "dozens": (24, 99),
        "scores": (40, 99),
        "hundreds": (100, 999),
        "thousands": (1_000, 9_999),
        "millions": (1_000_000, 9_999_999),
    },
}

_MULTIPLIERS: dict[str, dict[str, int]] = {
    "id": {"ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000},
    "en": {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000},
}

_RANGE_JOINERS: dict[str, tuple[str, ...]] = {
    "id": ("hingga", "sampai", "-", "–"),
    "en": ("to", "-", "–"),
}
#: joiners that make a range only after "antara"/"between": "one hundred and one" is one number
_BETWEEN_JOINERS: dict[str, tuple[str, ...]] = {"id": ("dan",), "en": ("and",)}


def _freeze_words(value: Mapping[str, Mapping[str, Rule]]) -> dict[str, dict[str, Rule]]:
    return {lang: {w.lower(): Rule(r) for w, r in words.items()} for lang, words in value.items()}


def _freeze_magnitudes(
    value: Mapping[str, Mapping[str, tuple[int, int | None]]],
) -> dict[str, dict[str, tuple[int, int | None]]]:
    out: dict[str, dict[str, tuple[int, int | None]]] = {}
    for lang, words in value.items():
        out[lang] = {}
        for word, (low, high) in words.items():
            if low < 0 or (high is not None and high < low):
                raise InvalidClaimError("magnitudes", "must map to 0 <= low <= high", (low, high))
            out[lang][word.lower()] = (low, high)
    return out


def _tolerance(name: str, value: Any) -> Fraction:
    """``value`` as a fraction from 0 to below 1 (``0.1``, ``"1/10"``, ``Fraction(1, 10)``)."""
    fraction: Fraction | None = None
    if not isinstance(value, bool):
        with contextlib.suppress(TypeError, ValueError, ZeroDivisionError):
            fraction = Fraction(value)
    if fraction is None or not 0 <= fraction < 1:
        raise InvalidClaimError(name, "must be a fraction from 0 to below 1", value)
    return fraction


def _about(value: Any) -> Fraction:
    return _tolerance("about", value)


def _nearly(value: Any) -> Fraction:
    return _tolerance("nearly", value)


@attrs.frozen(eq=False)
class QualifierTable:
    """Which qualifier words mean which rule, and the bounds of each rule.

    * exact ``n``: ``[n, n]``; between ``a`` and ``b``: ``[a, b]``;
    * at least ``n``: ``[n, open)``; more than ``n``: ``[n + 1, open)``;
    * at most / up to ``n``: ``[0, n]``; fewer than ``n``: ``[0, n - 1]``;
    * about ``n``: ``[floor(n (1 - about)), ceil(n (1 + about))]`` (default 10%);
    * nearly ``n``: ``[floor(n (1 - nearly)), n]`` (default 10%);
    * magnitude words ("puluhan", "ratusan", "ribuan", "dozens", "hundreds"):
      the bounds in ``magnitudes``, times a following multiplier word
      ("puluhan ribu" is tens of thousands).

    The default table reads "ratusan"/"hundreds" as 100 to 999, the span the
    word admits.  :data:`ACLED_TABLE` follows ACLED's codebook instead ("tens"
    10, "dozens" 12, "hundreds" 100, as the most conservative figure), keeping
    that figure as the low bound and leaving the high bound open, since the
    word gives no ceiling.
    """

    words: Mapping[str, Mapping[str, Rule]] = attrs.field(
        factory=lambda: _DEFAULT_WORDS, converter=_freeze_words
    )
    magnitudes: Mapping[str, Mapping[str, tuple[int, int | None]]] = attrs.field(
        factory=lambda: _DEFAULT_MAGNITUDES, converter=_freeze_magnitudes
    )
    about: Fraction = attrs.field(default=Fraction(1, 10), converter=_about)
    nearly: Fraction = attrs.field(default=Fraction(1, 10), converter=_nearly)

    def bounds(self, rule: Rule, stated: int) -> tuple[int, int | None]:
        """The bounds a single-number rule gives the stated number."""
        if rule is Rule.EXACT:
            return stated, stated
        if rule is Rule.AT_LEAST:
            return stated, None
        if rule is Rule.MORE_THAN:
            return stated + 1, None
        if rule is Rule.AT_MOST:
            return 0, stated
        if rule is Rule.FEWER_THAN:
            if stated < 1:
                raise InvalidClaimError("stated", "must be >= 1 for 'fewer than'", stated)
            return 0, stated - 1
        if rule is Rule.ABOUT:
            return math.floor(stated * (1 - self.about)), math.ceil(stated * (1 + self.about))
        if rule is Rule.NEARLY:
            return math.floor(stated * (1 - self.nearly)), stated
        raise InvalidClaimError("rule", "needs two numbers or a magnitude word", str(rule))

    def magnitude(self, word: str, lang: str) -> tuple[int, int | None]:
        """The bounds of a magnitude word such as ``'ratusan'``."""
        try:
            return self.magnitudes[lang][word.lower()]
        except KeyError:
            raise ParseError(word, f"not a magnitude word of language {lang!r}") from None

    def rule_of(self, word: str, lang: str) -> Rule:
        """The rule a qualifier word stands for."""
        try:
            return self.words[lang][word.lower()]
        except KeyError:
            raise ParseError(word, f"not a qualifier of language {lang!r}") from None


DEFAULT_TABLE = QualifierTable()
ACLED_TABLE = QualifierTable(
    magnitudes={
        "id": {
            "puluhan": (10, None),
            "belasan": (11, None),
            "ratusan": (100, None),
            "ribuan": (1_000, None),
            "jutaan": (1_000_000, None),
        },
        "en": {
            "tens": (10, None),
            "dozens": (12, None),
            "scores": (20, None),
            "hundreds": (100, None),
            "thousands": (1_000, None),
            "millions": (1_000_000, None),
        },
    }
)


def _nonnegative_int(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidClaimError(name, "must be an integer", value)
    if value < 0:
        raise InvalidClaimError(name, "must be >= 0", value)


def _rule(value: object) -> Rule:
    if isinstance(value, Rule):
        return value
    if isinstance(value, str) and value in _RULE_NAMES:
        return Rule(value)
    raise InvalidClaimError("rule", f"must be one of {', '.join(_RULE_NAMES)}", value)


def _check_low(instance: Figure, attribute: attrs.Attribute[int], value: int) -> None:
    _nonnegative_int("low", value)


def _check_high(
    instance: Figure, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    _nonnegative_int("high", value)
    if value < instance.low:
        raise InvalidClaimError("high", f"must be >= low ({instance.low})", value)


def _check_stated(
    instance: Figure, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None:
        _nonnegative_int("stated", value)


def _check_qualifier(
    instance: Figure, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidClaimError("qualifier", "must be None or a non-empty word", value)


def _unit(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidClaimError("unit", "must be a unit name", value)
    return canonical_unit(value)


@attrs.frozen(repr=False)
class Figure:
    """A count with integer bounds, a unit, and the wording it came from.

    ``high is None`` means the upper bound is open ("at least 30"): never
    infinity, never a guess.  Use the named constructors rather than the
    fields: :meth:`exact`, :meth:`between`, :meth:`at_least`,
    :meth:`more_than`, :meth:`at_most`, :meth:`fewer_than`, :meth:`about`,
    :meth:`nearly`, :meth:`magnitude` and :meth:`parse`.
    """

    low: int = attrs.field(validator=_check_low)
    high: int | None = attrs.field(validator=_check_high)
    unit: str = attrs.field(default=PEOPLE, converter=_unit)
    rule: Rule = attrs.field(default=Rule.EXACT, converter=_rule)
    stated: int | None = attrs.field(default=None, validator=_check_stated)
    qualifier: str | None = attrs.field(default=None, validator=_check_qualifier)

    def __attrs_post_init__(self) -> None:
        rule, low, high = self.rule, self.low, self.high
        if rule is Rule.EXACT and high != low:
            raise InvalidClaimError("high", f"must equal low ({low}) for an exact figure", high)
        if rule in (Rule.AT_LEAST, Rule.MORE_THAN) and high is not None:
            raise InvalidClaimError("high", f"must be open (None) for rule {rule.value!r}", high)
        if rule in (Rule.AT_MOST, Rule.FEWER_THAN, Rule.BETWEEN) and high is None:
            raise InvalidClaimError("high", f"must be set for rule {rule.value!r}", high)
        if rule in (Rule.AT_MOST, Rule.FEWER_THAN) and low != 0:
            raise InvalidClaimError("low", f"must be 0 for rule {rule.value!r}", low)
        if rule is Rule.EXACT and self.stated is not None and self.stated != low:
            raise InvalidClaimError(
                "stated", f"must equal low ({low}) for an exact figure", self.stated
            )

    # -- named constructors -------------------------------------------------

    @classmethod
    def exact(cls, n: int, unit: str = PEOPLE, *, qualifier: str | None = None) -> Figure:
        """Exactly ``n``: ``Figure.exact(772)``."""
        return cls(n, n, unit, Rule.EXACT, n, qualifier)

    @classmethod
    def between(
        cls, low: int, high: int, unit: str = PEOPLE, *, qualifier: str | None = None
    ) -> Figure:
        """A closed interval: ``Figure.between(30, 40)``."""
        return cls(low, high, unit, Rule.BETWEEN, None, qualifier)

    @classmethod
    def at_least(cls, n: int, unit: str = PEOPLE, *, qualifier: str | None = None) -> Figure:
        """``n`` or more, upper bound open: "sedikitnya 30", "at least 30"."""
        return cls._single(Rule.AT_LEAST, n, unit, qualifier, DEFAULT_TABLE)

    @classmethod
    def more_than(cls, n: int, unit: str = PEOPLE, *, qualifier: str | None = None) -> Figure:
        """Strictly more than ``n``: "lebih dari 100" is ``[101, open)``."""
        return cls._single(Rule.MORE_THAN, n, unit, qualifier, DEFAULT_TABLE)

    @classmethod
    def at_most(cls, n: int, unit: str = PEOPLE, *, qualifier: str | None = None) -> Figure:
        """Up to ``n``: "hingga 50", "up to 50" is ``[0, 50]``."""
        return cls._single(Rule.AT_MOST, n, unit, qualifier, DEFAULT_TABLE)

    @classmethod
    def fewer_than(cls, n: int, unit: str = PEOPLE, *, qualifier: str | None = None) -> Figure:
        """Strictly fewer than ``n``: "kurang dari 10" is ``[0, 9]``."""
        return cls._single(Rule.FEWER_THAN, n, unit, qualifier, DEFAULT_TABLE)

    @classmethod
    def about(
        cls,
        n: int,
        unit: str = PEOPLE,
        *,
        qualifier: str | None = None,
        table: QualifierTable = DEFAULT_TABLE,
    ) -> Figure:
        """Approximately ``n``: "sekitar 400" is ``[360, 440]`` under the default table."""
        return cls._single(Rule.ABOUT, n, unit, qualifier, table)

    @classmethod
    def nearly(
        cls,
        n: int,
        unit: str = PEOPLE,
        *,
        qualifier: str | None = None,
        table: QualifierTable = DEFAULT_TABLE,
    ) -> Figure:
        """Just under ``n``: "hampir 400" is ``[360, 400]`` under the default table."""
        return cls._single(Rule.NEARLY, n, unit, qualifier, table)

    @classmethod
    def magnitude(
        cls,
        word: str,
        unit: str = PEOPLE,
        *,
        lang: str = "id",
        multiplier: int = 1,
        table: QualifierTable = DEFAULT_TABLE,
    ) -> Figure:
        """A vague magnitude word: ``Figure.magnitude("ratusan")`` is ``[100, 999]``."""
        low, high = table.magnitude(word, lang)
        high = None if high is None else (high + 1) * multiplier - 1
        return cls(low * multiplier, high, unit, Rule.MAGNITUDE, None, word.lower())

    @classmethod
    def _single(
        cls, rule: Rule, n: int, unit: str, qualifier: str | None, table: QualifierTable
    ) -> Figure:
        _nonnegative_int("stated", n)
        low, high = table.bounds(rule, n)
        return cls(low, high, unit, rule, n, qualifier)

    @classmethod
    def parse(
        cls,
        text: str,
        lang: str = "id",
        *,
        unit: str = PEOPLE,
        table: QualifierTable = DEFAULT_TABLE,
    ) -> Figure:
        """Read a qualifier phrase: ``"sedikitnya 30"``, ``"lebih dari seratus"``, ``"ratusan"``.

        Numbers may be digits with the language's separators ("2.300" is 2300
        in Indonesian, "2,300" in English) or number words ("tiga puluh",
        "one hundred and forty-four"); ranges read as "antara 30 dan 40",
        "30-40", "between 30 and 40".  A trailing unit word ("orang",
        "tanks") sets the unit.  Anything else raises
        :class:`~claimrecon.errors.ParseError`.
        """
        return _parse(text, lang, unit, table)

    # -- properties ---------------------------------------------------------

    @property
    def bounds(self) -> tuple[int, int | None]:
        """``(low, high)``; ``high`` is ``None`` when open."""
        return self.low, self.high

    @property
    def approx(self) -> bool:
        """Whether the figure is an estimate ("about", "nearly", a magnitude word)."""
        return self.rule in APPROXIMATE_RULES

    @property
    def is_exact(self) -> bool:
        """Whether low equals high."""
        return self.high == self.low

    @property
    def is_open(self) -> bool:
        """Whether the upper bound is open."""
        return self.high is None

    @property
    def quantities(self) -> tuple[Any, Any | None]:
        """The bounds as pint quantities in the figure's unit."""
        from claimrecon.units import Quantity

        return (
            Quantity(self.low, self.unit),
            None if self.high is None else Quantity(self.high, self.unit),
        )

    # -- interval arithmetic ------------------------------------------------

    def __add__(self, other: object) -> Figure:
        if not isinstance(other, Figure):
            if isinstance(other, (int, float, Fraction)):
                from claimrecon.errors import UnitMismatchError

                raise UnitMismatchError(self.unit, "dimensionless", ": a count needs a unit")
            return NotImplemented
        check_same_dimension(self.unit, other.unit)
        low = self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure.from_bounds(low, high, self.unit)

    __radd__ = __add__

    @classmethod
    def total(cls, figures: Iterable[Figure], unit: str = PEOPLE) -> Figure:
        """The interval sum of figures (exact 0 in ``unit`` when there are none)."""
        result = cls.exact(0, unit)
        for figure in figures:
            result = result + figure
        return result

    @classmethod
    def from_bounds(cls, low: int, high: int | None, unit: str = PEOPLE) -> Figure:
        """The plain figure with these bounds: exact, between, or at least."""
        if high is None:
            return cls(low, None, unit, Rule.AT_LEAST, low, None)
        if high == low:
            return cls(low, low, unit, Rule.EXACT, low, None)
        return cls(low, high, unit, Rule.BETWEEN, None, None)

    def overlaps(self, other: Figure) -> bool:
        """Whether the two intervals share at least one count."""
        check_same_dimension(self.unit, other.unit)
        return (other.high is None or self.low <= other.high) and (
            self.high is None or other.low <= self.high
        )

    def contains(self, other: Figure) -> bool:
        """Whether every count ``other`` admits is admitted by this figure."""
        check_same_dimension(self.unit, other.unit)
        if other.low < self.low:
            return False
        if self.high is None:
            return True
        return other.high is not None and other.high <= self.high

    def gap(self, other: Figure) -> int:
        """Counts between the two intervals: 0 when they overlap."""
        check_same_dimension(self.unit, other.unit)
        return max(_gap(self, other), _gap(other, self))

    def divergence(self, other: Figure) -> float:
        """How far apart two figures are, as a ratio >= 1.

        1.0 when the intervals overlap; otherwise the larger figure's low bound
        over the smaller figure's high bound (``inf`` when that high is 0, or
        when the ratio is beyond the largest float).
        Symmetric: ``a.divergence(b) == b.divergence(a)``.
        """
        check_same_dimension(self.unit, other.unit)
        if self.overlaps(other):
            return 1.0
        below, above = (
            (self, other) if self.high is not None and self.high < other.low else (other, self)
        )
        assert below.high is not None
        if below.high == 0:
            return math.inf
        try:
            return above.low / below.high
        except OverflowError:  # figures are unbounded: their ratio may pass any float
            return math.inf

    def per(self, duration: Any) -> tuple[Any, Any | None]:
        """The figure as a rate over a pint duration: ``fig.per(ureg.Quantity(7, "day"))``."""
        low, high = self.quantities
        return low / duration, None if high is None else high / duration

    def __repr__(self) -> str:
        high = "open" if self.high is None else str(self.high)
        words = f" {self.qualifier!r}" if self.qualifier else ""
        return f"<Figure {self.rule.value} [{self.low}, {high}] {self.unit}{words}>"

    def __str__(self) -> str:
        return describe(self)


def _gap(a: Figure, b: Figure) -> int:
    return 0 if a.high is None or b.low <= a.high else b.low - a.high


def describe(figure: Figure) -> str:
    """A short human reading of a figure: ``'at least 30 person'``, ``'100-999 person'``."""
    low, high, unit = figure.low, figure.high, figure.unit
    rule = figure.rule
    if rule is Rule.EXACT:
        text = f"{low}"
    elif rule in (Rule.AT_LEAST, Rule.MORE_THAN) or high is None:
        text = f"at least {low}" if rule is not Rule.MORE_THAN else f"more than {figure.stated}"
    elif rule is Rule.ABOUT:
        text = f"about {figure.stated} ({low}-{high})"
    elif rule is Rule.NEARLY:
        text = f"nearly {figure.stated} ({low}-{high})"
    elif rule is Rule.AT_MOST:
        text = f"up to {high}"
    elif rule is Rule.FEWER_THAN:
        text = f"fewer than {figure.stated}"
    elif rule is Rule.MAGNITUDE:
        text = f"{figure.qualifier} ({low}-{high})"
    else:
        text = f"{low}-{high}"
    return f"{text} {unit}"


# -- parsing ----------------------------------------------------------------


@lru_cache(maxsize=64)
def _qualifier_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?P<q>{alternatives})(?:\s+|$)", re.IGNORECASE)


def _parse(text: str, lang: str, unit: str, table: QualifierTable) -> Figure:
    from claimrecon.numbers import parse_count

    if lang not in table.words:
        raise ParseError(text, f"unknown language {lang!r}; known: {sorted(table.words)}")
    phrase = " ".join(text.split())
    if not phrase:
        raise ParseError(text, "empty phrase")
    words = table.words[lang]
    rule: Rule | None = None
    qualifier: str | None = None
    match = _qualifier_pattern(tuple(words)).match(phrase)
    if match:
        qualifier = match.group("q").lower()
        rule = words[qualifier]
        phrase = phrase[match.end() :]
    body, unit = _strip_unit(phrase, unit, text)
    if not body:
        raise ParseError(text, "no number after the qualifier")
    magnitudes = table.magnitudes.get(lang, {})
    head, _, rest = body.partition(" ")
    if head.lower() in magnitudes:
        if rule is not None and rule is not Rule.ABOUT:
            raise ParseError(text, f"qualifier {qualifier!r} cannot govern a magnitude word")
        multiplier = 1
        # English joins with "of": "tens of thousands", "hundreds of" (people)
        parts = [w for w in rest.lower().split() if w != "of"] if lang == "en" else [rest.lower()]
        scale = " ".join(parts)
        if scale:
            multipliers = _MULTIPLIERS.get(lang, {})
            multiplier = multipliers.get(scale, 0) or multipliers.get(scale.removesuffix("s"), 0)
            if not multiplier:
                raise ParseError(text, f"{rest!r} after a magnitude word is not a multiplier")
        return Figure.magnitude(head, unit, lang=lang, multiplier=multiplier, table=table)
    bounds = _split_range(body, lang, between=rule is Rule.BETWEEN)
    if bounds is not None or rule is Rule.BETWEEN:
        if bounds is None:
            raise ParseError(text, "a range needs two numbers")
        low, high = (parse_count(b, lang) for b in bounds)
        if low > high:
            raise ParseError(text, f"range goes down: {low} > {high}")
        if rule not in (None, Rule.BETWEEN):
            raise ParseError(text, f"qualifier {qualifier!r} cannot govern a range")
        return Figure.between(low, high, unit, qualifier=qualifier)
    stated = parse_count(body, lang)
    if rule is None:
        return Figure.exact(stated, unit)
    return Figure._single(rule, stated, unit, qualifier, table)


def _split_range(body: str, lang: str, *, between: bool) -> tuple[str, str] | None:
    joiners = _RANGE_JOINERS.get(lang, ())
    if between:
        joiners = _BETWEEN_JOINERS.get(lang, ()) + joiners
    for joiner in joiners:
        if joiner in ("-", "–"):
            parts = re.split(r"\s*[-–]\s*", body)
            # a hyphen joins a range of digits only: "twenty-one" is one number
            if len(parts) == 2 and all(any(c.isdigit() for c in p) for p in parts):
                return parts[0], parts[1]
            continue
        parts = re.split(rf"\s+{joiner}\s+", body, flags=re.IGNORECASE)
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
    return None


def _strip_unit(phrase: str, default: str, original: str) -> tuple[str, str]:
    head, _, last = phrase.rpartition(" ")
    if head and not any(ch.isdigit() for ch in last):
        try:
            unit = canonical_unit(last)
        except InvalidClaimError:
            return phrase, default
        if last.lower() in _all_number_words():
            return phrase, default
        if default != PEOPLE and unit != default:
            raise ParseError(original, f"unit word {last!r} contradicts unit {default!r}")
        return head, unit
    return phrase, default


@lru_cache(maxsize=1)
def _all_number_words() -> frozenset[str]:
    from claimrecon.numbers import number_words

    words: frozenset[str] = number_words("id") | number_words("en")
    return words
