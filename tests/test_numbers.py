"""Tests for claimrecon.numbers: reading counts in Indonesian and English text."""

from __future__ import annotations

import pytest
from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from hypothesis import example, given
from hypothesis import strategies as st
from num2words import num2words

from claimrecon.errors import ParseError
from claimrecon.numbers import find_counts, number_words, parse_count

LANGS = ("id", "en")
MAX_WORDS = 10_000_000

# Ordinary news words: none is a number word, a joiner ("a", "and") or a
# magnitude word, so they never merge with the counts placed between them.
FILLERS = {
    "id": [
        "korban",
        "tewas",
        "dalam",
        "serangan",
        "di",
        "kota",
        "menurut",
        "laporan",
        "warga",
        "sipil",
        "pada",
        "hari",
        "itu",
        "orang",
        "luka",
        "Senin",
        "pukul",
        "kata",
        "juru",
        "bicara",
        "sedikitnya",
        "sekitar",
        "hingga",
        "terluka,",
        "kemarin.",
        "(AFP)",
        "—",
        "setidaknya",
    ],
    "en": [
        "killed",
        "people",
        "in",
        "the",
        "attack",
        "on",
        "city",
        "said",
        "officials",
        "wounded",
        "civilians",
        "at",
        "least",
        "Monday",
        "reported,",
        "according",
        "to",
        "ministry.",
        "(Reuters)",
        "—",
        "about",
        "some",
        "were",
        "injured",
    ],
}
MULTIPLIERS = {
    "id": {"ribu": 3, "juta": 6, "miliar": 9},
    "en": {"thousand": 3, "million": 6, "billion": 9},
}
DECIMAL = {"id": ",", "en": "."}


@st.composite
def count_texts(draw: st.DrawFn, lang: str) -> tuple[str, int]:
    """A count written one of the ways news text writes it, and its value."""
    form = draw(st.sampled_from(["words", "digits", "multiplier", "fraction"]))
    if form == "words":
        n = draw(st.integers(0, MAX_WORDS))
        text = num2words(n, lang=lang)
        return draw(st.sampled_from([text, text.capitalize(), text.upper()])), n
    if form == "digits":
        n = draw(st.integers(0, 10**12))
        return format_decimal(n, locale=lang), n
    word, exponent = draw(st.sampled_from(sorted(MULTIPLIERS[lang].items())))
    head = draw(st.integers(0, 9_999))
    if form == "multiplier":
        return f"{format_decimal(head, locale=lang)} {word}", head * 10**exponent
    frac = draw(st.text("0123456789", min_size=1, max_size=exponent))
    value = (head * 10 ** len(frac) + int(frac)) * 10 ** (exponent - len(frac))
    return f"{format_decimal(head, locale=lang)}{DECIMAL[lang]}{frac} {word}", value


@st.composite
def news_texts(draw: st.DrawFn, lang: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Filler words interleaved with counts, and the spans the counts occupy."""
    fillers = st.lists(st.sampled_from(FILLERS[lang]), min_size=1, max_size=4)
    pieces: list[str] = draw(st.lists(st.sampled_from(FILLERS[lang]), max_size=3))
    expected: list[tuple[int, int, int]] = []
    for _ in range(draw(st.integers(0, 5))):
        count, value = draw(count_texts(lang))
        start = sum(len(p) + 1 for p in pieces)
        expected.append((start, start + len(count), value))
        pieces.append(count + draw(st.sampled_from(["", ",", ".", ";", ")"])))
        pieces.extend(draw(fillers))
    return " ".join(pieces), expected


class TestParseCount:
    """parse_count reads one count in digits or words."""

    @given(st.integers(0, MAX_WORDS))
    @example(0)
    @example(11)
    @example(100)
    @example(1000)
    @example(1100)
    @example(101_000)
    @example(1_000_000)
    @example(MAX_WORDS)
    def test_indonesian_num2words_round_trip(self, n: int) -> None:
        """Indonesian words from num2words read back to the number."""
        assert parse_count(num2words(n, lang="id"), "id") == n

    @given(st.integers(0, MAX_WORDS))
    @example(101)
    @example(1100)
    @example(101_000)
    @example(1_000_001)
    @example(2_500_000)
    def test_english_num2words_round_trip(self, n: int) -> None:
        """English words from num2words (with "and", hyphens, commas) read back."""
        assert parse_count(num2words(n, lang="en"), "en") == n

    @given(st.sampled_from(LANGS), st.integers(0, 10**15))
    def test_babel_formatted_digits_round_trip(self, lang: str, n: int) -> None:
        """Digits formatted by babel for the locale read back to the number."""
        assert parse_count(format_decimal(n, locale=lang), lang) == n

    @given(st.sampled_from(LANGS), st.text("0123456789.,", min_size=1, max_size=12))
    def test_digits_agree_with_babel_strict(self, lang: str, text: str) -> None:
        """Whatever digit string is accepted, babel's strict parser reads the same value."""
        try:
            value = parse_count(text, lang)
        except ParseError:
            return
        assert parse_decimal(text, locale=lang, strict=True) == value

    @given(st.sampled_from(LANGS), st.text(max_size=30))
    def test_arbitrary_text_gives_int_or_parse_error(self, lang: str, text: str) -> None:
        """Arbitrary text either reads as a non-negative int or raises ParseError."""
        try:
            value = parse_count(text, lang)
        except ParseError:
            return
        assert isinstance(value, int)
        assert value >= 0

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("2.300", 2300),
            ("1.234.567", 1_234_567),
            ("2300", 2300),
            ("0", 0),
            ("2,5 juta", 2_500_000),
            ("2,5 Juta", 2_500_000),
            ("1,5 ribu", 1500),
            ("10 ribu", 10_000),
            ("2 ratus ribu", 200_000),
            ("1,25 miliar", 1_250_000_000),
            ("2,0", 2),
            ("  2.300\n", 2300),
        ],
    )
    def test_indonesian_digits(self, text: str, value: int) -> None:
        """Indonesian digits use "." for thousands and "," for decimals."""
        assert parse_count(text, "id") == value

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("2,300", 2300),
            ("1,234,567", 1_234_567),
            ("2.5 million", 2_500_000),
            ("10 thousand", 10_000),
            ("1.5 thousand", 1500),
            ("3 hundred thousand", 300_000),
        ],
    )
    def test_english_digits(self, text: str, value: int) -> None:
        """English digits use "," for thousands and "." for decimals."""
        assert parse_count(text, "en") == value

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("satu", 1),
            ("sembilan", 9),
            ("sepuluh", 10),
            ("sebelas", 11),
            ("dua belas", 12),
            ("tiga puluh", 30),
            ("seratus", 100),
            ("satu ratus", 100),
            ("seratus empat puluh empat", 144),
            ("seribu", 1000),
            ("satu ribu", 1000),
            ("dua ribu tiga ratus", 2300),
            ("sejuta", 1_000_000),
            ("satu juta", 1_000_000),
            ("dua juta lima ratus ribu", 2_500_000),
            ("seratus ribu seratus", 100_100),
            ("semiliar", 10**9),
            ("dua milyar", 2 * 10**9),
            ("setriliun", 10**12),
            ("DUA RIBU  Tiga Ratus", 2300),
            ("nol", 0),
        ],
    )
    def test_indonesian_words(self, text: str, value: int) -> None:
        """Indonesian number words, including "se-" forms and the article "satu"."""
        assert parse_count(text, "id") == value

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("one", 1),
            ("nineteen", 19),
            ("twenty", 20),
            ("twenty-one", 21),
            ("twenty one", 21),
            ("a hundred", 100),
            ("a hundred and one", 101),
            ("one hundred and forty-four", 144),
            ("one hundred forty-four", 144),
            ("two thousand three hundred", 2300),
            ("two thousand, three hundred", 2300),
            ("one thousand and one", 1001),
            ("a million", 1_000_000),
            ("fifteen hundred", 1500),
            ("Two Million, Five Hundred Thousand", 2_500_000),
            ("zero", 0),
        ],
    )
    def test_english_words(self, text: str, value: int) -> None:
        """English number words with hyphens, "and", commas and the article "a"."""
        assert parse_count(text, "en") == value

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("2,5", "id"),
            ("2.5", "en"),
            ("2,5555 ribu", "id"),
            ("1,0000001 juta", "id"),
            ("0,5", "id"),
        ],
    )
    def test_rejects_fractions(self, text: str, lang: str) -> None:
        """A value that is not a whole number is not a count."""
        with pytest.raises(ParseError, match="not a whole number"):
            parse_count(text, lang)

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("puluhan", "id"),
            ("ratusan", "id"),
            ("ribuan", "id"),
            ("puluhan ribu", "id"),
            ("Ratusan", "id"),
            ("dozens", "en"),
            ("hundreds", "en"),
            ("tens of thousands", "en"),
        ],
    )
    def test_rejects_magnitude_words(self, text: str, lang: str) -> None:
        """Magnitude words are left to the figure layer."""
        with pytest.raises(ParseError, match="magnitude word"):
            parse_count(text, lang)

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("", "id"),
            ("   ", "en"),
            ("korban", "id"),
            ("12.00", "id"),
            ("14:06", "id"),
            ("27/9/2020", "id"),
            ("2.30", "id"),
            ("2.3000", "id"),
            ("0.300", "id"),
            ("2,300", "id"),
            ("-5", "id"),
            ("+5", "en"),
            ("2.300 orang", "id"),
            ("dua dua", "id"),
            ("satu puluh", "id"),
            ("belas", "id"),
            ("ribu", "id"),
            ("seribu ribu", "id"),
            ("dua-tiga", "id"),
            ("dua, tiga", "id"),
            ("hundred", "en"),
            ("thousand thousand", "en"),
            ("one two", "en"),
            ("one, two", "en"),
            ("twenty-one-two", "en"),
            ("one-hundred", "en"),
            ("one thousand,", "en"),
            ("and one", "en"),
            ("a", "en"),
            ("a five", "en"),
            ("dua ribu", "en"),
            ("two thousand", "id"),
            ("2 juta 500 ribu", "id"),
            ("five-year-old", "en"),
        ],
    )
    def test_rejects_garbage(self, text: str, lang: str) -> None:
        """Text that is not exactly one count raises ParseError."""
        with pytest.raises(ParseError):
            parse_count(text, lang)

    def test_error_names_the_text(self) -> None:
        """The ParseError message quotes the text and keeps it on the error."""
        with pytest.raises(ParseError, match=r"'sekian korban'") as info:
            parse_count("sekian korban", "id")
        assert info.value.text == "sekian korban"
        assert isinstance(info.value, ValueError)

    def test_default_language_is_indonesian(self) -> None:
        """Without a language, separators are read the Indonesian way."""
        assert parse_count("2.300") == 2300

    def test_region_suffix_is_ignored(self) -> None:
        """A locale such as "en-GB" or "id_ID" selects the base language."""
        assert parse_count("2,300", "en-GB") == 2300
        assert parse_count("2.300", "id_ID") == 2300

    def test_unknown_language_raises(self) -> None:
        """An unsupported language is a ValueError, not a silent guess."""
        with pytest.raises(ValueError, match="unsupported language"):
            parse_count("2", "fr")

    def test_non_string_raises_type_error(self) -> None:
        """A number instead of text is a TypeError."""
        with pytest.raises(TypeError):
            parse_count(5, "id")  # type: ignore[arg-type]

    def test_babel_strict_also_rejects_bad_grouping(self) -> None:
        """Digit strings rejected for bad grouping are malformed for babel's strict parser too."""
        for text in ("12.00", "2.30", "2.3000", "0.300"):
            with pytest.raises(NumberFormatError):
                parse_decimal(text, locale="id", strict=True)
            with pytest.raises(ParseError):
                parse_count(text, "id")


class TestNumberWords:
    """number_words lists a language's number vocabulary."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_lower_case_words_only(self, lang: str) -> None:
        """The vocabulary is lower-case alphabetic words."""
        words = number_words(lang)
        assert words
        assert all(w.isalpha() and w == w.lower() for w in words)

    def test_indonesian_vocabulary(self) -> None:
        """Indonesian has units, teens, tens, hundreds, scales and "se-" forms."""
        words = number_words("id")
        assert {"satu", "sembilan", "sebelas", "belas", "puluh", "ratus"} <= words
        assert {"seratus", "seribu", "sejuta", "semiliar", "miliar", "triliun"} <= words

    def test_english_vocabulary(self) -> None:
        """English has units, teens, tens, hundred and scales, but not joiners."""
        words = number_words("en")
        assert {"one", "nineteen", "twenty", "hundred", "thousand", "million"} <= words
        assert not {"a", "and"} & words

    @pytest.mark.parametrize("lang", LANGS)
    def test_no_magnitude_words(self, lang: str) -> None:
        """Magnitude words are not number words."""
        assert not {"puluhan", "ratusan", "ribuan", "dozens", "hundreds"} & number_words(lang)

    @pytest.mark.parametrize("lang", LANGS)
    @given(n=st.integers(0, MAX_WORDS))
    def test_covers_num2words_output(self, lang: str, n: int) -> None:
        """Every word num2words writes is in the vocabulary, or is "and"."""
        spelled = num2words(n, lang=lang).replace("-", " ").replace(",", " ").split()
        assert set(spelled) - {"and"} <= number_words(lang)


class TestFindCounts:
    """find_counts returns every count in running text with its span."""

    @pytest.mark.parametrize("lang", LANGS)
    @given(data=st.data())
    def test_finds_interleaved_counts(self, lang: str, data: st.DataObject) -> None:
        """Counts between filler words are found exactly, with their spans."""
        text, expected = data.draw(news_texts(lang))
        assert find_counts(text, lang) == expected

    @pytest.mark.parametrize("lang", LANGS)
    @given(text=st.text(st.sampled_from("0123456789.,:/- abdelnortuhwy"), max_size=40))
    def test_spans_parse_back(self, lang: str, text: str) -> None:
        """Each span found parses, on its own, to the value reported."""
        found = find_counts(text, lang)
        assert [s for s, _, _ in found] == sorted(s for s, _, _ in found)
        for start, end, value in found:
            assert parse_count(text[start:end], lang) == value

    @pytest.mark.parametrize("lang", LANGS)
    @given(text=st.text(max_size=60))
    def test_arbitrary_text(self, lang: str, text: str) -> None:
        """Arbitrary Unicode text never breaks the scanner; spans still parse back."""
        for start, end, value in find_counts(text, lang):
            assert parse_count(text[start:end], lang) == value

    def test_indonesian_sentence(self) -> None:
        """Separators, multipliers and words in one Indonesian sentence."""
        text = "Sebanyak 2.300 warga dan 1,5 juta pengungsi, serta dua ratus tentara."
        assert [(text[s:e], v) for s, e, v in find_counts(text, "id")] == [
            ("2.300", 2300),
            ("1,5 juta", 1_500_000),
            ("dua ratus", 200),
        ]

    def test_english_sentence(self) -> None:
        """Separators, multipliers and words in one English sentence."""
        text = "Some 2,300 people, 1.5 million refugees and a hundred and one soldiers."
        assert [(text[s:e], v) for s, e, v in find_counts(text, "en")] == [
            ("2,300", 2300),
            ("1.5 million", 1_500_000),
            ("a hundred and one", 101),
        ]

    @pytest.mark.parametrize(
        "text",
        ["pukul 12.00 WIB", "pukul 14:06", "pada 27/9/2020", "naik 2,5 persen", "2.3000", "0.300"],
    )
    def test_times_dates_and_fractions_give_nothing(self, text: str) -> None:
        """Digits that do not fit the Indonesian count shape give no count."""
        assert find_counts(text, "id") == []

    def test_year_is_returned(self) -> None:
        """Years are plain numbers; the caller filters them by context."""
        assert find_counts("pada tahun 2020 lalu", "id") == [(11, 15, 2020)]

    def test_english_commas_and_dots(self) -> None:
        """In English a comma groups thousands and "12.00" is a fraction, not a count."""
        assert find_counts("2,300 at 12.00, not 1,5", "en") == [(0, 5, 2300), (9, 14, 12)]

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("pertemuan ke-2", "id"),
            ("pandemi COVID-19", "id"),
            ("Rp2.300", "id"),
            ("5km", "id"),
            ("satu-satunya korban", "id"),
            ("a five-year-old boy", "en"),
            ("an F-16 jet", "en"),
        ],
    )
    def test_tokens_glued_to_words_give_nothing(self, text: str, lang: str) -> None:
        """Numbers glued to letters, directly or by a hyphen, are parts of words."""
        assert find_counts(text, lang) == []

    def test_ranges_give_two_counts(self) -> None:
        """A hyphen between numbers separates two counts."""
        assert [v for _, _, v in find_counts("10-20 orang, dua-tiga hari", "id")] == [10, 20, 2, 3]

    def test_word_runs_split_greedily(self) -> None:
        """A run of number words splits into the longest numbers from the left."""
        assert [v for _, _, v in find_counts("dua tiga", "id")] == [2, 3]
        assert [v for _, _, v in find_counts("seribu dua ribu", "id")] == [1000, 2000]
        assert [v for _, _, v in find_counts("one, two and three", "en")] == [1, 2, 3]

    def test_digit_counts_take_one_multiplier(self) -> None:
        """ "2 juta 500 ribu" is two counts: the multiplier binds to its digits only."""
        assert [v for _, _, v in find_counts("2 juta 500 ribu", "id")] == [2_000_000, 500_000]

    def test_magnitude_words_give_nothing(self) -> None:
        """Magnitude words are not counts."""
        assert find_counts("puluhan ribu warga, ratusan tentara", "id") == []
        assert find_counts("tens of thousands, dozens of soldiers", "en") == []

    def test_article_a_needs_a_scale(self) -> None:
        """English "a" counts only before "hundred" or a scale word."""
        assert find_counts("a man and a dog", "en") == []
        assert find_counts("a thousand", "en") == [(0, 10, 1000)]

    def test_unknown_language_raises(self) -> None:
        """An unsupported language is a ValueError."""
        with pytest.raises(ValueError, match="unsupported language"):
            find_counts("2", "fr")
