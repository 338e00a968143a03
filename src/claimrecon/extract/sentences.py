"""Sentences of a paragraph, as character spans of the original text.

:func:`read_sentences` turns a page's prose and related-headline blocks into
:class:`Sentence` records: the span, its tokens, its counts (from
:func:`claimrecon.numbers.find_counts`, run once per block) and its dates.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by white space and a capital letter, a digit or an opening
quote — unless the word before the stop is a known abbreviation ("Dr.", "No.",
"Jan.", "Sept."), a single capital (an initial) or a dotted acronym ("U.S.").
Dots inside numbers and names ("2.300", "Contoh.com") never end a sentence.

    >>> text = 'Menurut Dr. Ali, 3 orang tewas. "Ini berat," katanya. U.S. troops left.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Menurut Dr. Ali, 3 orang tewas.', '"Ini berat," katanya.', 'U.S. troops left.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimrecon.extract.dates import DateFinder, DateMention
from claimrecon.extract.furniture import Block
from claimrecon.extract.tokens import Tok, tokenize
from claimrecon.numbers import find_counts

__all__ = ["Sentence", "read_sentences", "split_sentences"]

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*$")
_ABBREVIATIONS = frozenset(
    {
        "dr",
        "drs",
        "prof",
        "ir",
        "h",
        "hj",
        "kh",
        "no",
        "nomor",
        "jl",
        "jln",
        "st",
        "mr",
        "mrs",
        "ms",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "maj",
        "rev",
        "sen",
        "rep",
        "gov",
        "pres",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "agu",
        "sep",
        "sept",
        "oct",
        "okt",
        "nov",
        "dec",
        "des",
        "approx",
        "est",
        "fig",
        "tel",
        "dll",
        "dsb",
        "sdr",
        "bpk",
        "ny",
    }
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as ``(start, end)`` spans, stripped of white space."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, stop):
        if m.group()[0] == "." and _is_abbreviation(text, begin, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, stop))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, begin: int, stop: int) -> bool:
    word = _WORD_BEFORE.search(text, max(begin, stop - 20), stop)
    if word is None:
        return False
    token = word.group(1)
    if "." in token and all(len(p) <= 2 for p in token.split(".") if p):
        return True  # U.S, a.m, e.g
    if len(token) == 1 and token.isupper():
        return True  # an initial
    return token.lower() in _ABBREVIATIONS


@dataclass(slots=True)
class Sentence:
    """A sentence of prose (or a related-article headline) and what it holds.

    A working record of the extractor: ``counts`` are ``(start, end, value)``
    offsets into the page, ``date_toks`` the token index of each date.
    """

    kind: str
    start: int
    end: int
    toks: list[Tok]
    counts: list[tuple[int, int, int]]
    dates: list[DateMention]
    date_toks: list[int] = field(default_factory=list)


def read_sentences(
    text: str, blocks: Sequence[Block], lang: str, finder: DateFinder
) -> list[Sentence]:
    """The sentences of a page's prose and related-headline blocks, in order."""
    out: list[Sentence] = []
    for block in blocks:
        if block.kind not in ("prose", "related"):
            continue
        counts = [
            (block.start + s, block.start + e, v)
            for s, e, v in find_counts(text[block.start : block.end], lang)
        ]
        spans = (
            split_sentences(text, block.start, block.end)
            if block.kind == "prose"
            else [(block.start, block.end)]
        )
        for s, e in spans:
            toks = tokenize(text, s, e)
            mine = [c for c in counts if s <= c[0] and c[1] <= e]
            dates = finder.find(text, s, e)
            starts = [t.start for t in toks]
            date_toks = [bisect.bisect_left(starts, d.start) for d in dates]
            out.append(Sentence(block.kind, s, e, toks, mine, dates, date_toks))
    return out
