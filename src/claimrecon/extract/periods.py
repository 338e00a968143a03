"""When a figure holds: its as-of date, where a running total starts, its kind.

For a figure in a sentence, in this order:

* a "since" date ("sejak Minggu (27/9/2020)", "since September 27"), or a
  date the sentence says the fighting began on, starts a running total;
* "sejak pertempuran dimulai" / "since the fighting began" takes the start
  the article states elsewhere (:func:`war_start`), or leaves it unknown;
* another date in the sentence makes the figure an incident on that day (the
  nearest date of the figure's own clause, else the nearest in the sentence) —
  unless the sentence says "so far" ("hingga saat ini"), a running total;
* a date attached to the attribution ("said on Tuesday") is the as-of date of
  a running total;
* "Insiden tersebut" / "the attack" takes the previous sentence's date;
* an undated incident (an attack, or an equipment loss) has no as-of date;
* otherwise the figure is a running total as of the local publication date,
  starting where the article says the fighting began.

A figure in a sentence that names a year before the war's
(:meth:`Periods.earlier_year`) is no claim of this war: the pipeline leaves
it out with a warning rather than give it this war's running total.

Every choice that is not read directly from the sentence is noted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from claimrecon.claim import Kind, Period, Precision
from claimrecon.extract.attribution import Cue
from claimrecon.extract.dates import DateMention
from claimrecon.extract.figures import Mention
from claimrecon.extract.lexicon import Lexicon
from claimrecon.extract.sentences import Sentence

__all__ = ["Periods", "war_start"]

SINCE_WAR = {
    "id": re.compile(
        r"\b(?:sejak|setelah|semenjak)\s+(?:awal\s+)?(?:pertempuran|perang|bentrokan|konflik|"
        r"permusuhan|pertikaian)(?:\s+[\w-]+){0,2}?\s+(?:dimulai|pecah|meletus|berkobar|"
        r"berlangsung)\b|\bsejak\s+awal\s+(?:pertempuran|perang|konflik|bentrokan)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\bsince\s+(?:the\s+)?(?:fighting|war|clashes|hostilities|conflict|offensive)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:began|broke\s+out|erupted|started|flared)\b|\bsince\s+the\s+"
        r"(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?(?:fighting|war|clashes|hostilities|"
        r"conflict)\b",
        re.IGNORECASE,
    ),
}
#: a year, or a decade ("1990s", "1990-an"), as one token
_YEAR_TOKEN = re.compile(r"(1[89]\d\d|20\d\d)(?:s|-an|an)?")
_ANY_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
#: words before a year that compare with it rather than date the figure ("since 1994")
_COMPARED = frozenset({"sejak", "semenjak", "since"})
_SINCE_BEFORE = re.compile(
    r"(?:sejak|semenjak|since)\s+(?:(?:hari|pada|tanggal|on|the)\s+)?$", re.IGNORECASE
)


def _is_since(text: str, sentence: Sentence, mention: DateMention) -> bool:
    start = max(sentence.start, mention.start - 30)
    return _SINCE_BEFORE.search(text, start, mention.start) is not None


def war_start(text: str, sentences: Sequence[Sentence], lex: Lexicon) -> date | None:
    """The day the article says the fighting began, if it says so.

    The first day-precise date of a prose sentence that names the fighting and
    a start verb ("Pertempuran ... dimulai pada Minggu (27/9/2020)", "fighting
    broke out on September 27"), or that follows "sejak"/"since" in a sentence
    about the fighting or its casualties.
    """
    for s in sentences:
        if s.kind != "prose" or not s.dates:
            continue
        war = lex.wars.occurs(s.toks)
        started = war and lex.starts.occurs(s.toks)
        casualties = lex.outcomes.occurs(s.toks) or lex.active.occurs(s.toks)
        for d in s.dates:
            if d.day is None or d.precision is not Precision.DAY:
                continue
            if started or (_is_since(text, s, d) and (war or casualties)):
                return d.day
    return None


class Periods:
    """The periods of one article's figures (see the module docstring)."""

    def __init__(self, text: str, lex: Lexicon, local: date | None, start: date | None) -> None:
        self.text = text
        self.lex = lex
        self.local = local
        self.war_start = start

    def of(
        self,
        s: Sentence,
        m: Mention,
        cue: Cue | None,
        previous: Sentence | None,
        notes: list[str],
        clause: tuple[int, int] | None = None,
    ) -> Period:
        """The period of figure ``m`` of sentence ``s``.

        ``clause`` bounds the tokens of the figure's own clause: a date there is
        its incident's before any nearer one outside it ("4 killed in Stepanakert
        on Monday, and 5 in Martuni on Tuesday": the 5 is Tuesday's).
        """
        text, lex = self.text, self.lex
        report: DateMention | None = None
        since: DateMention | None = None
        events: list[tuple[int, DateMention]] = []
        own: list[tuple[int, DateMention]] = []
        started = lex.wars.occurs(s.toks) and lex.starts.occurs(s.toks)
        for d, k in zip(s.dates, s.date_toks, strict=True):
            if (
                cue is not None
                and cue.named
                and (cue.position < k <= cue.position + 4 or k < cue.position < m.q_first)
            ):
                report = d
            elif _is_since(text, s, d) or (started and d.day is not None):
                since = d if since is None else since
            else:
                events.append((abs(k - m.q_first), d))
                if clause is not None and clause[0] <= k < clause[1]:
                    own.append(events[-1])
        if own:
            events = own
        for mention in (report, since, *(e[1] for e in events)):
            if mention is not None:
                self.date_notes(mention, notes)
        cumulative = lex.cumulative.occurs(s.toks)
        as_of = self.local if report is None else report.day
        precision = Precision.DAY if report is None else report.precision
        if since is not None:
            return self._cumulative(since.day, as_of, precision, notes, stated=since.text)
        if SINCE_WAR[lex.lang].search(text, s.start, s.end):
            return self._cumulative(self.war_start, as_of, precision, notes, war=True)
        if events and not cumulative:
            day = min(events, key=lambda e: e[0])[1]
            if day.day is None:
                notes.append(f"the date {day.text!r} could not be resolved")
            on = self._as_of(day.day, notes)
            return Period(as_of=on, start=on, kind=Kind.INCIDENT, precision=day.precision)
        if cumulative:
            return self._cumulative(self.war_start, as_of, precision, notes, war=True)
        reference = next(iter(lex.anaphora.find(s.toks, 0, 3)), None)
        if reference is not None and previous is not None:
            dated = [d for d in previous.dates if d.day is not None]
            if dated:
                on = self._as_of(dated[-1].day, notes)
                phrase = " ".join(t.text for t in s.toks[reference[0] : reference[1]])
                notes.append(f"date taken from the previous sentence ({phrase!r} refers to it)")
                self.date_notes(dated[-1], notes)
                return Period(as_of=on, start=on, kind=Kind.INCIDENT, precision=dated[-1].precision)
        if m.equipment or lex.incidents.occurs(s.toks, m.span_first):
            notes.append("an incident the text does not date: as_of unknown (not guessed)")
            return Period(as_of=None, start=None, kind=Kind.INCIDENT)
        return self._cumulative(self.war_start, as_of, precision, notes, war=True, implied=True)

    def earlier_year(self, s: Sentence) -> int | None:
        """A year the sentence names before the year the article's war began, if any.

        "In 1994, 30,000 people died", "the war in the early 1990s", "Perang
        1988-1994": a figure in such a sentence belongs to an earlier war, not to
        the running total of this one.  The reference year is the year the
        article says the fighting began, else the publication year; a year
        after "since"/"sejak" ("the worst fighting since 1994") is a comparison
        and does not count.  None when there is no reference year.
        """
        reference = self.war_start or self.local
        if reference is None or _ANY_YEAR.search(self.text, s.start, s.end) is None:
            return None
        since = [(d.start, d.end) for d in s.dates if _is_since(self.text, s, d)]
        toks = s.toks
        for k, tok in enumerate(toks):
            if len(tok.text) < 4 or tok.text[0] not in "12":
                continue
            found = _YEAR_TOKEN.fullmatch(tok.text)
            if found is None or int(found.group(1)) >= reference.year:
                continue
            if any(t.low in _COMPARED for t in toks[max(0, k - 2) : k]):
                continue
            if any(a <= tok.start < b for a, b in since):
                continue
            return int(found.group(1))
        return None

    def headline(self, notes: list[str]) -> Period:
        """A related headline's period: as of the listing article's publication, at the latest."""
        if self.local is None:
            notes.append("publication date unknown: as_of left unknown")
        else:
            notes.append("as_of is the latest possible date (publication of the listing article)")
        return Period(as_of=self.local, start=None, kind=Kind.CUMULATIVE)

    def date_notes(self, d: DateMention, notes: list[str]) -> None:
        """Notes on how a date was resolved, and whether its weekday matches."""
        if d.mismatch:
            notes.append(d.mismatch)
        if d.resolved == "weekday" and d.day is not None and self.local is not None:
            notes.append(
                f"{d.text!r} resolved against the publication date "
                f"({self.local.isoformat()}) to {d.day.isoformat()}"
            )
        elif d.resolved == "relative" and d.day is not None:
            notes.append(f"{d.text!r} resolved against the publication date to {d.day.isoformat()}")
        elif d.needs_publication:
            notes.append(f"{d.text!r} needs the publication date, which is unknown")

    def _as_of(self, day: date | None, notes: list[str]) -> date | None:
        if day is not None and self.local is not None and day > self.local:
            notes.append(f"date {day.isoformat()} is after publication; as_of left unknown")
            return None
        return day

    def _cumulative(
        self,
        start: date | None,
        as_of: date | None,
        precision: Precision,
        notes: list[str],
        *,
        stated: str | None = None,
        war: bool = False,
        implied: bool = False,
    ) -> Period:
        if as_of is None:
            notes.append("publication date unknown: as_of left unknown")
        elif as_of == self.local:
            notes.append(
                "as_of is the publication date (local): a running total with no date of its own"
            )
        as_of = self._as_of(as_of, notes)
        if war:
            if start is not None:
                how = "taken from" if implied else "since the fighting began; dated by"
                notes.append(
                    f"period_start {how} the article's statement that the fighting began "
                    f"on {start.isoformat()}"
                )
            elif not implied:
                notes.append("since the fighting began: the article does not date the start")
        elif stated is not None and start is None:
            notes.append(f"the start {stated!r} could not be resolved")
        if start is not None and as_of is not None and start > as_of:
            notes.append(f"start {start.isoformat()} is after as_of; left unknown")
            start = None
        return Period(as_of=as_of, start=start, kind=Kind.CUMULATIVE, precision=precision)
