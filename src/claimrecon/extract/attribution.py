"""Who says so: claimants in sentences, the wire an article names, the outlet itself.

* :class:`Sides` looks names up in a :class:`~claimrecon.sides.SideRegistry`
  over token windows ("Nagorny Karabakh", "Media Armenia", "Azeri"), knows
  each belligerent's opponent when the registry has exactly two, and which
  names the registry declares places ("Stepanakert").
* :func:`find_cues` finds the attributions of one sentence: a subject before a
  speech verb ("Media Armenia mengatakan", "the ministry said"), an inverted
  one ("..., kata Kremlin", "said spokeswoman X"), "menurut X" / "according
  to X", and pronouns ("katanya", "it said"), which are never resolved to a
  name unless the same sentence named their subject earlier.  A negated speech
  verb ("did not say", "tidak mengatakan") is no attribution, and a clause's
  opening conjunction ("while", "sementara") is no part of a name.  A name
  never holds a figure, and never reaches back past an outcome or a speech
  verb and a conjunction ("Azerbaijan said 12 civilians were killed in Baku
  and Armenia said ...": "Armenia").  A figure takes the nearest cue before it
  in its sentence, else the nearest after it.  A post-posed cue (", kata X",
  ", X said", ", according to X" closing a clause) attributes the clause before
  it: when the nearest cue before a figure is one that closes an earlier clause
  and the nearest after it closes the figure's own, the figure takes its own
  ("4 tewas di Stepanakert, kata Armenpress, dan 5 tewas di Ganja, kata
  Azerbaijan": the 5 is Azerbaijan's) — also when only a comma joins the
  clauses (", Armenpress said, five ... in Ganja, Azerbaijan said"), as long
  as the clause before the cue reports a figure or an outcome and no
  participle carries the cue on (", adding that 5 more were wounded").  A
  speech verb that is also a plural noun is no cue of its own when another
  speech verb governs it: "Media reports said", "reports have said",
  "confirmed reports that" make one cue each.
* :func:`find_wire` and :func:`find_outlet` find the republication chain:
  "Sumber AFP", "dilansir dari Anadolu Agency", "Dilaporkan Reuters",
  "(Reuters) -"; the outlet from the header line, the dateline ("ANKARA,
  CONTOH.com -") or the site's own domain printed on the page.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from claimrecon.claim import THIRD_PARTY, UNKNOWN
from claimrecon.extract.furniture import Block
from claimrecon.extract.lexicon import Lexicon
from claimrecon.extract.tokens import Tok
from claimrecon.sides import WIRES, SideRegistry, normalize_name

__all__ = ["Cue", "Sides", "find_cues", "find_outlet", "find_wire", "noun_phrase_before"]

_MAX_NAME_WORDS = 6
_MAX_CLAIMANT_WORDS = 10
_CLAUSE_STOPS = frozenset({",", ";", ":", '"', "“", "”", "(", ")", "bahwa", "that", "—", "–"})
_CONJUNCTIONS = frozenset(
    {"but", "and", "yet", "while", "tetapi", "namun", "tapi", "dan", "serta", "sedangkan"}
)
#: words that open a clause and never start a claimant's name ("while Azerbaijan said")
_CLAUSE_OPENERS = _CONJUNCTIONS | {"whereas", "although", "though", "sementara", "padahal"}
#: auxiliaries between a subject and a negated speech verb ("did not say", "has not yet said")
_NEGATED_AUXILIARIES = frozenset(
    {"did", "does", "do", "has", "have", "had", "would", "could", "will", "yet", "masih"}
)
_NEGATED_FORMS = frozenset(
    {"didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't"}
)
_NAME_JOINERS = frozenset({"of", "the", "for", "de", "untuk", "al"})
_DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
_PLURAL_REFERENCES = frozenset({"both", "these", "those"})
_PUNCT_EDGES = frozenset({'"', "“", "”", "'", "‘", "’", "(", ")", ",", "-", "–", "—"})
#: what stands before a post-posed cue: the end of the clause it attributes
_CLAUSE_TAILS = frozenset({",", '"', "”", "’", "'"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
#: how far past its name a post-posed cue looks for the end of its clause ("on Friday")
_MAX_CUE_TAIL = 4
#: words after a post-posed cue's comma that carry on its own sentence ("..., Armenpress
#: said, citing officials, ...", "..., the ministry said, adding that ...", "..., X said,
#: with 5 others wounded")
_CUE_CONTINUATIONS = frozenset(
    {
        "citing",
        "quoting",
        "adding",
        "saying",
        "noting",
        "stressing",
        "explaining",
        "menambahkan",
        "seraya",
        "sambil",
        "dengan",
        "with",
        "leaving",
        "plus",
        "ditambah",
        "berikut",
    }
)
#: speech verbs that are also plural nouns: "Media reports said", "confirmed reports that"
_SPEECH_NOUNS = frozenset({"reports", "claims", "estimates", "states"})
#: auxiliaries between such a noun and the verb whose subject it is ("reports have said")
_SPEECH_AUXILIARIES = frozenset({"have", "has", "had"})
#: what joins the hours and minutes of a clock time ("10:00", "pukul 10.00")
_CLOCK_MARKS = frozenset({":", "."})


class Sides:
    """Side lookups over a registry, for token windows of one language."""

    def __init__(self, registry: SideRegistry, lex: Lexicon) -> None:
        self.registry = registry
        self.names = registry.names()
        self.demonyms = lex.demonyms
        self.width = min(_MAX_NAME_WORDS, max((len(k.split()) for k in self.names), default=1))
        self.belligerents = frozenset(side for side, _ in self.names.values()) - {THIRD_PARTY}
        self._firsts = frozenset(k.split()[0] for k in self.names)
        self._patterns: dict[str, re.Pattern[str]] = {}
        self.places = registry.places()

    def lookup(self, name: str) -> tuple[str, str] | None:
        """``(side, canonical name)`` of a name the registry (or a demonym) knows."""
        key = _key(name)
        found = self.names.get(key)
        if found is not None:
            return found
        target = self.demonyms.get(key)
        if target is not None:
            return self.names.get(normalize_name(target))
        return None

    def at(
        self, toks: Sequence[Tok], i: int, stop: int | None = None
    ) -> tuple[str, str, int] | None:
        """The longest known name starting at token ``i``: ``(side, canonical, after)``."""
        end = len(toks) if stop is None else min(stop, len(toks))
        first = toks[i]
        if not first.text[:1].isalpha():
            return None
        key0 = _key(first.text)
        if not key0 or (key0.partition(" ")[0] not in self._firsts and key0 not in self.demonyms):
            return None
        for n in range(min(self.width, end - i), 0, -1):
            if n > 1 and any(not t.text[:1].isalnum() for t in toks[i : i + n]):
                continue
            found = self.lookup(" ".join(t.text for t in toks[i : i + n]))
            if found is not None:
                return found[0], found[1], i + n
        return None

    def place(self, toks: Sequence[Tok], first: int, after: int) -> bool:
        """Whether ``toks[first:after]`` is a name the registry declares a place."""
        if not self.places or first >= after:
            return False
        return _key(" ".join(t.text for t in toks[first:after])) in self.places

    def within(self, toks: Sequence[Tok], start: int, stop: int) -> list[tuple[str, str, int, int]]:
        """Every known name in ``toks[start:stop]``: ``(side, canonical, first, after)``."""
        out: list[tuple[str, str, int, int]] = []
        i = start
        while i < stop:
            found = self.at(toks, i, stop)
            if found is None:
                i += 1
                continue
            out.append((found[0], found[1], i, found[2]))
            i = found[2]
        return out

    def named_in(self, text: str, start: int, end: int, side: str) -> bool:
        """Whether ``text[start:end]`` names the side (any of its names or demonyms)."""
        pattern = self._patterns.get(side)
        if pattern is None:
            keys = [k for k, (s, _) in self.names.items() if s == side]
            keys += [
                normalize_name(d)
                for d, target in self.demonyms.items()
                if (found := self.lookup(target)) is not None and found[0] == side
            ]
            words = sorted(
                (r"[\s\-_'’.]+".join(re.escape(w) for w in k.split()) for k in keys if k),
                key=len,
                reverse=True,
            )
            pattern = re.compile(rf"(?<!\w)(?:{'|'.join(words) or '(?!)'})(?!\w)", re.IGNORECASE)
            self._patterns[side] = pattern
        return pattern.search(text, start, end) is not None

    def opponent(self, side: str) -> str | None:
        """The other belligerent, when the registry knows exactly two."""
        if side in self.belligerents and len(self.belligerents) == 2:
            return next(iter(self.belligerents - {side}))
        return None

    def resolve(self, phrase: str, toks: Sequence[Tok]) -> tuple[str, str]:
        """A claimant's name (canonical when known, else as written) and its side."""
        found = self.lookup(phrase)
        if found is not None:
            return found[1], found[0]
        sides = {side for side, _, _, _ in self.within(toks, 0, len(toks))}
        side = next(iter(sides)) if len(sides) == 1 else UNKNOWN
        return phrase, side


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name.strip())


@functools.lru_cache(maxsize=65536)
def _key(name: str) -> str:
    return normalize_name(_strip_possessive(name))


@attrs.frozen
class Cue:
    """An attribution in a sentence: where it is and whom it names (None: unresolved)."""

    position: int
    start: int | None
    end: int | None
    note: str | None = None
    #: whether the cue is post-posed, closing the clause before it (", kata X, dan ...")
    closes: bool = False

    @property
    def named(self) -> bool:
        """Whether the cue names a claimant."""
        return self.start is not None


def _clean(toks: Sequence[Tok], first: int, after: int, lex: Lexicon) -> tuple[int, int]:
    while first < after:
        if toks[first].low in _PUNCT_EDGES:
            first += 1
            continue
        found = lex.connectives.match(toks, first)
        if found is not None and found[1] <= after:
            first = found[1]
            continue
        if toks[first].low in _CLAUSE_OPENERS:
            first += 1
            continue
        break
    while after > first and (
        toks[after - 1].low in lex.trailing or toks[after - 1].low in _PUNCT_EDGES
    ):
        after -= 1
    return first, after


def _negated(toks: Sequence[Tok], verb: int, lex: Lexicon) -> bool:
    """Whether the speech verb at token ``verb`` is negated ("did not say", "tidak mengatakan")."""
    k = verb - 1
    while k >= 0 and verb - k <= 3:
        low = toks[k].low
        if low in lex.negators or low in _NEGATED_FORMS:
            return True
        if low not in _NEGATED_AUXILIARIES:
            return False
        k -= 1
    return False


def _segment_back(toks: Sequence[Tok], end: int, floor: int, lex: Lexicon) -> int:
    """The first token of the clause that ends just before ``end``.

    Back to the last clause stop (a comma, "bahwa"/"that" ...); past a figure,
    an outcome or a speech verb (:func:`_clausal`) a conjunction starts a new
    clause: "Azerbaijan said 12 civilians were killed in Baku and Armenia said"
    gives "Armenia".  A figure itself is never part of a name.
    """
    i = end
    while i > floor and toks[i - 1].low not in _CLAUSE_STOPS:
        i -= 1
    for k in range(end - 1, i - 1, -1):
        if _clausal(toks, k, lex):
            joins = [j for j in range(k + 1, end - 1) if toks[j].low in _CONJUNCTIONS]
            if joins:
                return joins[-1] + 1
            if toks[k].text[:1].isdigit():
                return k + 1
    return i


def _clausal(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` is a word no claimant's name holds: a figure, or part of
    an outcome ("were killed", "tewas") or a speech verb ("said", "mengatakan")."""
    if toks[k].text[:1].isdigit():
        return True
    for j in range(max(0, k - 3), k + 1):
        for table in (lex.outcomes, lex.equipment_outcomes, lex.active, lex.speech, lex.inverted):
            found = table.match(toks, j)
            if found is not None and found[1] > k:
                return True
    return False


def _score(toks: Sequence[Tok], first: int, after: int, sides: Sides, sentence_start: int) -> int:
    if first >= after:
        return -1
    if sides.lookup(" ".join(t.text for t in toks[first:after])) is not None:
        return 3
    if toks[first].text[:1].isupper():
        return 1 if first == sentence_start else 2
    return 0


def noun_phrase_before(
    toks: Sequence[Tok], verb: int, lex: Lexicon, sides: Sides, floor: int = 0
) -> tuple[int, int]:
    """The subject of the verb at token ``verb``: ``(first, after)``, empty when none.

    The clause before the verb, from the last comma; "X, Y, verb" picks the
    better name of X and its apposition Y (a known name, else a capitalised one).
    """
    end = verb
    if end > floor and toks[end - 1].low == ",":
        end -= 1
        first = _segment_back(toks, end, floor, lex)
        seg = _clean(toks, first, end, lex)
        if first > floor and toks[first - 1].low == ",":
            outer_first = _segment_back(toks, first - 1, floor, lex)
            outer = _clean(toks, outer_first, first - 1, lex)
            if _score(toks, *outer, sides, floor) > _score(toks, *seg, sides, floor):
                return outer
        return seg
    first = _segment_back(toks, end, floor, lex)
    first, after = _clean(toks, first, end, lex)
    if after > first and toks[after - 1].low in _CONJUNCTIONS:
        # "Azerbaijan does not disclose its losses but says ...": the clause's subject
        return first, _leading_name(toks, first, after - 1)
    return first, after


def _leading_name(toks: Sequence[Tok], first: int, after: int) -> int:
    """The end of the capitalised name that opens ``toks[first:after]``."""
    end = i = first
    while i < after:
        tok = toks[i]
        if tok.text[:1].isupper():
            end = i = i + 1
        elif tok.low in _NAME_JOINERS and end > first:
            i += 1
        else:
            break
    return end


def _phrase_after(toks: Sequence[Tok], first: int, lex: Lexicon) -> tuple[int, int]:
    stops = {"dalam", "kepada", "di", "pada", "saat", "ketika", "on", "in", "to", "at", "when"}
    i = first
    join: int | None = None
    while i < len(toks) and toks[i].low not in _CLAUSE_STOPS and toks[i].low not in stops:
        if toks[i].low in (".", "!", "?"):
            break
        if toks[i].low in _CONJUNCTIONS and join is None and i > first:
            join = i
        elif _clausal(toks, i, lex):
            # "kata Armenpress dan Azerbaijan mengatakan 3 ...": the name ends at the clause
            i = join if join is not None else i
            break
        i += 1
    return _clean(toks, first, i, lex)


def _judge(toks: Sequence[Tok], first: int, after: int, lex: Lexicon, position: int) -> Cue:
    if first >= after:
        return Cue(position, None, None, "no claimant named before the attribution verb")
    words = toks[first:after]
    text = " ".join(t.text for t in words)
    if len(words) == 1 and words[0].low in lex.pronouns:
        return Cue(position, None, None, f"claimant is a pronoun ({text!r}); not resolved")
    if words[-1].low in _DEMONSTRATIVES or words[0].low in _PLURAL_REFERENCES:
        return Cue(position, None, None, f"claimant refers back ({text!r}); not resolved")
    if len(words) > _MAX_CLAIMANT_WORDS or not any(t.text[:1].isalpha() for t in words):
        return Cue(position, None, None, f"claimant phrase not resolved ({text!r})")
    return Cue(position, toks[first].start, toks[after - 1].end)


def _closes(
    toks: Sequence[Tok],
    opening: int,
    end: int,
    lex: Lexicon,
    floor: int = 0,
    dates: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether the cue over ``toks[opening:end]`` is post-posed: it follows a clause
    (", kata X", ", X said") and its own clause ends with it, at the end of the
    sentence, a semicolon or a conjunction (", dan", ", while", "; five ...").

    A comma and another clause after it ("..., Armenpress said, five civilians were
    killed in Ganja, ...") end it too, when the clause before the cue (from
    ``floor``) reports a figure or an outcome: "Sementara itu, Armenpress
    mengatakan, 4 tewas" opens its clause.  A participle after the comma carries
    the cue on ("..., Armenpress said, citing officials, and ..."); one that
    reports a figure itself ("..., adding that 5 more were wounded", "..., with 5 others
    wounded") keeps it open, and so does a bare figure of others ("..., 5 others wounded").
    The digits of a date or a clock time (``dates`` are the sentence's date spans)
    are no figure: "On 5 October, Azerbaijan said, 5 civilians ..." opens its clause.
    """
    if opening == 0 or toks[opening - 1].low not in _CLAUSE_TAILS:
        return False
    n = len(toks)
    j = end
    while (
        j < n
        and j - end < _MAX_CUE_TAIL
        and toks[j].low not in _CLAUSE_STOPS
        and toks[j].low not in _SENTENCE_ENDS
        and toks[j].low not in _CLAUSE_OPENERS
        and not _clausal(toks, j, lex)
    ):
        j += 1
    if j < n and toks[j].low == ",":
        j += 1
        while j < n and toks[j].low in _CUE_CONTINUATIONS:
            k = j + 1
            while k < n and toks[k].low not in _SENTENCE_ENDS and toks[k].low != ",":
                if _clausal(toks, k, lex):
                    return False
                k += 1
            j = k + 1 if k < n and toks[k].low == "," else k
        if _more_of_the_same(toks, j, lex):
            return False
        if j < n and toks[j].low not in _SENTENCE_ENDS and toks[j].low not in _CLAUSE_OPENERS:
            return _reports(toks, floor, opening, lex, dates)
    return j >= n or toks[j].low in _SENTENCE_ENDS or toks[j].low in _CLAUSE_OPENERS


def _more_of_the_same(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """Whether the clause at ``toks[j]`` is a bare figure of others and its outcome, with no
    verb or noun of its own ("5 others wounded", "5 lainnya luka-luka"): it carries on the
    report before it."""
    if j >= len(toks) or not toks[j].text[:1].isdigit():
        return False
    others = lex.others.match(toks, j + 1)
    if others is None:
        return False
    outcome = lex.outcomes.match(toks, others[1]) or lex.equipment_outcomes.match(toks, others[1])
    if outcome is None:
        return False
    k = outcome[1]
    while k < len(toks) and toks[k].low != "," and toks[k].low not in _SENTENCE_ENDS:
        if _clausal(toks, k, lex):
            return False
        k += 1
    return True


def _reports(
    toks: Sequence[Tok],
    first: int,
    after: int,
    lex: Lexicon,
    dates: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether ``toks[first:after]`` hold a figure in digits or an outcome ("were killed");
    digits within ``dates`` or a clock time ("10:00") are no figure."""
    return any(_figure(toks, k, dates) for k in range(first, after)) or any(
        table.occurs(toks, first, after)
        for table in (lex.outcomes, lex.equipment_outcomes, lex.active, lex.equipment_active)
    )


def _figure(toks: Sequence[Tok], k: int, dates: Sequence[tuple[int, int]]) -> bool:
    """Whether ``toks[k]`` is a figure in digits: not part of a date or a clock time."""
    tok = toks[k]
    if not tok.text[:1].isdigit() or any(ds <= tok.start < de for ds, de in dates):
        return False
    return not any(
        a >= 0
        and b < len(toks)
        and toks[a].text.isdigit()
        and toks[a + 1].text in _CLOCK_MARKS
        and toks[b].text.isdigit()
        and toks[a].end == toks[a + 1].start
        and toks[a + 1].end == toks[b].start
        for a, b in ((k, k + 2), (k - 2, k))
    )


def _speech_noun(toks: Sequence[Tok], i: int, after: int, verb_end: int, lex: Lexicon) -> bool:
    """Whether the speech verb ``toks[i:after]`` is a noun: "Media reports said",
    "reports have said", "the United States claims" (the subject of the next verb),
    "confirmed reports that" (the object of the one before, which ended at
    ``verb_end``).  Of two such words the first is the verb when it is lower case:
    "Azerbaijan reports claims of ..."."""
    if toks[i].low not in _SPEECH_NOUNS:
        return False
    if verb_end == i:
        return True
    j = after
    while j < len(toks) and j - after < 2 and toks[j].low in _SPEECH_AUXILIARIES:
        j += 1
    if lex.speech.match(toks, j) is None:
        return False
    return toks[j].low not in _SPEECH_NOUNS or (i > 0 and toks[i].text[:1].isupper())


def _last(cues: Sequence[Cue]) -> int:
    """Where the last cue found stands (0 when none): the clause a later cue may close starts
    after it."""
    return cues[-1].position if cues else 0


def find_cues(
    toks: Sequence[Tok], lex: Lexicon, sides: Sides, dates: Sequence[tuple[int, int]] = ()
) -> list[Cue]:
    """The attribution cues of one sentence, in order; ``dates`` are the spans of its dates."""
    cues: list[Cue] = []
    i = 0
    n = len(toks)
    verb_end = -1  # the token after the last speech verb
    while i < n:
        found = lex.pronoun_speech.match(toks, i)
        if found is not None:
            closes = _closes(toks, i, found[1], lex, _last(cues), dates)
            named = [c for c in cues if c.named]
            if named:
                cues.append(attrs.evolve(named[-1], position=i, closes=closes))
            else:
                note = f"claimant is a pronoun ({toks[i].text!r}); not resolved"
                cues.append(Cue(i, None, None, note, closes=closes))
            i = found[1]
            continue
        found = lex.according.match(toks, i)
        if found is not None:
            first, after = _phrase_after(toks, found[1], lex)
            cue = _judge(toks, first, after, lex, i)
            closes = _closes(toks, i, max(after, found[1]), lex, _last(cues), dates)
            cues.append(attrs.evolve(cue, closes=closes))
            i = found[1]
            continue
        inverted = lex.inverted.match(toks, i)
        previous = toks[i - 1].low if i else ""
        if inverted is not None and (lex.lang == "id" or previous in {",", '"', "”", "’", "'"}):
            nxt = toks[inverted[1]] if inverted[1] < n else None
            if nxt is not None and nxt.text[:1].isalpha():
                first, after = _phrase_after(toks, inverted[1], lex)
                cue = _judge(toks, first, after, lex, i)
                closes = _closes(toks, i, max(after, inverted[1]), lex, _last(cues), dates)
                cues.append(attrs.evolve(cue, closes=closes))
                i = inverted[1]
                continue
            if lex.lang == "id":
                i = inverted[1]
                continue
        found = lex.speech.match(toks, i)
        if found is not None and (
            _negated(toks, i, lex) or _speech_noun(toks, i, found[1], verb_end, lex)
        ):
            # "Armenia did not say how many died": its subject claims no figure;
            # "Media reports said": one cue, at "said"
            i = found[1]
            continue
        if found is not None:
            first, after = noun_phrase_before(toks, i, lex, sides)
            cue = _judge(toks, first, after, lex, i)
            closes = _closes(toks, first if first < after else i, found[1], lex, _last(cues), dates)
            cues.append(attrs.evolve(cue, closes=closes))
            i = verb_end = found[1]
            continue
        i += 1
    return cues


def pick_cue(cues: Sequence[Cue], position: int) -> Cue | None:
    """The cue a figure at token ``position`` takes: the nearest before it, else after it.

    A post-posed cue closing an earlier clause does not reach a figure whose own
    clause ends in a post-posed cue: "4 tewas di Stepanakert, kata Armenpress, dan
    5 tewas di Ganja, kata Azerbaijan" gives the 5 to Azerbaijan.
    """
    before = [c for c in cues if c.position <= position]
    after = [c for c in cues if c.position > position]
    if before and not (before[-1].closes and after and after[0].closes):
        return before[-1]
    return after[0] if after else None


# -- the chain --------------------------------------------------------------

_NAME = r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|de|al))*?)"
_SOURCE_LINE = re.compile(rf"^\s*(?:Sumber|Source|Sumber berita)\s*:?\s+{_NAME}\s*$", re.MULTILINE)
_DATELINE_WIRE = re.compile(r"\((?P<name>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)\)\s*[-–—]")
_INLINE_WIRE = re.compile(
    r"(?i:dilansir\s+dari|dilansir|dikutip\s+dari|mengutip|seperti\s+dilaporkan|dilaporkan|"
    r"reported\s+by|quoted\s+by)\s+"
    + _NAME
    + r"(?=\s*[,.;)]|\s+(?:pada|on|dalam|yang|that)\b|\s*$)",
)
_TOLD = re.compile(r"(?i:kepada|told|to)\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)?)")
_DOMAIN = re.compile(
    r"(?<![\w@/.])(?P<name>[A-Za-z][\w-]*\.(?:co\.id|co\.uk|com|id|net|org|news|tv))(?![\w.])"
)
_DATELINE_OUTLET = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]*,\s*"
    r"(?P<name>[A-Za-z][\w-]*\.(?:co\.id|co\.uk|com|id|net|org))\s*[-–—]",
    re.MULTILINE,
)
_SOCIAL = frozenset(
    {
        "whatsapp.com",
        "facebook.com",
        "twitter.com",
        "instagram.com",
        "youtube.com",
        "tiktok.com",
        "google.com",
        "x.com",
        "t.me",
        "wa.me",
        "linkedin.com",
        "line.me",
    }
)
_WIRE_NAMES = frozenset(normalize_name(n) for group in WIRES for n in group)


def _trim_name(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in {"of", "de", "al"}:
        words.pop()
    return " ".join(words).rstrip(".,")


def _canonical(name: str, sides: Sides) -> str:
    found = sides.lookup(name)
    return found[1] if found is not None else name


def find_wire(text: str, blocks: Sequence[Block], sides: Sides) -> tuple[str, int, int] | None:
    """The wire or source agency the article names: ``(name, start, end)``, or None."""
    readable = [b for b in blocks if b.kind in ("prose", "headline")]
    candidates: list[tuple[int, int, str, int, int]] = []
    for block in readable:
        chunk = text[block.start : block.end]
        for rank, pattern in enumerate((_SOURCE_LINE, _DATELINE_WIRE, _INLINE_WIRE)):
            for m in pattern.finditer(chunk):
                name = _trim_name(m.group("name"))
                if not name or (
                    pattern is _DATELINE_WIRE and normalize_name(name) not in _WIRE_NAMES
                ):
                    continue
                start = block.start + m.start("name")
                candidates.append((rank, start, name, start, start + len(name)))
        for m in _TOLD.finditer(chunk):
            name = _trim_name(m.group("name"))
            if normalize_name(name) in _WIRE_NAMES:
                start = block.start + m.start("name")
                candidates.append((3, start, name, start, start + len(name)))
    if not candidates:
        return None
    _, _, name, start, end = min(candidates)
    return _canonical(name, sides), start, end


def find_outlet(
    text: str, header_prefix: str | None, blocks: Sequence[Block], sides: Sides
) -> str | None:
    """The outlet that published the page, if the page names it."""
    if header_prefix is not None:
        prefix = header_prefix.split("|")[0].strip()
        known = sides.lookup(prefix)
        if _DOMAIN.fullmatch(prefix) or (known is not None and known[0] == THIRD_PARTY):
            return _canonical(prefix, sides)
    m = _DATELINE_OUTLET.search(text)
    if m is not None:
        return _canonical(m.group("name"), sides)
    domains = Counter[str]()
    first_seen: dict[str, int] = {}
    for block in blocks:
        for d in _DOMAIN.finditer(text, block.start, block.end):
            key = d.group("name").lower()
            if key in _SOCIAL:
                continue
            domains[key] += 1
            first_seen.setdefault(key, d.start())
    if not domains:
        return None
    best = max(domains, key=lambda k: (domains[k], -first_seen[k]))
    return _canonical(text[first_seen[best] : first_seen[best] + len(best)], sides)
