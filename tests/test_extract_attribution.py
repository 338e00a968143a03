"""claimrecon.extract.attribution: claimants, wires, outlets and sides."""

from __future__ import annotations

import pytest

from claimrecon.extract.attribution import Sides, find_cues, find_outlet, find_wire, pick_cue
from claimrecon.extract.furniture import layout
from claimrecon.extract.lexicon import lexicon
from claimrecon.extract.tokens import tokenize
from claimrecon.sides import DEFAULT_SIDES, SideRegistry


def sides(lang: str = "id") -> Sides:
    """The default registry's sides for a language."""
    return Sides(DEFAULT_SIDES, lexicon(lang))


def cues(text: str, lang: str = "id") -> list[str | None]:
    """The claimant phrase of each cue of a sentence (None when unresolved)."""
    found = find_cues(tokenize(text), lexicon(lang), sides(lang))
    return [None if c.start is None else text[c.start : c.end] for c in found]


class TestFindCues:
    """find_cues finds who a sentence attributes its figures to."""

    @pytest.mark.parametrize(
        ("text", "lang", "claimant"),
        [
            ("Kantor berita negara, Armenpress, mengatakan bahwa 7 tewas.", "id", "Armenpress"),
            ('"Tujuh tewas," kata Kremlin dalam pernyataan.', "id", "Kremlin"),
            ("Menurut Palang Merah, tujuh tewas.", "id", "Palang Merah"),
            ("Hingga kini, Artsakh melaporkan tujuh tewas.", "id", "Artsakh"),
            (
                "Seven died, said spokeswoman Ana Lee of the ministry.",
                "en",
                "spokeswoman Ana Lee of the ministry",
            ),
            ("Seven died, the Armenian defence ministry said.", "en", "Armenian defence ministry"),
            ("According to local officials, seven died.", "en", "local officials"),
        ],
    )
    def test_claimant_phrases(self, text: str, lang: str, claimant: str) -> None:
        """Subject before the verb, inverted "kata X", appositions, "menurut"/"according to"."""
        assert cues(text, lang) == [claimant]

    def test_pronouns_and_references(self) -> None:
        """Pronouns and phrases that refer back are cues without a name."""
        assert cues("Dia mengatakan tujuh tewas.") == [None]
        assert cues("Dua negara itu mengatakan tujuh tewas.") == [None]
        assert cues("Tujuh tewas, katanya.") == [None]

    def test_pronoun_after_a_name(self) -> None:
        """A pronoun after a named subject in the same sentence takes that name."""
        assert cues("Azerbaijan released video of what it said was a strike.", "en") == [
            "Azerbaijan",
            "Azerbaijan",
        ]

    @pytest.mark.parametrize(
        ("text", "lang", "claimants"),
        [
            (
                "Armenia said 20 of its soldiers were killed, while Azerbaijan said 300 "
                "Armenian soldiers died.",
                "en",
                ["Armenia", "Azerbaijan"],
            ),
            (
                "Armenia mengatakan 20 tentaranya tewas, sementara Azerbaijan mengatakan 300 "
                "tentara Armenia tewas.",
                "id",
                ["Armenia", "Azerbaijan"],
            ),
            ("Seven died, whereas Azerbaijan says none did.", "en", ["Azerbaijan"]),
            (
                "Azerbaijan said 12 civilians were killed in Baku and Armenia said 3 died.",
                "en",
                ["Azerbaijan", "Armenia"],
            ),
            (
                "Azerbaijan mengatakan 12 warga sipil tewas di Baku dan Armenia mengatakan 3 "
                "tewas.",
                "id",
                ["Azerbaijan", "Armenia"],
            ),
            (
                "Three soldiers were killed in Stepanakert and the ministry said 2 died.",
                "en",
                ["ministry"],
            ),
            (
                "Tujuh tewas di Stepanakert, kata Armenpress dan Azerbaijan mengatakan 3 tewas.",
                "id",
                ["Armenpress", "Azerbaijan"],
            ),
            ("Armenia and Artsakh said 3 soldiers were killed.", "en", ["Armenia and Artsakh"]),
            (
                "Menurut Kementerian Pertahanan dan Luar Negeri, 3 tewas.",
                "id",
                ["Kementerian Pertahanan dan Luar Negeri"],
            ),
            (
                "The relatives of those killed said 3 soldiers died.",
                "en",
                ["relatives of those killed"],
            ),
        ],
    )
    def test_clause_conjunction_is_not_part_of_the_name(
        self, text: str, lang: str, claimants: list[str]
    ) -> None:
        """ "..., while Azerbaijan said": the claimant is "Azerbaijan", not "while Azerbaijan"."""
        assert cues(text, lang) == claimants

    @pytest.mark.parametrize(
        ("text", "claimants"),
        [
            ("Media reports said 5 civilians were killed.", ["Media reports"]),
            ("Reports said 5 civilians were killed.", ["Reports"]),
            ("News reports have said 5 civilians were killed.", ["News reports"]),
            ("The United States said 5 civilians were killed.", ["United States"]),
            ("The United States claims 5 civilians were killed.", ["United States"]),
            (
                "Azerbaijan's ministry confirmed reports that 5 soldiers died.",
                ["Azerbaijan's ministry"],
            ),
            ("Azerbaijan reports claims of 5 deaths.", ["Azerbaijan"]),
        ],
    )
    def test_speech_word_used_as_a_noun(self, text: str, claimants: list[str]) -> None:
        """ "Media reports said", "confirmed reports that": one cue, the noun no speech verb."""
        assert cues(text, "en") == claimants

    @pytest.mark.parametrize(
        ("text", "claimants"),
        [
            ("Armenia reports 5 soldiers were killed.", ["Armenia"]),
            ("Azerbaijan claims 5 Armenian soldiers were killed.", ["Azerbaijan"]),
            (
                "Azerbaijan claims 5 Armenian soldiers were killed, reports said.",
                ["Azerbaijan", "reports"],
            ),
            (
                "Armenia said 20 soldiers were killed, while Azerbaijan claims 300 died.",
                ["Armenia", "Azerbaijan"],
            ),
        ],
    )
    def test_speech_word_used_as_a_verb(self, text: str, claimants: list[str]) -> None:
        """ "Armenia reports 5 ...", "Azerbaijan claims ...": still the verb of a cue."""
        assert cues(text, "en") == claimants

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("Armenia did not say how many soldiers died, but 30 civilians were killed.", "en"),
            ("Armenia has not yet said how many soldiers died.", "en"),
            ("Armenia didn't say how many soldiers died.", "en"),
            ("Armenia tidak mengatakan berapa tentara yang tewas, tetapi 30 warga tewas.", "id"),
            ("Armenia belum mengumumkan jumlah tentara yang tewas.", "id"),
        ],
    )
    def test_negated_speech_verb_is_no_cue(self, text: str, lang: str) -> None:
        """ "Armenia did not say ...": no attribution, so no claimant (not "Armenia did not")."""
        assert cues(text, lang) == []

    def test_pick_cue(self) -> None:
        """A figure takes the nearest cue before it, else the first after it."""
        toks = tokenize('"Tujuh tewas," kata Kremlin. Menurut PBB, dua tewas.')
        found = find_cues(toks, lexicon("id"), sides())
        assert pick_cue(found, 1) is found[0]
        assert pick_cue(found, 12) is found[1]
        assert pick_cue([], 3) is None

    @pytest.mark.parametrize(
        ("text", "lang", "closes"),
        [
            (
                "4 tewas di Stepanakert, kata Armenpress, dan 5 tewas di Ganja, kata Baku.",
                "id",
                [True, True],
            ),
            (
                "Four died in Stepanakert, Armenpress said; five died in Ganja, Baku said.",
                "en",
                [True, True],
            ),
            (
                "Four died, according to Armenpress, while five died, according to Baku.",
                "en",
                [True, True],
            ),
            ("Menurut Armenpress, 4 tewas di Stepanakert.", "id", [False]),
            ("Armenpress said four died and Baku said five died.", "en", [False, False]),
            ("Sementara itu, Armenpress mengatakan, 4 tewas di Stepanakert.", "id", [False]),
        ],
    )
    def test_post_posed_cues(self, text: str, lang: str, closes: list[bool]) -> None:
        """A cue after a comma that ends its clause is post-posed; one opening a clause is not."""
        found = find_cues(tokenize(text), lexicon(lang), sides(lang))
        assert [c.closes for c in found] == closes

    @pytest.mark.parametrize(
        ("text", "lang", "closes"),
        [
            (
                "4 tewas di Stepanakert, kata Armenpress, 5 tewas di Ganja, kata Baku.",
                "id",
                [True, True],
            ),
            (
                "Four died in Stepanakert, Armenpress said, five died in Ganja, Baku said.",
                "en",
                [True, True],
            ),
            (
                "Four died in Stepanakert, Armenpress said, citing officials, and five died in "
                "Ganja, Baku said.",
                "en",
                [True, True],
            ),
            (
                "Seven died, the ministry said, adding that 5 more were wounded, Reuters reported.",
                "en",
                [False, True],
            ),
            (
                "In Ganja, Azerbaijan said, 5 civilians were killed, Reuters reported.",
                "en",
                [False, True],
            ),
            (
                "Sementara itu, Armenpress mengatakan, 4 tewas di Stepanakert, kata Reuters.",
                "id",
                [False, True],
            ),
        ],
    )
    def test_post_posed_cue_before_a_comma(self, text: str, lang: str, closes: list[bool]) -> None:
        """A cue after a reported clause closes it even when only a comma follows; one after
        no figure or outcome ("In Ganja, X said,") or carried on ("adding that 5 ...") does not."""
        found = find_cues(tokenize(text), lexicon(lang), sides(lang))
        assert [c.closes for c in found] == closes

    def test_pick_cue_post_posed(self) -> None:
        """A figure whose clause ends in a post-posed cue takes it, not the one closing the
        clause before; with no post-posed cue of its own it keeps the nearest before."""
        text = "4 tewas di Stepanakert, kata Armenpress, dan 5 tewas di Ganja, kata Baku."
        toks = tokenize(text)
        found = find_cues(toks, lexicon("id"), sides())
        five = next(k for k, t in enumerate(toks) if t.text == "5")
        assert pick_cue(found, 0) is found[0]
        assert pick_cue(found, five) is found[1]
        assert pick_cue(found[:1], five) is found[0]


class TestSides:
    """Sides looks names and demonyms up in a side registry."""

    def test_lookup(self) -> None:
        """Registry names, aliases and demonyms give a side and a canonical name."""
        s = sides("en")
        assert s.lookup("Media Armenia") == ("armenia", "Armenian media")
        assert s.lookup("Azeri") == ("azerbaijan", "Azerbaijan")
        assert s.lookup("Azerbaijan's") == ("azerbaijan", "Azerbaijan")
        assert s.lookup("Atlantis") is None

    def test_at_takes_the_longest_name(self) -> None:
        """A name of two words ("Nagorny Karabakh") is found whole."""
        toks = tokenize("di Nagorny Karabakh kemarin")
        assert sides().at(toks, 1) == ("armenia", "Nagorno-Karabakh", 3)

    def test_resolve(self) -> None:
        """An unknown phrase keeps its wording and takes the side of a name inside it."""
        phrase = "Ombudsman Karabakh Hulu Artak Beglaryan"
        assert sides().resolve(phrase, tokenize(phrase)) == (phrase, "armenia")
        known = "Ombudsman Nagorno-Karabakh Artak Beglaryan"  # an alias: its canonical name
        assert sides().resolve(known, tokenize(known)) == (
            "Nagorno-Karabakh Ombudsman Artak Beglaryan",
            "armenia",
        )

    def test_place(self) -> None:
        """A name the registry declares a place is one, in any case, possessive or not."""
        toks = tokenize("di Stepanakert, BAKU dan Baku's dekat Artsakh")
        s = sides()
        assert [s.place(toks, i, i + 1) for i in (1, 3, 5, 7)] == [True, True, True, False]
        assert not s.place(toks, 1, 1)
        assert not Sides(SideRegistry(by_name=DEFAULT_SIDES.names()), lexicon("id")).place(
            toks, 1, 2
        )

    def test_opponent(self) -> None:
        """With exactly two belligerents each is the other's opponent."""
        assert sides().opponent("armenia") == "azerbaijan"
        assert sides().opponent("third_party") is None


class TestFindWire:
    """find_wire finds the agency the article names as its source."""

    @pytest.mark.parametrize(
        ("page", "wire"),
        [
            ("Judul\n\nSumber AFP\n\nIsi berita di sini.", "AFP"),
            ("Isi berita, seperti dilansir dari Anadolu Agency.", "Anadolu Agency"),
            ("Dilaporkan Reuters, perundingan berlanjut.", "Reuters"),
            ("ANKARA (Reuters) - Tiga orang tewas di sana.", "Reuters"),
            ("Kata menteri kepada AFP hari ini di sana.", "AFP"),
        ],
    )
    def test_wire_cues(self, page: str, wire: str) -> None:
        """Wire cues: "Sumber", "dilansir dari", "Dilaporkan", a dateline, a statement."""
        found = find_wire(page, layout(page), sides())
        assert found is not None and found[0] == wire

    def test_photo_credit_is_not_a_wire(self) -> None:
        """A photo credit ("Foto: AFP") credits a picture, not the text."""
        page = "Foto: AFP\n\nIsi berita yang panjang di sini."
        assert find_wire(page, layout(page), sides()) is None


class TestFindOutlet:
    """find_outlet names the site that published the page."""

    def test_header_prefix(self) -> None:
        """A domain or known outlet before the header date is the outlet; an author is not."""
        assert find_outlet("", "Kompas.com", [], sides()) == "Kompas.com"
        assert find_outlet("", "Rina Putri", [], sides()) is None

    def test_dateline_and_domain(self) -> None:
        """The dateline's site, else the page's own domain (social sites ignored)."""
        page = "ANKARA, KOMPAS.com - Isi berita."
        assert find_outlet(page, None, layout(page), sides()) == "Kompas.com"
        page = "Ikuti media sosial medcom.id di whatsapp.com dan lainnya."
        assert find_outlet(page, None, layout(page), sides()) == "Medcom.id"

    def test_unnamed(self) -> None:
        """A page that never names its site has no outlet."""
        page = "Tanpa nama situs di halaman ini."
        assert find_outlet(page, None, layout(page), sides()) is None
