"""From a page of text to claims: the steps of :func:`claimrecon.extract.extract`.

1. :func:`~claimrecon.extract.furniture.layout` sorts the page's lines into
   prose, related-article headlines, other headlines and furniture;
2. the header gives the publication moment and (often) the outlet; the page
   names its wire ("Sumber AFP", "dilansir dari ...");
3. prose is split into sentences; each sentence's dates are found and resolved
   against the publication date, and the article's start of the fighting is
   taken from a sentence that dates it ("Pertempuran ... dimulai pada Minggu
   (27/9/2020)", "fighting broke out on September 27");
4. each sentence's figures (:func:`~claimrecon.extract.figures.read_figures`)
   get a claimant (:func:`~claimrecon.extract.attribution.find_cues`), a side
   (the noun's own, "musuh" as the claimant's opponent, the victims of an
   attacker's strike, the claimant's own side for civilian, military and
   equipment figures, "all" for an unattributed running total), a period and a
   place;
5. a figure in a sentence that names a year before the war's is left out (it
   counts an earlier war, see :meth:`~claimrecon.extract.periods.Periods.earlier_year`);
   a figure in a denial is not claimed, unless the denial names whose claim
   it denies (then that claimant's claim is ``disputed``); a denial that
   refers back to the claim, later in the same sentence ("X claimed 30 ...,
   but Y denied it") or in the next one ("Turki menolak tuduhan itu"), marks
   the claim disputed.

Whatever is not resolved stays unknown and the claim's note says so; no
claimant, date or side is invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

import attrs

from claimrecon.claim import UNKNOWN, Category, Claim, Evidence, Hop, Status, Subject
from claimrecon.errors import ClaimReconError
from claimrecon.extract.attribution import (
    Cue,
    Sides,
    find_cues,
    find_outlet,
    find_wire,
    noun_phrase_before,
    pick_cue,
)
from claimrecon.extract.dates import DateFinder, find_header
from claimrecon.extract.figures import Mention, figure_of, read_figures
from claimrecon.extract.furniture import layout
from claimrecon.extract.lexicon import lexicon
from claimrecon.extract.periods import Periods, war_start
from claimrecon.extract.sentences import Sentence, read_sentences
from claimrecon.extract.subjects import SideReader
from claimrecon.extract.tokens import Tok, tokenize
from claimrecon.figure import QualifierTable
from claimrecon.sides import SideRegistry

__all__ = ["Extraction", "run"]

_REFERENCES = frozenset(
    {"itu", "tersebut", "ini", "the", "this", "these", "that", "those", "such", "it", "them"}
)
#: what ends the claim's clause before a denial of it in the same sentence
_DENIAL_BREAKS = frozenset({",", ";", "—", "–", "but", "however", "tetapi", "namun", "tapi"})


@attrs.frozen
class Extraction:
    """What one run of the extractor found: claims, warnings, and the page's metadata.

    ``published``, ``outlet`` and ``wire`` are what the claims carry: as
    given by the caller, else as found on the page (``found`` says which were
    found).  ``furniture`` lists the spans of the page's furniture.
    """

    claims: tuple[Claim, ...]
    warnings: tuple[str, ...]
    published: date | None
    outlet: str | None
    wire: str | None
    document: str | None
    found: tuple[str, ...] = ()
    furniture: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Draft:
    sentence: int
    fields: dict[str, Any]
    notes: list[str]


def _local(moment: date | None) -> date | None:
    return moment.date() if isinstance(moment, datetime) else moment


class _Run:
    """One extraction: the page's context, and the steps over its sentences."""

    def __init__(
        self,
        text: str,
        lang: str,
        published: date | None,
        outlet: str | None,
        *,
        document: str | None,
        wire: str | None,
        registry: SideRegistry,
        table: QualifierTable,
        timezone: str,
    ) -> None:
        self.text = text
        self.lang = lang
        self.lex = lexicon(lang)
        self.sides = Sides(registry, self.lex)
        self.table = table
        self.document = document
        self.warnings: list[str] = []
        self.found: list[str] = []
        self.blocks = layout(text)
        header = find_header(text, lang, timezone=timezone)
        if published is None and header is not None:
            published = header.published
            self.found.append("published")
            if header.mismatch:
                self.warnings.append(header.mismatch)
        self.published = published
        self.local = _local(published)
        if outlet is None:
            outlet = find_outlet(text, header.prefix if header else None, self.blocks, self.sides)
            if outlet is not None:
                self.found.append("outlet")
        if wire is None:
            found_wire = find_wire(text, self.blocks, self.sides)
            if found_wire is not None:
                wire = found_wire[0]
                self.found.append("wire")
        self.outlet, self.wire = outlet, wire
        hops: list[Hop] = []
        if outlet is not None:
            hops.append(Hop(outlet, published))
        if wire is not None and wire != outlet:
            hops.append(Hop(wire))
        self.chain = tuple(hops)
        self.finder = DateFinder(lang, published, timezone)
        self.reader = SideReader(self.lex, self.sides)
        #: the last figure of the current sentence and the side the sentence gave it
        self._prior: tuple[Mention, str] | None = None

    # -- the run ------------------------------------------------------------

    def claims(self) -> list[Claim]:
        sentences = read_sentences(self.text, self.blocks, self.lang, self.finder)
        start = war_start(self.text, sentences, self.lex)
        self.periods = Periods(self.text, self.lex, self.local, start)
        drafts: list[_Draft] = []
        previous: Sentence | None = None
        for index, sentence in enumerate(sentences):
            for d in sentence.dates:
                if d.mismatch and sentence.kind == "prose":
                    self.warnings.append(d.mismatch)
            if sentence.kind == "related":
                drafts.extend(self._related(index, sentence))
                continue
            made = self._sentence(index, sentence, previous)
            if not made:
                self._dispute_previous(sentence, drafts, index)
            drafts.extend(made)
            previous = sentence
        return self._build(drafts)

    def _build(self, drafts: Sequence[_Draft]) -> list[Claim]:
        stem = PurePath(self.document).stem if self.document else "text"
        claims: list[Claim] = []
        for draft in drafts:
            claim_id = f"{stem or 'text'}-{len(claims) + 1:02d}"
            notes = list(dict.fromkeys(n for n in draft.notes if n))
            fields = dict(draft.fields)
            fields["note"] = "; ".join(notes) if notes else None
            try:
                claims.append(Claim(id=claim_id, **fields))
            except ClaimReconError as err:
                self.warnings.append(f"figure at {fields['evidence'].span} not kept: {err}")
        return claims

    # -- one sentence -------------------------------------------------------

    def _mentions(self, sentence: Sentence) -> list[Mention]:
        return read_figures(
            self.text,
            sentence.toks,
            sentence.counts,
            [(d.start, d.end) for d in sentence.dates],
            self.lex,
            self.sides,
            self.table,
        )

    def _sentence(self, index: int, s: Sentence, previous: Sentence | None) -> list[_Draft]:
        mentions = self._mentions(s)
        if not mentions:
            return []
        cues = find_cues(s.toks, self.lex, self.sides, [(d.start, d.end) for d in s.dates])
        denial = next(iter(self.lex.denials.find(s.toks)), None)
        drafts: list[_Draft] = []
        self._prior = None
        earlier = self.periods.earlier_year(s)
        for m, clause in zip(mentions, _clauses(s, mentions, cues), strict=True):
            evidence = self._span(s, m)
            if earlier is not None:
                self.warnings.append(
                    f"figure of an earlier war (the sentence names {earlier}) not extracted: "
                    f"{evidence[2]!r}"
                )
                continue
            if m.negated:
                self.warnings.append(f"figure under a negation not extracted: {evidence[2]!r}")
                continue
            cue = pick_cue(cues, m.q_first)
            status: dict[str, Any] = {}
            if denial is not None:
                disputed = self._denied_after(s, m, denial, cue) or self._denied(s, m, denial, cue)
                if disputed is None:
                    self.warnings.append(f"figure in a denial not extracted: {evidence[2]!r}")
                    continue
                cue, status = disputed
            drafts.append(self._draft(index, s, m, cue, evidence, status, previous, clause=clause))
        return drafts

    def _span(self, s: Sentence, m: Mention) -> tuple[int, int, str]:
        start = s.toks[m.span_first].start
        end = s.toks[m.span_last - 1].end
        return start, end, self.text[start:end]

    def _denied(
        self, s: Sentence, m: Mention, denial: tuple[int, int, bool], cue: Cue | None
    ) -> tuple[Cue | None, dict[str, Any]] | None:
        first, after, _ = denial
        claim = self.lex.denied_claims.match(s.toks, after)
        if claim is None or after > m.q_first:
            return None
        name = self._name_at(s.toks, claim[1])
        if name is None:
            return None
        denier_first, denier_after = noun_phrase_before(s.toks, first, self.lex, self.sides)
        if denier_first >= denier_after:
            if cue is None or not cue.named or cue.start is None or cue.end is None:
                return None
            denier = self.text[cue.start : cue.end]
        else:
            denier = " ".join(t.text for t in s.toks[denier_first:denier_after])
        denier_name, _ = self.sides.resolve(denier, tokenize(denier))
        author = Cue(claim[1], s.toks[name[0]].start, s.toks[name[1] - 1].end)
        return author, {"status": Status.DISPUTED, "disputed_by": (denier_name,)}

    def _denied_after(
        self, s: Sentence, m: Mention, denial: tuple[int, int, bool], cue: Cue | None
    ) -> tuple[Cue | None, dict[str, Any]] | None:
        """ "X claimed 30 ..., but Y denied it": X's claim, disputed by Y."""
        first, after, _ = denial
        if first < m.span_last or cue is None or not cue.named or cue.position > m.q_first:
            return None
        if not any(t.low in _DENIAL_BREAKS for t in s.toks[m.span_last : first]):
            return None
        if not _refers_back(s.toks, first, after):
            return None
        d_first, d_after = noun_phrase_before(s.toks, first, self.lex, self.sides)
        if d_first >= d_after:
            return None
        phrase = " ".join(t.text for t in s.toks[d_first:d_after])
        denier, _ = self.sides.resolve(phrase, s.toks[d_first:d_after])
        return cue, {"status": Status.DISPUTED, "disputed_by": (denier,)}

    def _name_at(self, toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
        known = self.sides.at(toks, i) if i < len(toks) else None
        if known is not None:
            return i, known[2]
        j = i
        while j < len(toks) and toks[j].text[:1].isupper():
            j += 1
        return (i, j) if j > i else None

    def _dispute_previous(self, s: Sentence, drafts: list[_Draft], index: int) -> None:
        """ "Turki menolak tuduhan itu": the previous sentence's claims are disputed."""
        denial = next(iter(self.lex.denials.find(s.toks)), None)
        if denial is None or not drafts or drafts[-1].sentence != index - 1:
            return
        first, after, _ = denial
        if not _refers_back(s.toks, first, after):
            return
        d_first, d_after = noun_phrase_before(s.toks, first, self.lex, self.sides)
        if d_first >= d_after:
            return
        phrase = " ".join(t.text for t in s.toks[d_first:d_after])
        denier, _ = self.sides.resolve(phrase, s.toks[d_first:d_after])
        for draft in drafts:
            if draft.sentence == index - 1 and draft.fields.get("status") is not Status.DISPUTED:
                draft.fields["status"] = Status.DISPUTED
                draft.fields["disputed_by"] = (denier,)
                draft.notes.append(
                    f"{denier} rejects the accusation in the next sentence (it may concern "
                    "another part of the sentence than the figure)"
                )

    def _draft(
        self,
        index: int,
        s: Sentence,
        m: Mention,
        cue: Cue | None,
        evidence: tuple[int, int, str],
        status: dict[str, Any],
        previous: Sentence | None,
        *,
        related: bool = False,
        clause: tuple[int, int] | None = None,
    ) -> _Draft:
        notes: list[str] = []
        if related:
            notes.append("related-article headline")
        notes.extend(m.notes)
        figure, figure_note = figure_of(m, self.lang, self.table)
        notes.append(figure_note or "")
        claimant, claimant_side = self._claimant(cue, notes)
        start, end, _ = evidence
        prior = None if related else self._prior
        side, attacker_end = self.reader.side(s, m, cue, claimant_side, notes, prior)
        self._prior = None if side is None or side == UNKNOWN else (m, side)
        if attacker_end is not None and attacker_end > end:
            end = attacker_end
        period = (
            self.periods.headline(notes)
            if related
            else self.periods.of(s, m, cue, previous, notes, clause)
        )
        if side is None:
            side = self.reader.default(m, cue, claimant_side, period, notes, disputed=bool(status))
        category = m.category or Category.UNSPECIFIED
        assert m.outcome is not None
        subject = Subject(side, category, m.outcome, self.reader.location(s, m, clause))
        fields: dict[str, Any] = {
            "figure": figure,
            "subject": subject,
            "period": period,
            "claimant": claimant,
            "claimant_side": claimant_side,
            "chain": self.chain,
            "published": self.published,
            "evidence": Evidence(self.document, start, end, self.text[start:end]),
            **status,
        }
        return _Draft(index, fields, notes)

    # -- claimant ------------------------------------------------------------

    def _claimant(self, cue: Cue | None, notes: list[str]) -> tuple[str | None, str]:
        if cue is None:
            notes.append("no claimant named; the outlet or wire is the source")
            return None, UNKNOWN
        if not cue.named or cue.start is None or cue.end is None:
            notes.append(cue.note or "claimant not resolved")
            return None, UNKNOWN
        phrase = self.text[cue.start : cue.end]
        name, side = self.sides.resolve(phrase, tokenize(phrase))
        return name, side

    # -- related-article headlines ------------------------------------------

    def _related(self, index: int, s: Sentence) -> list[_Draft]:
        mentions = [m for m in self._mentions(s) if not m.negated]
        if not mentions:
            return []
        named = {side for side, _, _, _ in self.sides.within(s.toks, 0, len(s.toks))}
        prose = [b for b in self.blocks if b.kind == "prose"]
        same_war = any(
            self.sides.named_in(self.text, b.start, b.end, side)
            for side in named & self.sides.belligerents
            for b in prose
        )
        if not same_war:
            return []
        if next(iter(self.lex.denials.find(s.toks)), None) is not None:
            return []
        if self.periods.earlier_year(s) is not None:
            return []
        cues = find_cues(s.toks, self.lex, self.sides, [(d.start, d.end) for d in s.dates])
        drafts = []
        for m in mentions:
            evidence = self._span(s, m)
            cue = pick_cue(cues, m.q_first)
            drafts.append(self._draft(index, s, m, cue, evidence, {}, None, related=True))
        return drafts


def _clauses(
    s: Sentence, mentions: Sequence[Mention], cues: Sequence[Cue]
) -> list[tuple[int, int]]:
    """The tokens each figure's place is looked for in: ``(first, after)``.

    An attribution between two figures starts another claim's clause: "Azerbaijan
    said 12 civilians were killed in Baku and Armenia said 3 civilians were
    killed" places the 12 in Baku, and not the 3.  The clause starts at the
    claimant's name ("Armenia"), or at the verb when the name follows it.  A
    figure that lists its own place ("and 2 in Martuni") ends the clause of the
    figure before it: its place is not that figure's, and its own clause starts at
    it ("on Monday, and 5 in Martuni on Tuesday": Tuesday is the 5's date).
    """
    index = {t.start: k for k, t in enumerate(s.toks)}
    n = len(s.toks)
    marks: list[tuple[int, int]] = []  # (position, where the clause starts)
    for c in cues:
        name = index.get(c.start) if c.start is not None else None
        marks.append((c.position, c.position if name is None else min(name, c.position)))
    out: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        first, after = 0, n
        if i > 0:
            lo = mentions[i - 1].span_last
            starts = [b for p, b in marks if lo <= p < m.span_first and b >= lo]
            if starts:
                first = max(starts)
            if m.via == "gapped":
                first = max(first, m.span_first)
        if i + 1 < len(mentions):
            hi = mentions[i + 1].span_first
            starts = [b for p, b in marks if m.span_last <= p < hi and b >= m.span_last]
            if starts:
                after = min(starts)
            if mentions[i + 1].via == "gapped":
                # "5 soldiers were killed and 2 in Martuni": the place after the next
                # figure is that figure's own, not this one's
                after = min(after, max(hi, m.span_last))
        out.append((first, after))
    return out


def _refers_back(toks: Sequence[Tok], first: int, after: int) -> bool:
    """Whether a denial points at a claim made before it ("denied it", "membantahnya")."""
    return toks[after - 1].low.endswith("nya") or any(
        t.low in _REFERENCES for t in toks[after : after + 3]
    )


def run(
    text: str,
    lang: str,
    published: date | None,
    outlet: str | None,
    *,
    document: str | None,
    wire: str | None,
    registry: SideRegistry,
    table: QualifierTable,
    timezone: str,
) -> Extraction:
    """One extraction over ``text`` (see :func:`claimrecon.extract.extract`)."""
    work = _Run(
        text,
        lang,
        published,
        outlet,
        document=document,
        wire=wire,
        registry=registry,
        table=table,
        timezone=timezone,
    )
    claims = work.claims()
    return Extraction(
        claims=tuple(claims),
        warnings=tuple(dict.fromkeys(work.warnings)),
        published=work.published,
        outlet=work.outlet,
        wire=work.wire,
        document=document,
        found=tuple(work.found),
        furniture=tuple((b.start, b.end) for b in work.blocks if b.kind == "furniture"),
    )
