"""Whose losses a figure counts (its side) and where (its place).

The side of a figure, in this order:

1. a side name beside the counted noun ("warga sipil Azeri", "Armenian
   soldiers", "Tentara Armenia");
2. "musuh"/"enemy": the claimant's opponent;
3. the agent of an active verb ("Militer Azerbaijan menghancurkan 5 tank",
   "its forces downed three drones", "it shot down ... and destroyed two
   tanks"): what a side kills or destroys is its opponent's;
4. an attacker named beside the figure ("tewas dalam serangan udara
   Azerbaijan", "an Azerbaijani strike killed"): the victims are its opponent's;
   then the side of the figure before it in the same clause, when this one is
   coordinated after it ("100 Azerbaijani troops were killed and 5 tanks
   destroyed": the tanks are Azerbaijan's too);
5. the claimant's own side, for civilian, military and equipment figures (a
   side reporting its own losses) — never for a figure someone denies;
6. "all" for an unattributed running total that no side is named for;
7. otherwise unknown.

Steps 3 to 6 are inferences, and each claim's note says which was made.  The
place is the first "di"/"in" phrase of the sentence (of the figure's clause,
when another claimant's clause shares the sentence) that names a town or region
other than a party to the war; a name the side registry knows as a party's
voice ("Stepanakert") is a place when written as one: after a kind of town
("di kota Stepanakert"), or alone when the registry declares it a place
(:meth:`~claimrecon.sides.SideRegistry.is_place`: "killed in Stepanakert").

A name written as a place is neither agent nor attacker, nor does it end the
clause of step 4: "tewas dalam serangan di Stepanakert" and "killed in
Stepanakert shelling" name no attacker, so the victims' side falls to steps 5
to 7.  Nor is the target of an attack ("serangan terhadap Stepanakert",
"Azerbaijani shelling of Stepanakert"), whose attacker is the one named with
the attack noun: before the target ("Serangan Azerbaijan terhadap
Stepanakert", "Azerbaijani shelling of Stepanakert") or after it with
"oleh"/"by" ("serangan terhadap Stepanakert oleh Azerbaijan", "an attack on
Stepanakert by Azerbaijan").  A target may stand behind common nouns
("Serangan Armenia terhadap posisi Azerbaijan", "an attack on the positions of
Azerbaijan", "shelling of the villages of Azerbaijan"): still the target.  A
town the registry declares a place, right beside the attack noun
("Stepanakert shelling", "pengeboman Stepanakert"), is where the attack fell,
not who made it, unless the attack has a target of its own ("Baku shelling
of Stepanakert").  A possessive is no place: "killed in Yerevan's shelling"
names the attacker; but a possessive town before a site ("killed in
Stepanakert's central market") places the figure in the town, as a site
before it does ("di pasar Stepanakert", "in the centre of Stepanakert").
Forces no side is named for, placed in a town that speaks for a side
("Tentara di Stepanakert membunuh", "forces in Baku downed"), are that side's;
a side named for them ("Pasukan Armenia di Stepanakert") comes first, and a
region ("di wilayah Nagorno-Karabakh") is no such town.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimrecon.claim import ALL_SIDES, THIRD_PARTY, UNKNOWN, Category, Kind, Period
from claimrecon.extract.attribution import Cue, Sides
from claimrecon.extract.dates import calendar_words
from claimrecon.extract.figures import Mention
from claimrecon.extract.lexicon import Lexicon
from claimrecon.extract.sentences import Sentence
from claimrecon.extract.tokens import Tok

__all__ = ["SideReader"]

_AGENT_SKIP = frozenset(
    {
        "telah",
        "sudah",
        "berhasil",
        "juga",
        "have",
        "has",
        "had",
        "to",
        "also",
        "reportedly",
        "claimed",
        "claims",
        "mengaku",
        "mengklaim",
        "klaim",
        "diklaim",
    }
)
#: nouns for a side's fighting men, as the agent of an active verb ("Armenian soldiers in
#: Stepanakert shot down", "prajurit Azerbaijan menghancurkan")
_FORCES = frozenset(
    {
        "forces",
        "troops",
        "troopers",
        "army",
        "military",
        "units",
        "soldiers",
        "fighters",
        "servicemen",
        "personnel",
        "gunners",
        "defenders",
        "militiamen",
        "pasukan",
        "tentara",
        "militer",
        "prajurit",
        "serdadu",
        "personel",
        "pejuang",
        "milisi",
    }
)
_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
#: Indonesian sites that are parts of a town, never named for themselves: "di pinggiran Ganja"
_TOWN_PARTS = frozenset({"pinggiran", "permukiman", "pemukiman"})
#: lower-case words that may follow a town's site ("Tartar's outskirts near the front")
_SITE_FOLLOWERS = frozenset(
    {"at", "near", "during", "when", "where", "after", "before", "since", "while", "as", "on"}
)
#: attack nouns whose "of" and forces name the attackers: "the offensive of the army of X"
_AGENTIVE_ATTACKS = frozenset(
    {
        "offensive",
        "offensives",
        "counteroffensive",
        "counter-offensive",
        "attack",
        "attacks",
        "assault",
        "assaults",
        "advance",
        "operation",
        "operations",
    }
)
#: times of day after an attack's preposition: "Stepanakert shelling on the night of ..."
_TIMES_OF_DAY = frozenset(
    {"night", "morning", "evening", "afternoon", "day", "weekend", "malam", "pagi", "siang", "sore"}
)
#: common nouns (and their modifiers) an attack's target may stand behind: "serangan terhadap
#: posisi Azerbaijan", "an attack on the positions of Azerbaijan"
_TARGET_NOUNS = frozenset(
    {
        "positions",
        "position",
        "posts",
        "outposts",
        "bases",
        "base",
        "lines",
        "trenches",
        "checkpoints",
        "villages",
        "towns",
        "cities",
        "settlements",
        "regions",
        "districts",
        "areas",
        "territory",
        "territories",
        "homes",
        "civilians",
        "frontline",
        "front-line",
        "forward",
        "border",
        "residential",
        "military",
        "posisi",
        "pos",
        "markas",
        "pangkalan",
        "basis",
        "benteng",
        "kubu",
        "parit",
        "garis",
        "depan",
        "kamp",
        "permukiman",
        "pemukiman",
        "perbatasan",
        "pertahanan",
        "warga",
        "penduduk",
    }
)
#: how many words a site may follow its town's possessive by ("Ganja's old residential district")
_SITE_WORDS = 4
#: words that end the search for a site after a possessive ("Yerevan's attack on the market")
_SITE_STOPS = frozenset({"of", "on", "in", "at", "by", "for", "to", "and", "or", "the", "a", "an"})
#: how many words of common nouns a target may stand behind
_TARGET_NOUN_WORDS = 6
#: kinds of place that make the next name a town ("di kota", "in the town of"), not a region
_TOWN_KINDS = frozenset({"kota", "desa", "kampung", "town", "city", "village"})
#: words of a place phrase that are no kind of place ("in the city of")
_PLACE_LINKS = frozenset({"of", "the"})
#: words of an attack's target before "oleh"/"by" names its attacker ("terhadap warga sipil di
#: Stepanakert oleh Azerbaijan")
_TARGET_WORDS = 6
#: what ends a clause between two figures: the second no longer shares the first's side
_CLAUSE_BREAKS = frozenset(
    {
        ";",
        ":",
        "(",
        ")",
        "but",
        "while",
        "whereas",
        "tetapi",
        "namun",
        "tapi",
        "sementara",
        "sedangkan",
        "padahal",
    }
)


class SideReader:
    """Reads the side and place of the figures of one language's sentences."""

    def __init__(self, lex: Lexicon, sides: Sides) -> None:
        self.lex = lex
        self.sides = sides

    def side(
        self,
        s: Sentence,
        m: Mention,
        cue: Cue | None,
        claimant_side: str,
        notes: list[str],
        prior: tuple[Mention, str] | None = None,
    ) -> tuple[str | None, int | None]:
        """Steps 1 to 4: the side, and where the words naming an attacker end (or None).

        ``prior`` is the figure before this one in the sentence and the side the
        sentence itself gave it (not one inferred from the claimant).
        """
        if m.side is not None:
            return m.side, None
        if m.enemy:
            opponent = self.sides.opponent(claimant_side)
            if opponent is None:
                notes.append("the figure counts the claimant's enemy, whose side is not known")
                return UNKNOWN, None
            notes.append("'enemy' read as the claimant's opponent")
            return opponent, None
        agent = self._agent(s, m, cue, claimant_side)
        if agent is not None:
            side, name = agent
            opponent = self.sides.opponent(side)
            if opponent is not None:
                notes.append(
                    f"subject side inferred: what {name} killed or destroyed is its opponent's"
                )
                return opponent, None
        attacker = self._attacker(s, m)
        if attacker is not None:
            side, name, end = attacker
            opponent = self.sides.opponent(side)
            if opponent is not None:
                notes.append(f"subject side inferred: the victims of an attack by {name}")
                return opponent, end
        if prior is not None and self._coordinated(s, prior[0], m):
            notes.append(
                "subject side inferred: coordinated after a figure of the same clause, "
                "whose side it takes"
            )
            return prior[1], None
        return None, None

    def _coordinated(self, s: Sentence, p: Mention, m: Mention) -> bool:
        """Whether ``m`` follows ``p`` in the same clause, joined by "and"/"dan"/a comma."""
        gap = s.toks[p.span_last : m.span_first]
        if not gap or gap[-1].low not in self.lex.coordinators:
            return False
        if any(t.low in _CLAUSE_BREAKS for t in gap):
            return False
        if self.lex.speech.occurs(gap) or self.lex.according.occurs(gap):
            return False
        # a party named between them breaks the clause; a place ("killed in Baku and") does not
        return not any(
            not self._as_place(s.toks, first, after)
            for _, _, first, after in self.sides.within(s.toks, p.span_last, m.span_first)
        )

    def default(
        self,
        m: Mention,
        cue: Cue | None,
        claimant_side: str,
        period: Period,
        notes: list[str],
        *,
        disputed: bool,
    ) -> str:
        """Steps 5 to 7, when the sentence itself names no side."""
        specific = m.category in (Category.CIVILIAN, Category.MILITARY) or m.equipment
        if disputed:
            notes.append("the side of a denied figure is not inferred")
            return UNKNOWN
        if specific and claimant_side in self.sides.belligerents:
            notes.append(
                "subject side inferred from the claimant's side (the text does not name it)"
            )
            return claimant_side
        if (
            not specific
            and period.kind is Kind.CUMULATIVE
            and (cue is None or claimant_side == THIRD_PARTY)
        ):
            notes.append("a running total not split by side: read as covering all sides")
            return ALL_SIDES
        notes.append("subject side not stated")
        return UNKNOWN

    def location(
        self, s: Sentence, m: Mention, clause: tuple[int, int] | None = None
    ) -> str | None:
        """The place the sentence names ("di kota Ganja", "in the town of Barda"), if any.

        A name the side registry knows (a party such as "Nagorno-Karabakh") is
        not taken as a place: it names the war's region, not an incident's.
        ``clause`` bounds the tokens looked at (another claimant's clause is
        not this figure's).
        """
        toks = s.toks
        dates = {d.start for d in s.dates}
        first, after = (0, len(toks)) if clause is None else clause
        for k in [*range(m.span_last, after), *range(first, m.span_first)]:
            if toks[k].low not in self.lex.places:
                continue
            j = self._place_words(toks, k + 1)
            known = self.sides.at(toks, j) if j < len(toks) else None
            if known is not None and not self._town(toks, k + 1, j, known[2]):
                continue  # a party's name ("di Nagorno-Karabakh"), not the place of an incident
            e = j
            while e < len(toks) and toks[e].text[:1].isupper() and toks[e].text.isalpha():
                e += 1
            sited = any(self.lex.sites.match(toks, i) is not None for i in range(k + 1, j))
            if sited and self.lex.lang == "id":
                # "di Rumah Sakit Republik Stepanakert": the town that ends the site's name
                j = next((x for x in range(j, e) if self.sides.place(toks, x, e)), j)
            if sited and (
                self._later_place(toks, e)
                or (
                    self.lex.lang == "id"
                    and not any(
                        toks[i].low in _TOWN_PARTS or toks[i].low in self.lex.place_kinds
                        for i in range(k + 1, j)
                    )
                    and not self.sides.place(toks, j, e)
                )
            ):
                # "di gereja Ghazanchetsots di Shusha": the town after it; "di masjid Juma":
                # the site's own name, no town ("di pinggiran Ganja", "di pusat kota Ganja",
                # "di pasar Stepanakert" name the town)
                continue
            words = [t.text for t in toks[j:e]]
            if self._site_owner(toks, e):  # "Stepanakert's central market"
                words.append(_strip_possessive(toks[e].text))
                e += 1
            if words and not any(toks[i].start in dates for i in range(j, e)):
                return " ".join(words)
        return None

    def _place_words(self, toks: Sequence[Tok], j: int) -> int:
        """The token after the kinds of place and sites from token ``j``: "di kota",
        "di pasar", "di rumah sakit", "in the city of", "in the outskirts of"."""
        lex = self.lex
        while j < len(toks):
            if toks[j].low in lex.place_kinds:
                j += 1
                continue
            site = lex.sites.match(toks, j)
            if site is None or (
                lex.lang == "en" and (site[1] >= len(toks) or toks[site[1]].low != "of")
            ):
                return j
            j = site[1]
        return j

    def _later_place(self, toks: Sequence[Tok], e: int) -> bool:
        """Whether a place phrase with a name starts at token ``e``: "... in Stepanakert"."""
        if e >= len(toks) or toks[e].low not in self.lex.places:
            return False
        j = self._place_words(toks, e + 1)
        return j < len(toks) and toks[j].text[:1].isupper() and toks[j].text[:1].isalpha()

    def _site_owner(self, toks: Sequence[Tok], k: int) -> bool:
        """Whether token ``k`` is a town owning a site: "Stepanakert's central market".

        A possessive name, then a site within a few words that name no event:
        "in Yerevan's shelling" names the attacker, not a place.  A name the
        registry does not declare a place owns no town's site when a place
        follows ("MSF's field hospital in Stepanakert") or the site is a word of
        a longer noun ("Amnesty's hospital report").
        """
        if k >= len(toks) or not _possessive(toks[k]) or not toks[k].text[:1].isupper():
            return False
        owner = _strip_possessive(toks[k].text)
        if not owner.isalpha():
            return False
        lex = self.lex
        for i in range(k + 1, min(len(toks), k + 1 + _SITE_WORDS)):
            site = lex.sites.match(toks, i)
            if site is not None:
                if self.sides.registry.is_place(owner):
                    return True
                e = site[1]
                nxt = toks[e] if e < len(toks) else None
                return not self._later_place(toks, e) and (
                    nxt is None
                    or not nxt.text[:1].isalpha()
                    or nxt.text[:1].isupper()
                    or nxt.low in lex.places
                    or nxt.low in lex.targets
                    or nxt.low in lex.coordinators
                    or nxt.low in _SITE_FOLLOWERS
                )
            tok = toks[i]
            if (
                not tok.text.isalpha()
                or tok.low in _SITE_STOPS
                or lex.attacks.starts(tok.low)
                or lex.incidents.starts(tok.low)
            ):
                return False
        return False

    def _town(self, toks: Sequence[Tok], first: int, name: int, after: int) -> bool:
        """Whether a name the registry knows is written as a town ("di kota Stepanakert").

        It is when a kind of town comes before it ("kota", "town"), or when the
        registry declares the name ``toks[name:after]`` a place ("Stepanakert"
        speaks for Nagorno-Karabakh, but "killed in Stepanakert" is a place).
        """
        if any(toks[i].low in _TOWN_KINDS for i in range(first, name)):
            return True
        return self.sides.place(toks, name, after)

    def _as_place(self, toks: Sequence[Tok], first: int, after: int) -> bool:
        """Whether the known name ``toks[first:after]`` is written as a place, so no attacker.

        It is after "di"/"in" when :meth:`_town` says so ("di Stepanakert", "in
        the city of Baku") or a kind of place comes between ("in the region of
        Nagorno-Karabakh"); a bare party ("killed in Azerbaijani shelling") is not.
        """
        k = first - 1
        while k >= 0 and toks[k].low in self.lex.place_kinds:
            k -= 1
        if k < 0 or toks[k].low not in self.lex.places:
            return False
        if any(toks[i].low not in _PLACE_LINKS for i in range(k + 1, first)):
            return True
        return self._town(toks, k + 1, first, after)

    def _governor(self, toks: Sequence[Tok], first: int) -> tuple[int, bool] | None:
        """The preposition that makes the name at token ``first`` a place or a target.

        A place: "di kota Stepanakert", "in Baku"; a target, after an attack
        noun or its attacker: "serangan terhadap Stepanakert", "serangan
        Azerbaijan terhadap Stepanakert", "shelling of the city of Stepanakert".
        A name there is not who acts in the clause.  The preposition's index,
        and whether it makes a place (not a target).
        """
        lex = self.lex
        k = first - 1
        while k >= 0 and (toks[k].low in lex.place_kinds or toks[k].low in lex.targets):
            k -= 1
        if k >= 0 and toks[k].low in lex.places:
            return k, True
        if k + 1 < first and toks[k + 1].low in lex.targets and self._after_attack(toks, k + 1):
            return None if self._forces_attacking(toks, k + 1, first) else (k + 1, False)
        if lex.lang == "id":
            # "Pengeboman Stepanakert menewaskan": the town bombed, not who bombed
            known = self.sides.at(toks, first)
            for a, a_after, _ in lex.attacks.find(toks, max(0, first - 3), first):
                if (
                    a_after == first
                    and known is not None
                    and self._attacked_town(toks, first, known[2], a, a_after)
                ):
                    return a, False
        behind = self._target_behind_noun(toks, first)
        if behind is not None and self._forces_attacking(toks, behind[0], first):
            return None
        return behind

    def _forces_attacking(self, toks: Sequence[Tok], t: int, first: int) -> bool:
        """Whether the "of" at token ``t`` names who made the attack, not its target.

        After an attack that forces make ("offensive", "attack", "assault"), "of"
        and forces ("the offensive of the army of Azerbaijan", "an attack of
        Azerbaijani troops") are the attackers; shelling of forces ("the shelling
        of the forces of Azerbaijan") and an attack of anything else stay targets.
        """
        if toks[t].low != "of" or t == 0 or toks[t - 1].low not in _AGENTIVE_ATTACKS:
            return False
        known = self.sides.at(toks, first)
        after = known[2] if known is not None else first + 1
        return any(toks[i].low in _FORCES for i in range(t + 1, first)) or (
            after < len(toks) and toks[after].low in _FORCES
        )

    def _attacked_town(
        self, toks: Sequence[Tok], first: int, after: int, attack: int, attack_after: int
    ) -> bool:
        """Whether the name ``toks[first:after]`` beside an attack noun is the town attacked.

        A name the registry declares a place, right before the noun in English
        ("Stepanakert shelling", "the Baku bombardment") or right after it in
        Indonesian ("pengeboman Stepanakert"), is where the attack fell, not who
        made it — unless the attack has a target of its own after it ("Baku
        shelling of Stepanakert", "Baku shelling of the positions", "serangan Baku
        ke warga sipil"): then it names the attacker.  A date or a time of day after
        the preposition ("Stepanakert shelling on Monday") is no target.  A
        possessive ("Yerevan's shelling") names the attacker too.
        """
        lex = self.lex
        if _possessive(toks[after - 1]) or not self.sides.place(toks, first, after):
            return False
        if lex.lang == "en":
            if after != attack:
                return False
            j = attack_after
        else:
            if first != attack_after:
                return False
            j = after
        if j < len(toks) and toks[j].low in lex.targets:
            j += 1
            while j < len(toks) and (
                toks[j].low in lex.place_kinds or toks[j].low in lex.determiners
            ):
                j += 1
            return j >= len(toks) or not _target_word(toks[j], lex)
        return True

    def _target_behind_noun(self, toks: Sequence[Tok], first: int) -> tuple[int, bool] | None:
        """The target preposition of a name behind common nouns, after an attack noun.

        "Serangan Armenia terhadap posisi Azerbaijan", "an attack on the positions
        of Azerbaijan", "shelling of the villages of Azerbaijan": the name is the
        target's, not who acts.  Only a target: "Pasukan di posisi Azerbaijan" is
        no place phrase, and its forces are Azerbaijan's.
        """
        lex = self.lex
        k = first - 1
        nouns = False
        while k >= 0 and first - k <= _TARGET_NOUN_WORDS:
            low = toks[k].low
            if _common_noun(low, lex):
                nouns = True
            elif low not in lex.place_kinds and low not in lex.targets:
                break
            k -= 1
        t = k + 1
        if nouns and t < first and toks[t].low in lex.targets and self._after_attack(toks, t):
            return t, False
        return None

    def _after_attack(self, toks: Sequence[Tok], t: int) -> bool:
        """Whether token ``t`` follows an attack noun, with or without its attacker.

        "shelling | of", "serangan | terhadap"; "serangan (militer) Azerbaijan |
        terhadap", "an attack by Azerbaijani forces | on": the attacker stands
        between.
        """
        j = t
        while j > 0:
            if toks[j - 1].low in _FORCES or toks[j - 1].low in self.lex.agents:
                j -= 1
                continue
            name = self._name_ending(toks, j)
            if name is None:
                break
            j = name
        return any(a == j for _, a, _ in self.lex.attacks.find(toks, max(0, j - 3), j))

    def _name_ending(self, toks: Sequence[Tok], after: int) -> int | None:
        """The first token of the longest known name that ends just before token ``after``."""
        for first in range(max(0, after - self.sides.width), after):
            found = self.sides.at(toks, first, after)
            if found is not None and found[2] == after:
                return first
        return None

    def _before_phrases(
        self, toks: Sequence[Tok], k: int
    ) -> tuple[int, list[tuple[int, int, int]]]:
        """The token before the place and target phrases that end at token ``k``.

        "Pasukan Armenia di Stepanakert menghancurkan": the agent is "Armenia",
        not the town; "Azerbaijani shelling of Stepanakert killed": the shelling,
        whose attacker the attacker step reads.  Also the place phrases passed,
        nearest the verb first: ``(preposition, name's first token, after it)``.
        """
        places: list[tuple[int, int, int]] = []
        while k >= 0:
            name = self._name_ending(toks, k + 1)
            if name is None and toks[k].low in _FORCES:
                # "... of the Azerbaijani army killed": the forces' phrase, side name first
                name = self._name_ending(toks, k)
            governor = None if name is None else self._governor(toks, name)
            if name is None or governor is None:
                break
            start, is_place = governor
            if is_place:
                places.append((start, name, k + 1))
            k = start - 1
            while k >= 0 and toks[k].low in _AGENT_SKIP:
                k -= 1
        return k, places

    def _stationed(
        self, toks: Sequence[Tok], k: int, places: list[tuple[int, int, int]]
    ) -> tuple[str, str] | None:
        """The side of forces at token ``k`` placed in a town that speaks for it.

        "Tentara di Stepanakert membunuh", "forces in the city of Baku downed":
        with no side named for them, forces in a town that speaks for a side
        (a town the registry knows) are that side's.  A region ("di wilayah
        Nagorno-Karabakh") is not such a town: both sides fought there.
        """
        for start, name, after in places:
            if start != k + 1:
                continue
            found = self.sides.at(toks, name, after)
            if (
                found is not None
                and found[0] in self.sides.belligerents
                and self._town(toks, start + 1, name, after)
            ):
                return found[0], found[1]
        return None

    def _agent(
        self, s: Sentence, m: Mention, cue: Cue | None, claimant_side: str
    ) -> tuple[str, str] | None:
        """Who did what an active verb says ("Militer Azerbaijan menghancurkan 5 tank")."""
        if m.via not in ("active", "shared") or m.back_first is None:
            return None
        toks, lex, sides = s.toks, self.lex, self.sides
        k = m.back_first - 1
        while k >= 0 and toks[k].low in _AGENT_SKIP:
            k -= 1
        if k >= 0 and toks[k].low in lex.coordinators:
            # "it shot down a jet and destroyed two tanks": the agent of the verb before
            verbs = [
                first
                for table in (lex.active, lex.equipment_active)
                for first, _, _ in table.find(toks, max(0, k - 12), k)
            ]
            if not verbs:
                return None
            k = min(verbs) - 1
            while k >= 0 and toks[k].low in _AGENT_SKIP:
                k -= 1
        k, places = self._before_phrases(toks, k)
        if k < 0:
            return None
        named = cue is not None and cue.named and cue.end == toks[k].end
        if (toks[k].low in lex.pronouns or named) and claimant_side in sides.belligerents:
            return claimant_side, "the claimant"
        if toks[k].low in _FORCES or toks[k].low.removesuffix("nya") in _FORCES:
            # "its forces downed ...", "pasukannya", "Azerbaijani forces", "pasukan Armenia"
            own = toks[k].low.endswith("nya") or (k > 0 and toks[k - 1].low in _POSSESSIVES)
            if own and claimant_side in sides.belligerents:
                return claimant_side, "the claimant's forces"
            for j in (k - 1, k + 1):
                found = sides.at(toks, j) if 0 <= j < len(toks) else None
                if found is not None and found[0] in sides.belligerents:
                    return found[0], found[1]
            stationed = self._stationed(toks, k, places)
            if stationed is not None:
                return stationed
        for first in range(max(0, k - 3), k + 1):
            found = sides.at(toks, first, k + 1)
            if found is not None and found[2] == k + 1 and found[0] in sides.belligerents:
                return found[0], found[1]
        return None

    def _attacker(self, s: Sentence, m: Mention) -> tuple[str, str, int] | None:
        """The side whose attack the sentence names nearest the figure."""
        toks = s.toks
        stop = len(toks)
        english = self.lex.lang == "en"
        best: tuple[int, tuple[str, str, int]] | None = None
        for first, after, _ in self.lex.attacks.find(toks):
            if m.span_first <= first < m.np_end:
                continue
            if english:
                candidates = list(range(max(0, first - 2), first))
            else:
                candidates = []
                for k in range(after, min(stop, after + 3)):
                    if toks[k].low in self.lex.places or toks[k].low in self.lex.targets:
                        break  # "serangan di Stepanakert", "serangan terhadap ...": no attacker
                    candidates.append(k)
            by = self._by(toks, after)
            if by is not None and by not in candidates:
                candidates.append(by)  # "serangan terhadap Stepanakert oleh Azerbaijan"
            for k in candidates:
                found = self.sides.at(toks, k)
                if (
                    found is not None
                    and not _possessive(toks[found[2] - 1])
                    and (
                        self._as_place(toks, k, found[2])
                        or self._attacked_town(toks, k, found[2], first, after)
                    )
                ):
                    # "killed in Stepanakert shelling", "Stepanakert shelling killed",
                    # "pengeboman Stepanakert": the place or target, not the attacker
                    continue
                if found is not None and found[0] in self.sides.belligerents:
                    distance = abs(first - m.q_first)
                    if best is None or distance < best[0]:
                        best = (distance, (found[0], found[1], toks[found[2] - 1].end))
                    break
        return None if best is None else best[1]

    def _by(self, toks: Sequence[Tok], after: int) -> int | None:
        """The token after "oleh"/"by" that names who made the attack ending at ``after``.

        Right after the attack noun ("an attack by Azerbaijan") or after its
        target ("serangan terhadap Stepanakert oleh Azerbaijan", "an attack on
        Stepanakert by Azerbaijan").
        """
        lex = self.lex
        k = after
        if k < len(toks) and toks[k].low in lex.targets:
            limit = min(len(toks), k + 1 + _TARGET_WORDS)
            k += 1
            while (
                k < limit
                and toks[k].low not in lex.agents
                and toks[k].text[:1].isalnum()
                and toks[k].low not in lex.coordinators
                and toks[k].low not in _CLAUSE_BREAKS
            ):
                k += 1
        if k + 1 < len(toks) and toks[k].low in lex.agents:
            return k + 1
        return None


def _common_noun(low: str, lex: Lexicon) -> bool:
    """Whether a word is a common noun a target stands behind ("posisi", "pos-pos",
    "desa-desa"); "the", "of" and a single kind of place ("desa") are only passed over."""
    if low in _TARGET_NOUNS or low in _FORCES:
        return True
    half, dash, rest = low.partition("-")
    return bool(dash) and half == rest and (_common_noun(half, lex) or half in lex.place_kinds)


def _target_word(tok: Tok, lex: Lexicon) -> bool:
    """Whether a word after an attack's preposition starts a target of its own: any word
    but a figure, a date or a time of day ("on Monday", "on the night of ...")."""
    return (
        tok.text[:1].isalpha()
        and tok.low not in calendar_words(lex.lang)
        and tok.low not in _TIMES_OF_DAY
    )


def _possessive(tok: Tok) -> bool:
    """Whether a word is a possessive ("Yerevan's"): it owns what follows, not a place."""
    return tok.low.endswith(("'s", "’s"))


def _strip_possessive(word: str) -> str:
    """A possessive without its mark: "Stepanakert's" is "Stepanakert"."""
    return word[:-2] if word.lower().endswith(("'s", "’s")) else word
