"""Words of running text with their character offsets, and phrase tables over them.

Every later stage of the extractor works on :class:`Tok` lists: a word (or one
punctuation mark), its offsets in the *original* text and its lower-case form.
Offsets are never recomputed from lower-cased text, whose length may differ.

A word keeps inner hyphens and apostrophes next to a letter (``"luka-luka"``,
``"SU-25"``, ``"Azerbaijan's"``; ``"30-40"`` is three tokens), inner dots
(``"2.300"``, ``"Contoh.com"``) and a comma between digits (``"2,300"``); any
other non-space character is a token of its own.

    >>> [t.text for t in tokenize('Sedikitnya 2.300 "musuh" (27/9).')]
    ['Sedikitnya', '2.300', '"', 'musuh', '"', '(', '27', '/', '9', ')', '.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, NamedTuple, TypeVar

__all__ = ["PhraseTable", "Tok", "phrase_key", "tokenize"]

# a hyphen or apostrophe joins a word when a letter stands on one side of it ("SU-25",
# "luka-luka"), not between digits ("30-40" is a range of two numbers)
_TOKEN = re.compile(
    r"[^\W_]+(?:(?<=[^\W\d_])[-'’][^\W_]+|[-'’](?=[^\W\d_])[^\W_]+|\.[^\W_]+|,\d+)*|[^\w\s]"
)

V = TypeVar("V")


class Tok(NamedTuple):
    """One word or punctuation mark: offsets into the text, the text, its lower case."""

    start: int
    end: int
    text: str
    low: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    out: list[Tok] = []
    append, new = out.append, tuple.__new__
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        s, e = m.span()
        append(new(Tok, (s, e, word, word.lower())))
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-case token sequence a phrase is matched by."""
    return tuple(t.low for t in tokenize(phrase))


class PhraseTable(Generic[V]):
    """Multi-word phrases mapped to values, matched longest first on a token list.

    >>> table = PhraseTable([("meninggal dunia", "killed"), ("meninggal", "killed")])
    >>> toks = tokenize("37 warga meninggal dunia")
    >>> table.match(toks, 2)
    ('killed', 4)
    """

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in entries:
            key = phrase_key(phrase)
            if key:
                by_first.setdefault(key[0], []).append((key, value))
        for options in by_first.values():
            options.sort(key=lambda kv: -len(kv[0]))
        self._by_first = by_first

    def match(self, toks: Sequence[Tok], i: int) -> tuple[V, int] | None:
        """The value of the longest phrase starting at token ``i``, and the index after it."""
        if i >= len(toks):
            return None
        options = self._by_first.get(toks[i].low)
        if not options:
            return None
        for key, value in options:
            n = len(key)
            if n == 1:
                return value, i + 1
            if i + n <= len(toks) and all(toks[i + k].low == key[k] for k in range(1, n)):
                return value, i + n
        return None

    def starts(self, word: str) -> bool:
        """Whether some phrase starts with this lower-case word."""
        return word in self._by_first

    def occurs(self, toks: Sequence[Tok], start: int = 0, stop: int | None = None) -> bool:
        """Whether some phrase occurs in ``toks[start:stop]``."""
        return next(iter(self.find(toks, start, stop)), None) is not None

    def find(
        self, toks: Sequence[Tok], start: int = 0, stop: int | None = None
    ) -> Iterator[tuple[int, int, V]]:
        """Every non-overlapping phrase in ``toks[start:stop]``: ``(first, after, value)``."""
        end = len(toks) if stop is None else min(stop, len(toks))
        i = start
        while i < end:
            found = self.match(toks, i) if toks[i].low in self._by_first else None
            if found is not None and found[1] <= end:
                yield i, found[1], found[0]
                i = found[1]
            else:
                i += 1
