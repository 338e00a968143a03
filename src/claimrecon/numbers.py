"""Reading counts written in Indonesian and English news text.

Two entry points:

* :func:`parse_count` reads one count — digits with the language's separators
  (``"2.300"`` in Indonesian, ``"2,300"`` in English), digits with a multiplier
  word (``"2,5 juta"``, ``"10 thousand"``) or number words (``"dua ribu tiga
  ratus"``, ``"two thousand, three hundred"``) — and raises
  :class:`~claimrecon.errors.ParseError` on anything else.
* :func:`find_counts` scans running text once and returns ``(start, end,
  value)`` for every count in it.

The digit shapes come from the locale's CLDR symbols (via babel): in ``"id"``
the group separator is ``.`` and the decimal separator ``,``; in ``"en"`` the
reverse.  A group separator must be followed by exactly three digits, so
``"2.300"`` is 2300 in Indonesian while ``"12.00"`` (a time) is not a count at
all.  Anything that is not a whole number (``"2,5"`` on its own) is not a count.

Magnitude words (``puluhan``, ``ratusan``, ``ribuan``, ``dozens``, ``hundreds``,
``thousands`` …) are *not* counts here; the figure layer reads them.

Lexical rules of :func:`find_counts` (the caller judges context):

* Every number token is returned, years (``"2020"``) and pronoun-like uses
  (``"salah satu"``, ``"one of"``) included.
* A digit group glued to other digits by ``.``, ``,``, ``:`` or ``/`` that does
  not fit the locale's number shape is not a count: ``"12.00"``, ``"14:06"``,
  ``"27/9/2020"``, ``"1,5"`` in English and ``"2,5"`` in Indonesian give nothing.
* A token glued to letters — directly (``"Rp2.300"``, ``"5km"``) or by a hyphen
  (``"ke-2"``, ``"COVID-19"``, ``"five-year-old"``, ``"satu-satunya"``) — is part
  of a word and gives nothing.  A hyphen between numbers (``"10-20"``,
  ``"dua-tiga"``) separates two counts.
* A run of number words is read greedily from the left: each count is the
  longest prefix that forms a number, so ``"dua tiga"`` gives 2 and 3 and
  ``"two thousand two thousand"`` gives 2000 and 2000.
* Digits take at most one multiplier phrase (``"2 juta"``, ``"2 ratus ribu"``);
  ``"2 juta 500 ribu"`` gives two counts, 2000000 and 500000.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from babel.numbers import get_decimal_symbol, get_group_symbol

from claimrecon.errors import ParseError

__all__ = ["find_counts", "number_words", "parse_count"]

_INF = 10**100  # larger than any scale
_MAX_NUMBER_WORDS = 64  # no number in words is longer; bounds the work per word

# --------------------------------------------------------------------------
# Vocabulary

_ID_UNITS: Mapping[str, int] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_ID_SCALES: Mapping[str, int] = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
# "se-" forms: one times the scale, in a single word.
_ID_SE_SCALES: Mapping[str, int] = {"se" + word: value for word, value in _ID_SCALES.items()}
_ID_WORDS = frozenset(
    {"nol", "sepuluh", "sebelas", "belas", "puluh", "ratus", "seratus"}
    | set(_ID_UNITS)
    | set(_ID_SCALES)
    | set(_ID_SE_SCALES)
)
_ID_MAGNITUDE = frozenset(
    {"belasan", "puluhan", "ratusan", "ribuan", "jutaan", "miliaran", "milyaran", "triliunan"}
)

_EN_UNITS: Mapping[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_EN_TEENS: Mapping[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS: Mapping[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_SCALES: Mapping[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_EN_WORDS = frozenset(
    {"zero", "hundred"} | set(_EN_UNITS) | set(_EN_TEENS) | set(_EN_TENS) | set(_EN_SCALES)
)
_EN_MAGNITUDE = frozenset(
    {
        "tens",
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
    }
)

# Multiplier words allowed after digits ("2,5 juta", "10 thousand", "2 ratus ribu").
_ID_MULTIPLIERS: Mapping[str, int] = {"ratus": 100, **_ID_SCALES}
_EN_MULTIPLIERS: Mapping[str, int] = {"hundred": 100, **_EN_SCALES}

# --------------------------------------------------------------------------
# Tokens of a word run: the word (lower case), its span, and the separator
# before it: "" (first word), " " (white space), "-" (hyphen) or "," (comma
# then white space).

_TOKEN = re.compile(r"(,?\s+|-)?([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: list[str]
    seps: list[str]
    starts: list[int]
    ends: list[int]


def _tokenize(text: str, start: int = 0, end: int | None = None) -> _Tokens | None:
    """Split ``text[start:end]`` into words and separators; None if anything else is there."""
    stop = len(text) if end is None else end
    words: list[str] = []
    seps: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = start
    while pos < stop:
        m = _TOKEN.match(text, pos, stop)
        if m is None:
            return None
        sep = m.group(1)
        if (sep is None) != (not words):
            return None  # the first word has no separator, every later one has one
        if sep is None:
            seps.append("")
        elif sep == "-":
            seps.append("-")
        elif sep.startswith(","):
            seps.append(",")
        else:
            seps.append(" ")
        words.append(m.group(2).lower())
        starts.append(m.start(2))
        ends.append(m.end(2))
        pos = m.end()
    return _Tokens(words, seps, starts, ends)


# A parser reads the longest number starting at word ``i`` and returns
# ``(value, index after it)``, or None if no number starts there.
_Parser = Callable[[Sequence[str], Sequence[str], int], tuple[int, int] | None]

# --------------------------------------------------------------------------
# Indonesian grammar
#
#   number    := "nol" | (group scale | se-scale)+ [group]    scales descending
#   group     := hundreds [below100] | below100
#   hundreds  := "seratus" | unit "ratus"
#   below100  := "sepuluh" | "sebelas" | unit(2-9) "belas"
#              | unit(2-9) "puluh" [unit] | unit
#
# Words of one number are separated by white space only.


def _id_below100(w: Sequence[str], i: int, n: int) -> tuple[int, int] | None:
    if i >= n:
        return None
    t = w[i]
    if t == "sepuluh":
        return 10, i + 1
    if t == "sebelas":
        return 11, i + 1
    unit = _ID_UNITS.get(t)
    if unit is None:
        return None
    nxt = w[i + 1] if i + 1 < n else ""
    if unit >= 2 and nxt == "belas":
        return 10 + unit, i + 2
    if unit >= 2 and nxt == "puluh":
        value, j = 10 * unit, i + 2
        if j < n and w[j] in _ID_UNITS:
            value, j = value + _ID_UNITS[w[j]], j + 1
        return value, j
    return unit, i + 1


def _id_below1000(w: Sequence[str], i: int, n: int) -> tuple[int, int] | None:
    hundreds, j = 0, i
    if w[i] == "seratus":
        hundreds, j = 100, i + 1
    elif i + 1 < n and w[i] in _ID_UNITS and w[i + 1] == "ratus":
        hundreds, j = 100 * _ID_UNITS[w[i]], i + 2
    if hundreds:
        rest = _id_below100(w, j, n)
        return (hundreds + rest[0], rest[1]) if rest else (hundreds, j)
    return _id_below100(w, i, n)


def _parse_id(w: Sequence[str], s: Sequence[str], i: int) -> tuple[int, int] | None:
    n, stop = i + 1, min(len(w), i + _MAX_NUMBER_WORDS)
    while n < stop and s[n] == " ":
        n += 1
    if w[i] == "nol":
        return 0, i + 1
    total, last, j, found = 0, _INF, i, False
    while j < n:
        if w[j] in _ID_SE_SCALES:
            group, scale, k = 1, _ID_SE_SCALES[w[j]], j + 1
        else:
            read = _id_below1000(w, j, n)
            if read is None:
                break
            group, k = read
            if k < n and w[k] in _ID_SCALES:
                scale, k = _ID_SCALES[w[k]], k + 1
            else:
                scale = 1
        if scale >= last:
            break
        total, last, j, found = total + group * scale, scale, k, True
        if scale == 1:
            break
    return (total, j) if found else None


# --------------------------------------------------------------------------
# English grammar
#
#   number    := "zero" | first-group [scale] ([","] group scale)* [[","] ["and"] tail]
#   group     := below100 ["hundred" [["and"] below100]]
#   first-group also allows "a" for one ("a hundred", "a million") and
#              below100 "hundred" ("fifteen hundred").
#   below100  := teen | tens [("-" | " ") unit] | unit
#
# A hyphen only joins tens and units; a comma only follows a scale word.


def _en_below100(w: Sequence[str], s: Sequence[str], i: int) -> tuple[int, int] | None:
    if i >= len(w):
        return None
    t = w[i]
    if t in _EN_UNITS:
        return _EN_UNITS[t], i + 1
    if t in _EN_TEENS:
        return _EN_TEENS[t], i + 1
    if t in _EN_TENS:
        value = _EN_TENS[t]
        if i + 1 < len(w) and w[i + 1] in _EN_UNITS and s[i + 1] in " -":
            return value + _EN_UNITS[w[i + 1]], i + 2
        return value, i + 1
    return None


def _en_group(
    w: Sequence[str], s: Sequence[str], i: int, first: bool
) -> tuple[int, int, bool] | None:
    """Read one group below a scale; the flag says it was a bare "a" (needs a scale)."""
    if first and w[i] == "a":
        mult, j = 1, i + 1
    else:
        read = _en_below100(w, s, i)
        if read is None:
            return None
        mult, j = read
    if j < len(w) and w[j] == "hundred" and s[j] == " " and (mult < 10 or first):
        hundreds, j = mult * 100, j + 1
        k = j
        if k < len(w) and w[k] == "and" and s[k] == " ":
            k += 1
        if k < len(w) and s[k] == " ":
            rest = _en_below100(w, s, k)
            if rest is not None:
                return hundreds + rest[0], rest[1], False
        return hundreds, j, False
    return mult, j, w[i] == "a"


def _parse_en(w: Sequence[str], s: Sequence[str], i: int) -> tuple[int, int] | None:
    if w[i] == "zero":
        return 0, i + 1
    total, last, j, found = 0, _INF, i, False
    while j < len(w):
        if found:  # after a scale word
            if s[j] not in " ,":
                break
            if w[j] == "and":
                if s[j] == " " and j + 1 < len(w) and s[j + 1] == " ":
                    tail = _en_below100(w, s, j + 1)
                    if tail is not None:
                        total, j = total + tail[0], tail[1]
                break
        read = _en_group(w, s, j, not found)
        if read is None:
            break
        group, k, bare_a = read
        if k < len(w) and w[k] in _EN_SCALES and s[k] == " ":
            scale, k = _EN_SCALES[w[k]], k + 1
        elif bare_a:
            break
        else:
            scale = 1
        if scale >= last:
            break
        total, last, j, found = total + group * scale, scale, k, True
        if scale == 1:
            break
    return (total, j) if found else None


# --------------------------------------------------------------------------
# Per-language compiled data


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    group: str
    decimal: str
    words: frozenset[str]
    magnitude: re.Pattern[str]
    multipliers: Mapping[str, int]
    parse_words: _Parser
    full_digits: re.Pattern[str]
    scanner: re.Pattern[str]


def _alternation(words: frozenset[str] | Sequence[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(words, key=lambda x: (-len(x), x)))


def _build(code: str) -> _Lang:
    group = get_group_symbol(code)
    decimal = get_decimal_symbol(code)
    g, d = re.escape(group), re.escape(decimal)
    # The locale's digit shape: grouped thousands (first group without a
    # leading zero) or plain digits, then an optional fraction.
    digits = rf"(?P<int>[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+|[0-9]+)(?:{d}(?P<frac>[0-9]+))?"
    if code == "id":
        words, magnitude, multipliers = _ID_WORDS, _ID_MAGNITUDE, _ID_MULTIPLIERS
        scales = list(_ID_SCALES)
        parse_words: _Parser = _parse_id
        hundred = "ratus"
        sep = r"(?:\s+|-)"
        lead = ""
    else:
        words, magnitude, multipliers = _EN_WORDS, _EN_MAGNITUDE, _EN_MULTIPLIERS
        scales = list(_EN_SCALES)
        parse_words = _parse_en
        hundred = "hundred"
        sep = r"(?:,?\s+|-)(?:and\s+)?"
        lead = rf"(?:a\s+(?=(?:hundred|{_alternation(scales)})(?!\w)))?"
    scale_alt = _alternation(scales)
    mult = rf"(?P<mult>(?:{hundred}(?:\s+(?:{scale_alt}))?|{scale_alt})(?!\w))"
    word = rf"(?:{_alternation(words)})(?!\w)"
    # Not glued to a letter or digit, nor to digits by . , : / nor to a word by "-".
    before = r"(?<!\w)(?<![0-9][.,:/])(?<![^\W\d_]-)"
    after = r"(?!\w)(?![.,:/][0-9])(?!-[^\W\d_])"
    scanner = re.compile(
        rf"{before}(?:(?P<num>{digits}(?:\s+{mult})?){after}"
        rf"|(?P<words>{lead}{word}(?:{sep}{word})*)(?![\w-]))",
        re.IGNORECASE,
    )
    return _Lang(
        code=code,
        group=group,
        decimal=decimal,
        words=words,
        magnitude=re.compile(rf"(?<!\w)(?:{_alternation(magnitude)})(?!\w)", re.IGNORECASE),
        multipliers=multipliers,
        parse_words=parse_words,
        full_digits=re.compile(rf"{digits}(?:\s+{mult})?", re.IGNORECASE),
        scanner=scanner,
    )


@functools.cache
def _lang(lang: str) -> _Lang:
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in ("id", "en"):
        raise ValueError(f"unsupported language {lang!r}: expected 'id' or 'en'")
    return _build(code)


def _digits_value(spec: _Lang, m: re.Match[str]) -> int | None:
    """The value of a digits match, or None if it is not a whole number."""
    int_part = m.group("int").replace(spec.group, "")
    frac = m.group("frac") or ""
    factor = 1
    if m.group("mult"):
        for word in m.group("mult").split():
            factor *= spec.multipliers[word.lower()]
    scaled = int(int_part + frac) * factor
    denominator: int = 10 ** len(frac)
    if scaled % denominator:
        return None
    return scaled // denominator


# --------------------------------------------------------------------------
# Public API


def number_words(lang: str) -> frozenset[str]:
    """The number words of a language, lower case.

    Every word that can be part of a count written in words, so an extractor
    can look for candidates quickly.  Joiners that are also ordinary words
    (English ``"a"`` and ``"and"``) and magnitude words (``"ribuan"``,
    ``"hundreds"``) are not included.

    >>> sorted(number_words("id"))[:4]
    ['belas', 'delapan', 'dua', 'empat']
    >>> "thousand" in number_words("en")
    True
    """
    return _lang(lang).words


def parse_count(text: str, lang: str = "id") -> int:
    """Read one count written in digits or words.

    Accepts digits with the language's separators (``"2.300"`` in ``"id"``,
    ``"2,300"`` in ``"en"``), digits with a multiplier word (``"2,5 juta"``,
    ``"10 thousand"``) and number words (``"dua ribu tiga ratus"``, ``"two
    thousand, three hundred"``, ``"a hundred and one"``), in any case, with
    surrounding white space ignored.

    >>> parse_count("2.300")
    2300
    >>> parse_count("2,5 juta")
    2500000
    >>> parse_count("seratus empat puluh empat")
    144
    >>> parse_count("one hundred and forty-four", "en")
    144

    Raises :class:`~claimrecon.errors.ParseError` for anything that is not a
    whole count — ``"2,5"``, ``"ratusan"``, ``"hundreds"``, ``"12.00"`` — and
    ``ValueError`` for a language other than ``"id"`` or ``"en"`` (region
    suffixes such as ``"en-GB"`` are ignored).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_count() expects a str, not {type(text).__name__}")
    spec = _lang(lang)
    body = text.strip()
    if not body:
        raise ParseError(text, "no number in an empty text")
    m = spec.full_digits.fullmatch(body)
    if m is not None:
        value = _digits_value(spec, m)
        if value is None:
            raise ParseError(text, "not a whole number")
        return value
    tokens = _tokenize(body)
    if tokens is not None and tokens.words:
        read = spec.parse_words(tokens.words, tokens.seps, 0)
        if read is not None and read[1] == len(tokens.words):
            return read[0]
    found = spec.magnitude.search(body)
    if found is not None:
        raise ParseError(text, f"{found.group()!r} is a magnitude word, not an exact count")
    names = {"id": "an Indonesian", "en": "an English"}
    raise ParseError(text, f"not {names[spec.code]} count")


def find_counts(text: str, lang: str) -> list[tuple[int, int, int]]:
    """Every count in running text, as ``(start, end, value)``, in order.

    One pass of a precompiled regex finds digit numbers (with an optional
    multiplier word) and runs of number words; ``text[start:end]`` is the
    count's own text and ``parse_count(text[start:end], lang) == value``.
    The rules are lexical (see the module docstring): years are returned,
    times and dates such as ``"12.00"``, ``"14:06"`` and ``"27/9/2020"`` are
    not counts and give nothing.

    >>> find_counts("Pukul 12.00, 2.300 warga dan dua ratus tentara tewas.", "id")
    [(13, 18, 2300), (29, 38, 200)]
    >>> find_counts("at least 2.5 million people, twenty-one of them", "en")
    [(9, 20, 2500000), (29, 39, 21)]
    """
    spec = _lang(lang)
    out: list[tuple[int, int, int]] = []
    for m in spec.scanner.finditer(text):
        if m.group("num") is not None:
            value = _digits_value(spec, m)
            if value is not None:
                out.append((m.start(), m.end(), value))
            continue
        tokens = _tokenize(text, m.start(), m.end())
        if tokens is None:  # pragma: no cover - the scanner only matches word runs
            continue
        w, s, i = tokens.words, tokens.seps, 0
        while i < len(w):
            read = spec.parse_words(w, s, i) if w[i] != "and" else None
            if read is None:
                i += 1
                continue
            value, j = read
            out.append((tokens.starts[i], tokens.ends[j - 1], value))
            i = j
    return out
