"""Figures in one sentence: which numbers count losses, of what, and what happened.

:func:`read_figures` turns the numbers of a sentence into :class:`Mention`\\ s:

1. **numbers**: counts from :func:`claimrecon.numbers.find_counts` (digits
   with the language's separators, number words), magnitude words of the
   qualifier table ("ratusan", "puluhan ribu", "hundreds of", "tens of
   thousands of"), ranges ("30-40", "antara 30 dan 40", "between 30 and 40")
   and equipment named without a numeral but with a type designation or a
   singular article ("jet SU-25", "sebuah tank", "an Su-25 jet"), read as one;
2. **traps** dropped: numbers inside dates, years, percentages, money, ages,
   clock times, durations, phone-number-like digit runs, "salah satu"/"one of";
3. **qualifier**: the table's qualifier phrase right before the number, or a
   negated comparative the table may lack ("tidak kurang dari 30", "not more
   than 30": at least and at most);
4. **noun phrase**: what is counted ("warga sipil" civilian, "personel
   militer" military, "tank", "Azerbaijani civilians"), with a side name or
   "musuh"/"enemy" beside it; a figure with no noun is *elliptical* ("dan 144
   luka-luka") or counts *others* ("291 lainnya", "12 others") and takes the
   previous figure's noun;
5. **outcome**: an active verb right before the figure ("menewaskan ratusan
   korban", "Bunuh dan Lukai 2.300", "killing 30"), else an outcome word after
   it ("tewas", "luka-luka", "ditembak jatuh", "were killed"), else the outcome
   of the next coordinated figure ("7 warga sipil dan 80 personel militer telah
   tewas"), else a toll ("korban tewas mencapai 30", "the death toll rose to
   30"), else the noun's own ("400 nyawa", "casualties").  Killed and wounded
   together are ``killed_or_wounded``.  A figure with no outcome counts
   something else and is dropped;
   A figure followed by an inclusive aside ("30 orang, termasuk 12 tentara,
   tewas", "25 people, among them 3 children, were killed") takes the
   outcome after the aside, and a figure in an aside after the outcome ("25
   people were killed, including 3 children") the outcome before it: both
   figures are claims, the part noted as counted within the whole.  A figure
   that lists another place after one with an outcome ("4 warga sipil tewas di
   Stepanakert dan 5 di Martuni", "3 soldiers were killed in Stepanakert and 2
   in Ganja"), also past a date ("in Stepanakert on Monday and 5 in
   Martuni"), takes its outcome and, when it has no noun, what it counts,
   people or equipment ("3 tanks destroyed in Fizuli and 2 in Jabrayil");
6. an elliptical figure coordinated with a qualified one shares its qualifier
   ("sedikitnya 30 ... tewas dan 144 luka-luka"), noted as such;
7. a figure under a negation ("tidak ada 50 tentara yang tewas") is marked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from claimrecon.claim import Category, Outcome
from claimrecon.errors import ParseError
from claimrecon.extract.attribution import Sides
from claimrecon.extract.dates import calendar_words
from claimrecon.extract.lexicon import Lexicon
from claimrecon.extract.tokens import PhraseTable, Tok
from claimrecon.figure import Figure, QualifierTable, Rule
from claimrecon.units import PEOPLE

__all__ = ["Mention", "figure_of", "read_figures"]

V = TypeVar("V")

QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
#: a type designation: SU-25, F-16, Mi-24, TB2, T-72, S-300
DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]?")
_GENERIC = frozenset({"orang", "jiwa", "people", "persons"})
_YEAR_WORDS = frozenset(
    {
        "pada",
        "sejak",
        "tahun",
        "in",
        "since",
        "of",
        "by",
        "until",
        "hingga",
        "sampai",
        "awal",
        "akhir",
        "early",
        "late",
        "mid",
        "during",
        "selama",
    }
)
_MONEY = frozenset({"rp", "idr", "usd", "us$", "$", "€", "£", "¥", "rm", "sgd"})
_MULTIPLIER_WORDS = {
    "id": {"ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000},
    "en": {"thousands": 1_000, "millions": 1_000_000, "thousand": 1_000, "million": 1_000_000},
}
_TOLL_CATEGORIES = {
    "militer": Category.MILITARY,
    "military": Category.MILITARY,
    "sipil": Category.CIVILIAN,
    "civilian": Category.CIVILIAN,
}
_STANDING = frozenset({"stands", "stood", "stand", "standing", "remains", "remained"})
_RANGE_JOINERS = frozenset({"-", "–", "hingga", "sampai", "to"})
_BETWEEN = frozenset({"antara", "between"})
_INCREMENTS = frozenset({"by"})
#: counts written as words the number reader leaves alone
_COUNT_WORDS = {
    "id": PhraseTable([("seorang", 1), ("selusin", 12)]),
    "en": PhraseTable([("a dozen", 12), ("one dozen", 12)]),
}
_COUNT_WORD_HINTS = {
    "id": re.compile(r"seorang|selusin", re.IGNORECASE),
    "en": re.compile(r"dozen", re.IGNORECASE),
}
_AND = frozenset({"dan", "and"})
_OUTCOME_JOINERS = frozenset({"dan", "atau", "and", "or", ",", "serta"})
_PHONE_CHARS = frozenset("0123456789 -()+")
#: "30 people, including 12 soldiers, were killed": the second figure is part of the first
_INCLUSIONS = PhraseTable(
    (phrase, True)
    for phrase in (
        "including",
        "among them",
        "among whom",
        "of whom",
        "of them",
        "termasuk",
        "termasuk di antaranya",
        "di antaranya",
        "diantaranya",
        "di antara mereka",
        "antara lain",
    )
)
_DIGIT_RUNS = re.compile(r"\d+")
_YEAR = re.compile(r"\d{4}")


@dataclass(slots=True)
class Mention:
    """One figure of a sentence, as token indices into the sentence's tokens.

    A mutable working record: :func:`read_figures` fills it in step by step
    (qualifier, noun phrase, outcome, inheritance); the pipeline turns it into
    a frozen :class:`~claimrecon.claim.Claim`.
    """

    first: int
    last: int
    kind: str  # "count", "range", "magnitude", "implicit"
    low: int
    high: int | None
    word: str | None = None
    multiplier: int = 1
    q_first: int = -1
    qualifier: str | None = None
    category: Category | None = None
    unit: str = PEOPLE
    noun: str | None = None
    np_end: int = -1
    side: str | None = None
    side_name: str | None = None
    enemy: bool = False
    others: bool = False
    elliptical: bool = False
    inherits: int | None = None
    outcome: Outcome | None = None
    out_first: int = -1
    out_last: int = -1
    via: str = ""
    back_first: int | None = None
    span_first: int = -1
    negated: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def equipment(self) -> bool:
        """Whether the figure counts equipment rather than people."""
        return self.unit != PEOPLE

    @property
    def span_last(self) -> int:
        """The token after the evidence."""
        return max(self.last, self.np_end, self.out_last)


#: negated comparatives a qualifier table may lack: "tidak kurang dari 30" is at least 30
_NEGATED_QUALIFIERS: dict[str, dict[str, Rule]] = {
    "id": {
        "tidak kurang dari": Rule.AT_LEAST,
        "tak kurang dari": Rule.AT_LEAST,
        "tidak kurang": Rule.AT_LEAST,
        "tidak lebih dari": Rule.AT_MOST,
        "tak lebih dari": Rule.AT_MOST,
    },
    "en": {
        "no fewer than": Rule.AT_LEAST,
        "not fewer than": Rule.AT_LEAST,
        "no less than": Rule.AT_LEAST,
        "not less than": Rule.AT_LEAST,
        "no more than": Rule.AT_MOST,
        "not more than": Rule.AT_MOST,
    },
}


@functools.lru_cache(maxsize=16)
def _qualifiers(table: QualifierTable, lang: str) -> PhraseTable[str]:
    words = set(table.words.get(lang, {})) | set(_NEGATED_QUALIFIERS.get(lang, {}))
    return PhraseTable((w, w) for w in words)


def _ending_at(
    table: PhraseTable[V], toks: Sequence[Tok], k: int, floor: int = 0
) -> tuple[V, int] | None:
    """The longest phrase of ``table`` ending at token ``k``: ``(value, first)``."""
    for s in range(max(floor, k - 3), k + 1):
        found = table.match(toks, s)
        if found is not None and found[1] == k + 1:
            return found[0], s
    return None


def _phone_like(text: str, start: int, end: int) -> bool:
    lo, hi = start, end
    while lo > 0 and start - lo < 24 and text[lo - 1] in _PHONE_CHARS:
        lo -= 1
    while hi < len(text) and hi - end < 24 and text[hi] in _PHONE_CHARS:
        hi += 1
    run = text[lo:hi]
    digits = sum(c.isdigit() for c in run)
    return digits >= 9 and len(_DIGIT_RUNS.findall(run)) >= 2


def _numbers(
    text: str,
    toks: Sequence[Tok],
    counts: Sequence[tuple[int, int, int]],
    dates: Sequence[tuple[int, int]],
    lex: Lexicon,
    table: QualifierTable,
) -> list[Mention]:
    by_start = {t.start: k for k, t in enumerate(toks)}
    by_end = {t.end: k + 1 for k, t in enumerate(toks)}
    found: list[Mention] = []
    for start, end, value in counts:
        if start not in by_start or end not in by_end:
            continue
        if any(ds <= start and end <= de for ds, de in dates):
            continue
        found.append(Mention(by_start[start], by_end[end], "count", value, value))
    if toks and _COUNT_WORD_HINTS[lex.lang].search(text, toks[0].start, toks[-1].end):
        found.extend(_word_counts(toks, lex, {m.first for m in found}))
    magnitudes = table.magnitudes.get(lex.lang, {})
    multipliers = _MULTIPLIER_WORDS[lex.lang]
    taken = 0
    for k, tok in enumerate(toks):
        if tok.low not in magnitudes or k < taken:
            continue
        last, multiplier = k + 1, 1
        if lex.lang == "en":
            if last >= len(toks) or toks[last].low != "of":
                continue
            if (
                last + 2 < len(toks)
                and toks[last + 1].low in multipliers
                and toks[last + 2].low == "of"
            ):
                multiplier, last = multipliers[toks[last + 1].low], last + 2
        elif last < len(toks) and toks[last].low in multipliers:
            multiplier, last = multipliers[toks[last].low], last + 1
        found.append(Mention(k, last, "magnitude", 0, None, tok.low, multiplier))
        taken = last
    found.sort(key=lambda m: m.first)
    return _ranges(found, toks)


def _word_counts(toks: Sequence[Tok], lex: Lexicon, taken: set[int]) -> list[Mention]:
    """ "Seorang tentara", "a dozen soldiers": a count in a word, before a noun of people."""
    words = _COUNT_WORDS[lex.lang]
    found: list[Mention] = []
    for k, after, value in words.find(toks):
        j = after  # "a dozen Armenian soldiers": past the side name to the noun
        while lex.lang == "en" and j < min(len(toks), after + 3) and toks[j].text[:1].isupper():
            j += 1
        noun = None if k in taken else _noun_at(toks, j, lex)
        if noun is None or not _outcome_beside(toks, k, noun[2], lex):
            continue
        m = Mention(k, after, "count", value, value)
        phrase = " ".join(t.text for t in toks[k:after])
        m.notes.append(f"the text gives no digit: {phrase!r} is read as exactly {value}")
        found.append(m)
    return found


def _outcome_beside(toks: Sequence[Tok], first: int, after: int, lex: Lexicon) -> bool:
    """Whether an outcome touches the words ``toks[first:after]``: a verb right before
    ("menewaskan seorang tentara") or, past names and auxiliaries, a word right after
    ("Seorang tentara Armenia tewas"); "Seorang warga mengatakan ..." is a speaker."""
    k = first - 1
    while k >= 0 and toks[k].low in lex.determiners:
        k -= 1
    if k >= 0 and (
        _ending_at(lex.active, toks, k) is not None
        or _ending_at(lex.equipment_active, toks, k) is not None
    ):
        return True
    j = after
    while (
        j < len(toks)
        and j - after < 4
        and (toks[j].low in lex.auxiliaries or toks[j].text[:1].isupper())
    ):
        j += 1
    return (
        lex.outcomes.match(toks, j) is not None or lex.equipment_outcomes.match(toks, j) is not None
    )


def _ranges(found: list[Mention], toks: Sequence[Tok]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        if i + 1 < len(found) and m.kind == "count" and found[i + 1].kind == "count":
            n = found[i + 1]
            gap = [t.low for t in toks[m.last : n.first]]
            before = toks[m.first - 1].low if m.first > 0 else ""
            joined = (
                len(gap) == 1
                and before not in _INCREMENTS  # "rose by 12 to 45": a rise, then the total
                and (gap[0] in _RANGE_JOINERS or (gap[0] in _AND and before in _BETWEEN))
            )
            if joined and m.low < n.low:
                out.append(Mention(m.first, n.last, "range", m.low, n.low))
                if before in _BETWEEN:
                    out[-1].q_first, out[-1].qualifier = m.first - 1, before
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _trapped(text: str, toks: Sequence[Tok], m: Mention, lex: Lexicon) -> bool:
    prev = toks[m.first - 1].low if m.first > 0 else ""
    prev2 = toks[m.first - 2].low if m.first > 1 else ""
    nxt = toks[m.last].low if m.last < len(toks) else ""
    if nxt in lex.after_traps or prev in _MONEY or prev2 in _MONEY or prev.startswith("rp"):
        return True
    if m.kind == "magnitude":
        return False
    toll_link = prev == "at" and prev2 in _STANDING  # "the death toll stands at 45"
    if (prev in lex.before_traps and not toll_link) or prev == "salah":
        return True
    if m.low == 1 and nxt == "of":
        return True
    digits = text[toks[m.first].start : toks[m.last - 1].end]
    if _YEAR.fullmatch(digits) and 1800 <= m.low <= 2100:
        counted = lex.people.match(toks, m.last) or lex.equipment.match(toks, m.last)
        if prev in _YEAR_WORDS or counted is None:
            return True
    if digits[:1] == "0" and len(digits) > 1 and digits[1:2].isdigit():
        return True
    return _phone_like(text, toks[m.first].start, toks[m.last - 1].end)


def _qualify(toks: Sequence[Tok], m: Mention, quals: PhraseTable[str]) -> None:
    if m.qualifier is not None:
        return
    m.q_first = m.first
    for s in range(max(0, m.first - 3), m.first):
        found = quals.match(toks, s)
        if found is not None and found[1] == m.first:
            m.q_first, m.qualifier = s, found[0]
            return


def _noun_at(toks: Sequence[Tok], k: int, lex: Lexicon) -> tuple[Category | None, str, int] | None:
    people = lex.people.match(toks, k)
    if people is not None:
        return people[0], PEOPLE, people[1]
    equipment = lex.equipment.match(toks, k)
    if equipment is not None:
        return Category.MILITARY, equipment[0], equipment[1]
    return None


def _modifiers(toks: Sequence[Tok], m: Mention, lex: Lexicon, sides: Sides) -> None:
    """Side names, "musuh"/"enemy" and designations after the noun."""
    k, limit = m.np_end, min(len(toks), m.np_end + 6)
    while k < limit:
        tok = toks[k]
        if tok.low in QUOTES:
            k += 1
            continue
        if tok.low in lex.enemy:
            m.enemy = True
            m.np_end = k + 2 if k + 1 < len(toks) and toks[k + 1].low in QUOTES else k + 1
            k += 1
            continue
        found = sides.at(toks, k)
        if found is not None:
            if m.side is None:
                m.side, m.side_name = found[0], found[1]
            m.np_end = k = found[2]
            continue
        if DESIGNATION.fullmatch(tok.text):
            m.np_end = k = k + 1
            continue
        if tok.low in lex.noun_modifiers:
            k += 1
            continue
        break


def _noun_phrase(toks: Sequence[Tok], m: Mention, lex: Lexicon, sides: Sides) -> None:
    k, n = m.last, len(toks)
    while k < n and k - m.last < 4:
        low = toks[k].low
        if _noun_at(toks, k, lex) is not None:
            break
        if low in lex.enemy:
            m.enemy = True
        elif low in QUOTES or low in lex.classifiers:
            pass
        elif lex.lang == "en":
            found = sides.at(toks, k)
            if found is not None:
                m.side, m.side_name = found[0], found[1]
                k = found[2]
                continue
            if low not in lex.adjectives and not DESIGNATION.fullmatch(toks[k].text):
                break
        else:
            break
        k += 1
    noun = _noun_at(toks, k, lex) if k < n else None
    if noun is not None:
        category, unit, after = noun
        if toks[k].low in _GENERIC:
            better = _noun_at(toks, after, lex)
            if better is not None and better[1] == PEOPLE:
                category, unit, after = better
        m.category, m.unit, m.np_end = category, unit, after
        m.noun = " ".join(t.low for t in toks[k:after])
        _modifiers(toks, m, lex, sides)
        return
    m.enemy = False
    m.side = m.side_name = None
    others = lex.others.match(toks, m.last)
    if others is not None:
        m.others, m.np_end = True, others[1]
        return
    k = m.last
    while k < n and k - m.last < 3 and toks[k].low in lex.auxiliaries:
        k += 1
    if k < n and (lex.outcomes.match(toks, k) or lex.equipment_outcomes.match(toks, k)):
        m.elliptical = True
    m.np_end = m.last


def _implicit(
    toks: Sequence[Tok], mentions: list[Mention], lex: Lexicon, sides: Sides
) -> list[Mention]:
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.q_first, max(m.np_end, m.last)))
    found: list[Mention] = []
    k = 0
    while k < len(toks):
        hit = lex.equipment.match(toks, k) if k not in covered else None
        if hit is None:
            k += 1
            continue
        unit, after = hit
        designated = after < len(toks) and DESIGNATION.fullmatch(toks[after].text) is not None
        b = k - 1
        while (
            b >= 0
            and lex.lang == "en"
            and (DESIGNATION.fullmatch(toks[b].text) or sides.at(toks, b, k) is not None)
        ):
            b -= 1
        singular = b >= 0 and toks[b].low in lex.singular and not toks[k].low.endswith("s")
        if not (designated or singular):
            k = after
            continue
        first = b if singular else k
        m = Mention(first, after + (1 if designated else 0), "implicit", 1, 1)
        m.q_first, m.category, m.unit = first, Category.MILITARY, unit
        m.noun = " ".join(t.low for t in toks[k:after])
        m.np_end = m.last
        if lex.lang == "en":
            for j in range(first + 1, k):
                side = sides.at(toks, j, k)
                if side is not None:
                    m.side, m.side_name = side[0], side[1]
        _modifiers(toks, m, lex, sides)
        m.notes.append(
            f"the text gives no digit: a single {' '.join(t.text for t in toks[k : m.last])!r} "
            "is read as exactly 1"
        )
        found.append(m)
        k = m.np_end
    return found


def _back(toks: Sequence[Tok], m: Mention, lex: Lexicon, floor: int) -> None:
    table = lex.equipment_active if m.equipment else lex.active
    k = m.q_first - 1
    while k >= floor and (toks[k].low in lex.determiners or toks[k].low in QUOTES):
        k -= 1
    outcomes: set[Outcome] = set()
    first: int | None = None
    while k >= floor:
        hit = _ending_at(table, toks, k, floor)
        if hit is None:
            break
        value, start = hit
        outcomes.add(value)
        first = start
        k = start - 1
        if k > floor and toks[k].low in _OUTCOME_JOINERS:
            if _ending_at(table, toks, k - 1, floor) is None:
                break
            k -= 1
            continue
        break
    if outcomes and first is not None:
        m.outcome, m.via, m.back_first = _combine(outcomes), "active", first
        m.out_first, m.out_last = first, first


def _combine(outcomes: set[Outcome]) -> Outcome:
    if len(outcomes) == 1:
        return next(iter(outcomes))
    if {Outcome.KILLED, Outcome.WOUNDED} <= outcomes or Outcome.KILLED_OR_WOUNDED in outcomes:
        return Outcome.KILLED_OR_WOUNDED
    order = list(Outcome)
    return min(outcomes, key=order.index)


def _forward(toks: Sequence[Tok], m: Mention, lex: Lexicon, limit: int) -> None:
    table = lex.equipment_outcomes if m.equipment else lex.outcomes
    k, stop = m.np_end, min(limit, m.np_end + 14)
    while k < stop:
        if toks[k].low in {";", ":"}:
            return
        hit = table.match(toks, k)
        if hit is not None and hit[1] <= limit:
            outcomes, last = {hit[0]}, hit[1]
            while last + 1 < limit and toks[last].low in _OUTCOME_JOINERS:
                more = table.match(toks, last + 1)
                if more is None or more[1] > limit:
                    break
                outcomes.add(more[0])
                last = more[1]
            m.outcome, m.via, m.out_first, m.out_last = _combine(outcomes), "forward", k, last
            return
        k += 1


def _toll(toks: Sequence[Tok], m: Mention, lex: Lexicon, floor: int) -> None:
    k = m.q_first - 1
    while k >= floor and toks[k].low in lex.determiners:
        k -= 1
    linked = _ending_at(lex.links, toks, k, floor)
    ends = [k] if linked is None else range(linked[1] - 1, max(floor, linked[1] - 8) - 1, -1)
    for end in ends:
        hit = _ending_at(lex.tolls, toks, end, floor)
        if hit is not None:
            value, start = hit
            m.outcome, m.via, m.out_first, m.out_last = value, "toll", start, start
            m.back_first = start
            # "korban tewas militer mencapai 673", "the military death toll rose to 673"
            for tok in toks[max(floor, start - 2) : k + 1]:
                if tok.low in _TOLL_CATEGORIES:
                    m.category = _TOLL_CATEGORIES[tok.low]
            return


def _coordinated(toks: Sequence[Tok], first: int, last: int, lex: Lexicon) -> bool:
    gap = toks[first:last]
    return bool(gap) and all(t.low in lex.coordinators or t.low in QUOTES for t in gap)


def _included(toks: Sequence[Tok], first: int, last: int) -> bool:
    """Whether ``toks[first:last]`` is ", including" / ", termasuk": an aside opens."""
    if first < last and toks[first].low == ",":
        first += 1
    found = _INCLUSIONS.match(toks, first)
    return found is not None and found[1] == last


def _place_after(
    toks: Sequence[Tok], k: int, lex: Lexicon, dates: Sequence[tuple[int, int]]
) -> int | None:
    """The token after the place phrase at token ``k`` ("di kota Martuni", "in Ganja"), if any.

    A preposition of place, kinds of place, then capitalised words that are no
    date ("in October" is a time).
    """
    if k >= len(toks) or toks[k].low not in lex.places:
        return None
    j = k + 1
    while j < len(toks) and toks[j].low in lex.place_kinds:
        j += 1
    calendar = calendar_words(lex.lang)
    e = j
    while (
        e < len(toks)
        and toks[e].text[:1].isupper()
        and toks[e].text.replace("-", "").isalpha()
        and toks[e].low not in calendar
        and not any(ds <= toks[e].start < de for ds, de in dates)
    ):
        e += 1
    return e if e > j else None


#: words before a date that a listed figure's gap may hold ("in Stepanakert on Monday and 5")
_DATE_LEADS = frozenset({"on", "last", "this", "pada", "hari", "tanggal"})


def _date_after(toks: Sequence[Tok], k: int, dates: Sequence[tuple[int, int]]) -> int | None:
    """The token after the date phrase at token ``k`` ("on Monday", "pada Senin (5/10)")."""
    j = k
    while j < len(toks) and toks[j].low in _DATE_LEADS:
        j += 1
    e = j
    while e < len(toks) and any(ds <= toks[e].start < de for ds, de in dates):
        e += 1
    return e if e > j else None


def _when_where(toks: Sequence[Tok], k: int, lex: Lexicon, dates: Sequence[tuple[int, int]]) -> int:
    """The token after the place and date phrases from token ``k`` ("in Stepanakert on
    Monday", "on Monday in the city of Stepanakert")."""
    while True:
        e = _place_after(toks, k, lex, dates)
        if e is None:
            e = _date_after(toks, k, dates)
        if e is None:
            return k
        k = e


def _own_place(
    toks: Sequence[Tok],
    k: int,
    lex: Lexicon,
    sides: Sides,
    dates: Sequence[tuple[int, int]],
) -> int | None:
    """The token after the place a listed figure names at token ``k`` ("dan 5 di Martuni").

    Stricter than :func:`_place_after`: the name is one the registry declares a
    place, or a single capitalised word not followed by a digit or a possessive
    mark.  A side or a source is no place ("and 3 in Armenian shelling", "and 3
    in Reuters' count"), nor is "Hospital No. 1".
    """
    e = _place_after(toks, k, lex, dates)
    if e is None:
        return None
    j = k + 1
    while j < e and toks[j].low in lex.place_kinds:
        j += 1
    known = sides.at(toks, j)
    if known is not None:
        return known[2] if sides.place(toks, j, known[2]) else None
    if e != j + 1:
        return None
    nxt = toks[e].text if e < len(toks) else ""
    if nxt[:1].isdigit() or nxt in ("'", "’"):
        return None
    if nxt == "." and e + 1 < len(toks) and toks[e + 1].text[:1].isdigit():
        return None
    return e


def _gapped(
    toks: Sequence[Tok],
    p: Mention,
    m: Mention,
    lex: Lexicon,
    sides: Sides,
    dates: Sequence[tuple[int, int]],
    *,
    bare: bool = False,
) -> bool:
    """Whether ``m`` lists a place after ``p``'s, the outcome left out.

    "4 warga sipil tewas di Stepanakert dan 5 di Martuni", "Three soldiers were
    killed in Stepanakert and 2 soldiers in Ganja": ``p`` has an outcome, then
    at most place and date phrases ("in Stepanakert on Monday") and a
    coordinator; ``m`` is followed by its own place.  A ``bare`` number ("and 2
    in Jabrayil") counts what ``p`` counts, people or equipment.
    """
    if p.outcome is None or (p.equipment != m.equipment and not bare):
        return False
    k = _when_where(toks, max(p.np_end, p.last, p.out_last), lex, dates)
    if not _coordinated(toks, k, m.q_first, lex):
        return False
    return _own_place(toks, max(m.np_end, m.last), lex, sides, dates) is not None


def read_figures(
    text: str,
    toks: Sequence[Tok],
    counts: Sequence[tuple[int, int, int]],
    dates: Sequence[tuple[int, int]],
    lex: Lexicon,
    sides: Sides,
    table: QualifierTable,
) -> list[Mention]:
    """The figures of one sentence that count losses (see the module docstring)."""
    quals = _qualifiers(table, lex.lang)
    mentions: list[Mention] = []
    for m in _numbers(text, toks, counts, dates, lex, table):
        if _trapped(text, toks, m, lex):
            continue
        _qualify(toks, m, quals)
        _noun_phrase(toks, m, lex, sides)
        mentions.append(m)
    mentions.extend(_implicit(toks, mentions, lex, sides))
    mentions.sort(key=lambda m: m.q_first)
    strong = [m for m in mentions if m.noun is not None or m.elliptical or m.others]
    bare = [m for m in mentions if m.kind == "count" and m not in strong]
    _inherit(strong)
    _outcomes(toks, strong, lex)
    for i in range(1, len(strong)):  # "3 soldiers were killed in X and 2 soldiers in Y"
        if strong[i].outcome is None and _gapped(toks, strong[i - 1], strong[i], lex, sides, dates):
            _take_outcome(strong[i], strong[i - 1])
    for m in bare:  # "the death toll rose to 30", "wounded 34": a number with no noun
        # a figure with no outcome ("bertambah 12 orang menjadi 45") does not end the toll
        before = [s for s in strong if s.q_first < m.q_first and s.outcome is not None]
        floor = max(before[-1].np_end, before[-1].last, before[-1].out_last) if before else 0
        _toll(toks, m, lex, floor)
        if m.outcome is None:
            _back(toks, m, lex, floor)
            if m.outcome is not None and before and before[-1].noun is not None:
                p = before[-1]
                assert m.back_first is not None
                if _coordinated(toks, floor, m.back_first, lex):
                    m.inherits, m.category, m.unit = 0, p.category, p.unit
                    m.side, m.side_name, m.enemy = p.side, p.side_name, p.enemy
        if m.outcome is None:  # "4 warga sipil tewas di Stepanakert dan 5 di Martuni"
            _listed_bare(toks, m, strong + bare, lex, sides, dates)
    result = sorted((m for m in strong + bare if m.outcome is not None), key=lambda m: m.q_first)
    for i, m in enumerate(result):
        m.span_first = min(
            m.q_first, m.first, m.back_first if m.back_first is not None else m.first
        )
        if m.inherits is not None:
            what = "counts others of" if m.others else "has no noun; it counts"
            m.notes.append(f"the figure {what} what the figure before it counts")
            p = result[i - 1] if i > 0 else None
            if p is not None and p.qualifier is not None and m.qualifier is None:
                gap_start = max(p.np_end, p.out_last, p.last)
                if _coordinated(toks, gap_start, m.q_first, lex):
                    m.qualifier = p.qualifier
                    m.span_first = min(m.span_first, p.span_first)
                    m.notes.append(
                        f"the qualifier {p.qualifier!r} before the coordinated figure is read "
                        "as covering this one too"
                    )
        window = [
            *toks[max(0, m.q_first - 2) : m.q_first],
            *toks[m.np_end : max(m.np_end, m.out_first)],
        ]
        m.negated = any(t.low in lex.negators for t in window)
    return result


def _listed_bare(
    toks: Sequence[Tok],
    m: Mention,
    mentions: Sequence[Mention],
    lex: Lexicon,
    sides: Sides,
    dates: Sequence[tuple[int, int]],
) -> None:
    """A number with no noun listed with a place after a counted figure takes its noun
    and outcome ("4 warga sipil tewas di Stepanakert dan 5 di Martuni"), unless a verb of
    its own follows its place ("and 2 in Jabrayil were captured")."""
    e = _own_place(toks, m.last, lex, sides, dates)
    if e is None or _own_verb(toks, _when_where(toks, e, lex, dates), lex):
        return
    done = [x for x in mentions if x.q_first < m.q_first and x.outcome is not None]
    if not done:
        return
    p = max(done, key=lambda x: x.q_first)
    if (p.noun is not None or p.inherits is not None) and _gapped(
        toks, p, m, lex, sides, dates, bare=True
    ):
        _take_outcome(m, p)
        m.inherits, m.category, m.unit = 0, p.category, p.unit
        m.side, m.side_name, m.enemy = p.side, p.side_name, p.enemy


#: auxiliaries and verbs that give a listed figure a verb of its own ("and 2 in Jabrayil
#: were ...", "and 2 in Jabrayil survived")
_OWN_AUXILIARIES = frozenset(
    {"were", "was", "are", "is", "have", "has", "had", "been", "survived", "selamat"}
)


def _own_verb(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """Whether the clause from token ``k`` to the next comma, coordinator or sentence end
    holds an outcome or an auxiliary: "were captured", "rusak"."""
    e = k
    while (
        e < len(toks)
        and toks[e].low not in {",", ";", ".", "!", "?"}
        and toks[e].low not in lex.coordinators
    ):
        e += 1
    return any(toks[i].low in _OWN_AUXILIARIES for i in range(k, e)) or any(
        table.occurs(toks, k, e)
        for table in (lex.outcomes, lex.equipment_outcomes, lex.active, lex.equipment_active)
    )


def _take_outcome(m: Mention, p: Mention) -> None:
    """``m`` lists a place after ``p``'s and leaves the outcome out: it is ``p``'s."""
    m.outcome, m.via = p.outcome, "gapped"
    m.notes.append(
        "the figure lists another place after the figure before it, whose outcome it takes"
    )


def _inherit(strong: list[Mention]) -> None:
    """An elliptical figure, or one of "others", counts what the figure before it counts."""
    for i, m in enumerate(strong):
        if m.noun is not None:
            continue
        for j in range(i - 1, -1, -1):
            p = strong[j]
            if p.noun is not None:
                m.inherits, m.category, m.unit = j, p.category, p.unit
                m.side, m.side_name, m.enemy = p.side, p.side_name, p.enemy
                break


def _outcomes(toks: Sequence[Tok], strong: list[Mention], lex: Lexicon) -> None:
    """Verbs before, words after, coordination, the noun's own: in that order."""
    if not strong:
        return
    floors = [0] + [max(m.np_end, m.last) for m in strong[:-1]]
    for m, floor in zip(strong, floors, strict=True):
        _back(toks, m, lex, floor)
    for i, m in enumerate(strong):
        if m.outcome is not None:
            continue
        nxt = strong[i + 1] if i + 1 < len(strong) else None
        if nxt is None:
            limit = len(toks)
        else:
            limit = nxt.back_first if nxt.back_first is not None else nxt.q_first
        _forward(toks, m, lex, limit)
    for i in range(len(strong) - 2, -1, -1):
        m, nxt = strong[i], strong[i + 1]
        if (
            m.outcome is None
            and nxt.outcome is not None
            and nxt.via in ("forward", "borrowed")
            and m.equipment == nxt.equipment
        ):
            gap_start = max(m.np_end, m.last)
            if _coordinated(toks, gap_start, nxt.q_first, lex):
                m.outcome, m.via = nxt.outcome, "borrowed"
                m.out_first, m.out_last = nxt.out_first, nxt.out_last
            elif _included(toks, gap_start, nxt.q_first):
                # "At least 30 people, including 12 soldiers, were killed": both are killed
                m.outcome, m.via = nxt.outcome, "borrowed"
                m.out_first, m.out_last = nxt.out_first, nxt.out_last
                nxt.notes.append("counted within the figure before it (an inclusive aside)")
    for i in range(1, len(strong)):  # "menghancurkan 5 tank dan 3 rudal": one verb, two objects
        m, p = strong[i], strong[i - 1]
        if (
            m.outcome is None
            and p.via in ("active", "shared")
            and m.equipment == p.equipment
            and _coordinated(toks, max(p.np_end, p.last), m.q_first, lex)
        ):
            m.outcome, m.via, m.back_first = p.outcome, "shared", p.back_first
            m.out_first = m.out_last = p.out_first
    for i in range(1, len(strong)):  # "25 people were killed, including 3 children"
        m, p = strong[i], strong[i - 1]
        if (
            m.outcome is None
            and p.outcome is not None
            and m.equipment == p.equipment
            and _included(toks, max(p.np_end, p.last, p.out_last), m.q_first)
        ):
            m.outcome, m.via = p.outcome, "included"
            m.notes.append("counted within the figure before it (an inclusive aside)")
    for m, floor in zip(strong, floors, strict=True):
        if m.outcome is None and not m.equipment and (m.noun is None or m.noun in _GENERIC):
            _toll(toks, m, lex, floor)
        if m.outcome is None and m.noun is not None and m.noun in lex.noun_outcomes:
            m.outcome, m.via = lex.noun_outcomes[m.noun], "noun"


def figure_of(m: Mention, lang: str, table: QualifierTable) -> tuple[Figure, str | None]:
    """The figure a mention states, and a note when its wording could not be kept whole."""
    unit = m.unit
    if m.kind == "implicit":
        return Figure.exact(1, unit), None
    if m.kind == "range" and m.high is not None:
        return Figure.between(m.low, m.high, unit, qualifier=m.qualifier), None
    if m.kind == "magnitude" and m.word is not None:
        figure = Figure.magnitude(m.word, unit, lang=lang, multiplier=m.multiplier, table=table)
        if m.qualifier is not None and table.words.get(lang, {}).get(m.qualifier) is not Rule.ABOUT:
            return figure, f"the qualifier {m.qualifier!r} before a magnitude word is not kept"
        return figure, None
    if m.qualifier is None:
        return Figure.exact(m.low, unit), None
    negated = _NEGATED_QUALIFIERS.get(lang, {}).get(m.qualifier)
    if negated is not None and m.qualifier not in table.words.get(lang, {}):
        build = Figure.at_least if negated is Rule.AT_LEAST else Figure.at_most
        return build(m.low, unit, qualifier=m.qualifier), None
    try:
        return Figure.parse(f"{m.qualifier} {m.low}", lang, unit=unit, table=table), None
    except ParseError:
        return Figure.exact(m.low, unit), f"the qualifier {m.qualifier!r} could not be applied"
