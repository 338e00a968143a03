"""The words the extractor reads, in Indonesian and English.

One :class:`Lexicon` per language: what is counted (people by category,
equipment by unit), what happened to it (outcomes, as a word after the figure
or a verb before it), who says so (attribution verbs, "menurut"/"according
to"), which wire carried it ("dilansir dari", "Sumber"), denials, negations,
dates' companions ("sejak"/"since", start-of-fighting verbs) and the traps
(percentages, money, ages, years).  Qualifier words are not here: they come from
the :class:`~claimrecon.figure.QualifierTable` a caller passes.

    >>> from claimrecon.extract.tokens import tokenize
    >>> lex = lexicon("id")
    >>> lex.people.match(tokenize("warga sipil Azeri"), 0)
    (<Category.CIVILIAN: 'civilian'>, 2)
"""

from __future__ import annotations

import functools
from typing import TypedDict

import attrs

from claimrecon.claim import Category, Outcome
from claimrecon.extract.tokens import PhraseTable, phrase_key

__all__ = ["Lexicon", "lexicon"]

M, C, U = Category.MILITARY, Category.CIVILIAN, Category.UNSPECIFIED
K, W, KW = Outcome.KILLED, Outcome.WOUNDED, Outcome.KILLED_OR_WOUNDED
MISS, CAP, DISP = Outcome.MISSING, Outcome.CAPTURED, Outcome.DISPLACED
DES, DAM, SHOT = Outcome.DESTROYED, Outcome.DAMAGED, Outcome.SHOT_DOWN


@attrs.frozen
class Lexicon:
    """The vocabulary of one language (see the module docstring)."""

    lang: str
    #: nouns of people, by category ("warga sipil" civilian, "tentara" military)
    people: PhraseTable[Category]
    #: nouns of equipment, by unit ("tank" tank, "jet" aircraft)
    equipment: PhraseTable[str]
    #: nouns that carry their own outcome ("nyawa"/"lives" killed, "casualties" killed or wounded)
    noun_outcomes: dict[str, Outcome]
    #: "lainnya", "others": the figure counts more of what the previous figure counted
    others: PhraseTable[bool]
    #: words that sit between a figure and its noun ("orang", "unit", "of")
    classifiers: frozenset[str]
    #: words allowed before an English noun (besides side names): "more", "enemy" ...
    adjectives: frozenset[str]
    #: words that may qualify a noun after it before a side name ("pertahanan", "atau")
    noun_modifiers: frozenset[str]
    #: outcome words that follow what they count ("tewas", "were killed")
    outcomes: PhraseTable[Outcome]
    #: outcome verbs that come before what they count ("menewaskan", "killing")
    active: PhraseTable[Outcome]
    #: equipment outcomes after the noun ("ditembak jatuh", "destroyed")
    equipment_outcomes: PhraseTable[Outcome]
    #: equipment outcome verbs before the noun ("menghancurkan", "shot down")
    equipment_active: PhraseTable[Outcome]
    #: words between an outcome verb and its figure ("sebanyak", "a total of")
    determiners: frozenset[str]
    #: words between an elliptical figure and its outcome ("telah", "were")
    auxiliaries: frozenset[str]
    #: words that join coordinated figures
    coordinators: frozenset[str]
    #: "the death toll rose to 30": toll nouns, then a linking verb before the figure
    tolls: PhraseTable[Outcome]
    links: PhraseTable[bool]
    #: attribution verbs with the claimant before them ("mengatakan", "said")
    speech: PhraseTable[bool]
    #: attribution verbs with the claimant after them ("kata X", "said X")
    inverted: PhraseTable[bool]
    #: attribution verbs whose claimant is a pronoun ("katanya")
    pronoun_speech: PhraseTable[bool]
    #: "menurut X", "according to X"
    according: PhraseTable[bool]
    #: words never taken as a claimant's name
    pronouns: frozenset[str]
    #: words stripped from the start of a claimant's phrase
    connectives: PhraseTable[bool]
    #: words stripped from the end of a claimant's phrase
    trailing: frozenset[str]
    #: "X membantah", "not true", "propaganda": a figure in a denial is not claimed
    denials: PhraseTable[bool]
    #: "klaim X", "claims by X": who made the claim that is denied
    denied_claims: PhraseTable[bool]
    negators: frozenset[str]
    #: "musuh", "enemy": the claimant's opponent
    enemy: frozenset[str]
    #: "serangan udara X": an attack by X, whose victims are X's opponents
    attacks: PhraseTable[bool]
    #: words after an attack noun that name its target ("serangan terhadap X", "shelling of X")
    targets: frozenset[str]
    #: words that name who made an attack after its noun or target ("serangan oleh X", "by X")
    agents: frozenset[str]
    #: words that make a figure a running total ("hingga saat ini", "so far")
    cumulative: PhraseTable[bool]
    #: words that make a figure one incident ("serangan", "attack")
    incidents: PhraseTable[bool]
    #: "insiden tersebut", "the attack": a sentence about the previous one's event
    anaphora: PhraseTable[bool]
    #: "pertempuran", "fighting"; with a start verb they date the war's start
    wars: PhraseTable[bool]
    starts: PhraseTable[bool]
    since: frozenset[str]
    #: words that introduce a place ("di", "in") and kinds of place ("kota", "town")
    places: frozenset[str]
    place_kinds: frozenset[str]
    #: sites within a town ("pasar", "rumah sakit", "market", "outskirts"): the town named with
    #: one is the place ("di pasar Stepanakert", "in Stepanakert's central market")
    sites: PhraseTable[bool]
    #: traps: words before or after a number that make it not a count of losses
    before_traps: frozenset[str]
    after_traps: frozenset[str]
    #: demonyms mapped to the name a side registry knows ("Azeri" -> "Azerbaijan")
    demonyms: dict[str, str]
    #: singular markers for equipment named without a numeral ("sebuah", "an")
    singular: frozenset[str]


class _Words(TypedDict):
    people: dict[str, Category]
    equipment: dict[str, str]
    noun_outcomes: dict[str, Outcome]
    others: list[str]
    classifiers: set[str]
    adjectives: set[str]
    noun_modifiers: set[str]
    outcomes: dict[str, Outcome]
    active: dict[str, Outcome]
    equipment_outcomes: dict[str, Outcome]
    equipment_active: dict[str, Outcome]
    determiners: set[str]
    auxiliaries: set[str]
    coordinators: set[str]
    tolls: dict[str, Outcome]
    links: list[str]
    speech: list[str]
    inverted: list[str]
    pronoun_speech: list[str]
    according: list[str]
    pronouns: set[str]
    connectives: list[str]
    trailing: set[str]
    denials: list[str]
    denied_claims: list[str]
    negators: set[str]
    enemy: set[str]
    attacks: list[str]
    targets: set[str]
    agents: set[str]
    cumulative: list[str]
    incidents: list[str]
    anaphora: list[str]
    wars: list[str]
    starts: list[str]
    since: set[str]
    places: set[str]
    place_kinds: set[str]
    sites: list[str]
    before_traps: set[str]
    after_traps: set[str]
    singular: set[str]


def _flags(phrases: list[str]) -> PhraseTable[bool]:
    return PhraseTable((p, True) for p in phrases)


_DEMONYMS = {
    "azeri": "Azerbaijan",
    "azeris": "Azerbaijan",
    "azerbaijani": "Azerbaijan",
    "azerbaijanis": "Azerbaijan",
    "armenian": "Armenia",
    "armenians": "Armenia",
    "karabakh": "Nagorno-Karabakh",
    "artsakh": "Artsakh",
    "russian": "Russia",
    "russians": "Russia",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "turkish": "Turkey",
    "israeli": "Israel",
    "israelis": "Israel",
    "palestinian": "Palestine",
    "palestinians": "Palestine",
    "syrian": "Syria",
    "iranian": "Iran",
    "american": "United States",
}

_INDONESIAN: _Words = {
    "people": {
        "orang": U,
        "jiwa": U,
        "korban": U,
        "korban jiwa": U,
        "korban tewas": U,
        "nyawa": U,
        "warga": C,
        "warga sipil": C,
        "orang sipil": C,
        "sipil": C,
        "penduduk": C,
        "penduduk sipil": C,
        "anak": C,
        "anak-anak": C,
        "perempuan": C,
        "wanita": C,
        "jurnalis": C,
        "wartawan": C,
        "relawan": C,
        "pengungsi": C,
        "tentara": M,
        "prajurit": M,
        "serdadu": M,
        "militer": M,
        "personel": M,
        "personel militer": M,
        "anggota militer": M,
        "pasukan": M,
        "anggota pasukan": M,
        "pejuang": M,
        "milisi": M,
        "gerilyawan": M,
        "militan": M,
        "tentara bayaran": M,
    },
    "equipment": {
        "tank": "tank",
        "tank tempur": "tank",
        "jet": "aircraft",
        "jet tempur": "aircraft",
        "pesawat": "aircraft",
        "pesawat tempur": "aircraft",
        "pesawat militer": "aircraft",
        "helikopter": "helicopter",
        "drone": "drone",
        "pesawat nirawak": "drone",
        "pesawat tak berawak": "drone",
        "uav": "drone",
        "artileri": "artillery",
        "meriam": "artillery",
        "howitzer": "artillery",
        "peluncur roket": "artillery",
        "kendaraan": "vehicle",
        "kendaraan lapis baja": "vehicle",
        "kendaraan tempur": "vehicle",
        "panser": "vehicle",
        "rudal": "missile",
        "roket": "missile",
        "sistem pertahanan udara": "air_defense",
        "kapal": "ship",
        "kapal perang": "ship",
    },
    "noun_outcomes": {"nyawa": K, "korban jiwa": K, "korban tewas": K, "pengungsi": DISP},
    "others": ["lainnya", "orang lainnya", "lain", "di antaranya", "di antara mereka"],
    "classifiers": {"unit", "buah", "ekor"},
    "adjectives": set(),
    "noun_modifiers": {
        "pertahanan",
        "atau",
        "angkatan",
        "bersenjata",
        "darat",
        "udara",
        "laut",
        "etnis",
        "pihak",
        "republik",
        "milik",
        "negara",
        "dari",
    },
    "outcomes": {
        "tewas": K,
        "meninggal": K,
        "meninggal dunia": K,
        "wafat": K,
        "gugur": K,
        "terbunuh": K,
        "dibunuh": K,
        "mati": K,
        "melayang": K,
        "luka-luka": W,
        "luka": W,
        "terluka": W,
        "cedera": W,
        "mengalami luka": W,
        "luka berat": W,
        "luka ringan": W,
        "hilang": MISS,
        "dinyatakan hilang": MISS,
        "mengungsi": DISP,
        "terpaksa mengungsi": DISP,
        "harus mengungsi": DISP,
        "kehilangan tempat tinggal": DISP,
        "melarikan diri": DISP,
        "ditawan": CAP,
        "ditangkap": CAP,
        "disandera": CAP,
        "menjadi tawanan": CAP,
    },
    "active": {
        "menewaskan": K,
        "membunuh": K,
        "bunuh": K,
        "tewaskan": K,
        "merenggut": K,
        "merengut": K,
        "menelan": K,
        "melukai": W,
        "lukai": W,
        "mencederai": W,
        "menawan": CAP,
        "menangkap": CAP,
        "mengungsikan": DISP,
    },
    "equipment_outcomes": {
        "hancur": DES,
        "dihancurkan": DES,
        "hancur lebur": DES,
        "musnah": DES,
        "dimusnahkan": DES,
        "rusak": DAM,
        "dirusak": DAM,
        "rusak berat": DAM,
        "dilumpuhkan": DAM,
        "ditembak jatuh": SHOT,
        "dijatuhkan": SHOT,
        "direbut": CAP,
        "dirampas": CAP,
        "disita": CAP,
    },
    "equipment_active": {
        "menghancurkan": DES,
        "hancurkan": DES,
        "penghancuran": DES,
        "memusnahkan": DES,
        "merusak": DAM,
        "melumpuhkan": DAM,
        "menembak jatuh": SHOT,
        "tembak jatuh": SHOT,
        "menjatuhkan": SHOT,
        "jatuhkan": SHOT,
        "merebut": CAP,
        "rebut": CAP,
        "merampas": CAP,
    },
    "determiners": {"sebanyak", "sejumlah", "total", "para", "jumlah"},
    "auxiliaries": {
        "telah",
        "sudah",
        "yang",
        "dilaporkan",
        "dikabarkan",
        "dikatakan",
        "juga",
        "pun",
        "masih",
        "kini",
        "diduga",
        "diperkirakan",
        "dinyatakan",
        "orang",
    },
    "coordinators": {"dan", "serta", "atau", ",", "&", "sementara", "sedangkan"},
    "tolls": {
        "korban tewas": K,
        "korban jiwa": K,
        "korban meninggal": K,
        "korban meninggal dunia": K,
        "jumlah kematian": K,
        "angka kematian": K,
        "korban luka": W,
        "korban luka-luka": W,
        "korban terluka": W,
        "korban hilang": MISS,
        "jumlah pengungsi": DISP,
    },
    "links": [
        "mencapai",
        "menjadi",
        "sebanyak",
        "berjumlah",
        "sebesar",
        "adalah",
        "yakni",
        "yaitu",
        "bertambah menjadi",
        "naik menjadi",
        "meningkat menjadi",
    ],
    "speech": [
        "mengatakan",
        "menyatakan",
        "melaporkan",
        "mengklaim",
        "klaim",
        "mengaku",
        "menyebut",
        "menyebutkan",
        "mengumumkan",
        "menyampaikan",
        "menegaskan",
        "menjelaskan",
        "merilis",
        "menerbitkan",
        "memperkirakan",
        "mencatat",
        "mengonfirmasi",
        "membenarkan",
        "memberitakan",
        "berkata",
    ],
    "inverted": ["kata", "ujar", "ucap", "tutur", "imbuh", "tambah", "lapor", "tulis"],
    "pronoun_speech": [
        "katanya",
        "ujarnya",
        "ucapnya",
        "tuturnya",
        "imbuhnya",
        "tambahnya",
        "jelasnya",
    ],
    "according": [
        "menurut",
        "menurut laporan",
        "menurut data",
        "berdasarkan data",
        "berdasarkan laporan",
        "mengutip",
    ],
    "pronouns": {"dia", "ia", "beliau", "mereka", "kami", "kita", "saya", "aku", "anda"},
    "connectives": [
        "sementara itu",
        "sementara",
        "namun",
        "tetapi",
        "tapi",
        "dan",
        "lalu",
        "kemudian",
        "adapun",
        "selain itu",
        "di sisi lain",
        "sedangkan",
        "bahkan",
        "sebelumnya",
        "hingga saat ini",
        "sejauh ini",
    ],
    "trailing": {"juga", "pun", "telah", "sudah", "akan", "kini", "masih", "baru"},
    "denials": [
        "membantah",
        "membantahnya",
        "dibantah",
        "menyangkalnya",
        "menampiknya",
        "menyangkal",
        "menampik",
        "tidak benar",
        "bohong",
        "kebohongan",
        "hoaks",
        "hoax",
        "palsu",
        "fitnah",
        "propaganda",
        "menolak tuduhan",
        "menolak klaim",
        "menolak laporan",
    ],
    "denied_claims": ["klaim", "laporan", "tuduhan", "pernyataan"],
    "negators": {"tidak", "tak", "bukan", "belum", "tanpa", "nihil"},
    "enemy": {"musuh", "lawan"},
    "attacks": [
        "serangan",
        "serangan udara",
        "serangan roket",
        "serangan drone",
        "serangan artileri",
        "penembakan",
        "pengeboman",
        "gempuran",
        "tembakan",
    ],
    "targets": {"terhadap", "ke", "atas"},
    "agents": {"oleh"},
    "cumulative": [
        "hingga saat ini",
        "sampai saat ini",
        "hingga kini",
        "sampai kini",
        "sejauh ini",
        "hingga sekarang",
        "sampai sekarang",
        "secara keseluruhan",
        "seluruhnya",
        "secara total",
    ],
    "incidents": [
        "serangan",
        "serangan udara",
        "ledakan",
        "pengeboman",
        "penembakan",
        "insiden",
        "bom",
        "gempuran",
    ],
    "anaphora": [
        f"{noun} {dem}"
        for noun in ("insiden", "serangan", "kejadian", "peristiwa", "ledakan", "pertempuran")
        for dem in ("tersebut", "itu", "ini")
    ],
    "wars": [
        "pertempuran",
        "perang",
        "bentrokan",
        "konflik",
        "permusuhan",
        "pertikaian",
        "pertempuran sengit",
    ],
    "starts": [
        "dimulai",
        "mulai",
        "meletus",
        "pecah",
        "berkobar",
        "terjadi sejak",
        "berlangsung sejak",
    ],
    "since": {"sejak", "semenjak"},
    "places": {"di"},
    "place_kinds": {
        "kota",
        "desa",
        "wilayah",
        "provinsi",
        "kawasan",
        "distrik",
        "daerah",
        "kampung",
    },
    "sites": [
        "pasar",
        "rumah sakit",
        "sekolah",
        "pinggiran",
        "pusat",
        "alun-alun",
        "stasiun",
        "bandara",
        "gereja",
        "masjid",
        "permukiman",
        "pemukiman",
    ],
    "before_traps": {
        "tahun",
        "usia",
        "berusia",
        "umur",
        "pukul",
        "jam",
        "rp",
        "idr",
        "usd",
        "us$",
        "$",
        "€",
        "£",
        "nomor",
        "no",
        "telepon",
        "hp",
        "wa",
        "halaman",
        "ke",
        "edisi",
        "nomer",
    },
    "after_traps": {
        "persen",
        "%",
        "tahun",
        "rupiah",
        "dolar",
        "euro",
        "wib",
        "wita",
        "wit",
        "km",
        "kilometer",
        "meter",
        "kg",
        "ton",
        "kali",
        "hari",
        "jam",
        "menit",
        "detik",
        "bulan",
        "pekan",
    },
    "singular": {"sebuah", "seunit"},
}

_ENGLISH: _Words = {
    "people": {
        "people": U,
        "person": U,
        "persons": U,
        "victims": U,
        "casualties": U,
        "deaths": U,
        "fatalities": U,
        "lives": U,
        "bodies": U,
        "civilians": C,
        "civilian": C,
        "residents": C,
        "inhabitants": C,
        "villagers": C,
        "children": C,
        "women": C,
        "journalists": C,
        "aid workers": C,
        "refugees": C,
        "soldiers": M,
        "soldier": M,
        "troops": M,
        "servicemen": M,
        "service members": M,
        "servicemembers": M,
        "military personnel": M,
        "personnel": M,
        "military": M,
        "fighters": M,
        "militants": M,
        "combatants": M,
        "troopers": M,
        "mercenaries": M,
        "militiamen": M,
    },
    "equipment": {
        "tank": "tank",
        "tanks": "tank",
        "aircraft": "aircraft",
        "plane": "aircraft",
        "planes": "aircraft",
        "jet": "aircraft",
        "jets": "aircraft",
        "warplane": "aircraft",
        "warplanes": "aircraft",
        "fighter jet": "aircraft",
        "fighter jets": "aircraft",
        "helicopter": "helicopter",
        "helicopters": "helicopter",
        "drone": "drone",
        "drones": "drone",
        "uav": "drone",
        "uavs": "drone",
        "artillery": "artillery",
        "artillery pieces": "artillery",
        "artillery systems": "artillery",
        "howitzer": "artillery",
        "howitzers": "artillery",
        "rocket launchers": "artillery",
        "armoured vehicles": "vehicle",
        "armored vehicles": "vehicle",
        "vehicles": "vehicle",
        "vehicle": "vehicle",
        "missile": "missile",
        "missiles": "missile",
        "rocket": "missile",
        "rockets": "missile",
        "air defence systems": "air_defense",
        "air defense systems": "air_defense",
        "air defence system": "air_defense",
        "air defense system": "air_defense",
        "ship": "ship",
        "ships": "ship",
        "warship": "ship",
        "warships": "ship",
    },
    "noun_outcomes": {
        "casualties": KW,
        "deaths": K,
        "fatalities": K,
        "lives": K,
        "bodies": K,
        "refugees": DISP,
    },
    "others": ["others", "more", "other people"],
    "classifiers": {"of"},
    "adjectives": {
        "more",
        "other",
        "additional",
        "armed",
        "unarmed",
        "innocent",
        "local",
        "enemy",
        "military",
        "civilian",
        "of",
        "the",
        "their",
        "its",
        "government",
        "rebel",
        "separatist",
        "ethnic",
        "our",
        "his",
        "her",
    },
    "noun_modifiers": {"of", "the"},
    "outcomes": {
        "killed": K,
        "dead": K,
        "died": K,
        "die": K,
        "lost their lives": K,
        "perished": K,
        "wounded": W,
        "injured": W,
        "hurt": W,
        "missing": MISS,
        "displaced": DISP,
        "forced to flee": DISP,
        "fled": DISP,
        "fled their homes": DISP,
        "made homeless": DISP,
        "evacuated": DISP,
        "captured": CAP,
        "taken prisoner": CAP,
        "taken captive": CAP,
        "taken hostage": CAP,
    },
    "active": {
        "killed": K,
        "killing": K,
        "kills": K,
        "kill": K,
        "wounded": W,
        "wounding": W,
        "injured": W,
        "injuring": W,
        "injures": W,
        "captured": CAP,
        "capturing": CAP,
        "displaced": DISP,
        "displacing": DISP,
    },
    "equipment_outcomes": {
        "destroyed": DES,
        "damaged": DAM,
        "disabled": DAM,
        "shot down": SHOT,
        "downed": SHOT,
        "captured": CAP,
        "seized": CAP,
    },
    "equipment_active": {
        "destroyed": DES,
        "destroying": DES,
        "destroys": DES,
        "destruction of": DES,
        "damaged": DAM,
        "damaging": DAM,
        "shot down": SHOT,
        "shooting down": SHOT,
        "downed": SHOT,
        "downing": SHOT,
        "captured": CAP,
        "capturing": CAP,
        "seized": CAP,
    },
    "determiners": {"a", "total", "of", "the", "some", "another", "an"},
    "auxiliaries": {
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "are",
        "is",
        "reportedly",
        "also",
        "now",
        "being",
        "be",
        "people",
        "of",
        "them",
        "who",
        "went",
        "remain",
        "remained",
        "still",
    },
    "coordinators": {"and", "or", ",", "&", "while", "plus"},
    "tolls": {
        "death toll": K,
        "toll": K,
        "number of dead": K,
        "number of deaths": K,
        "number of wounded": W,
        "number of injured": W,
        "casualties": KW,
        "casualty toll": KW,
    },
    "links": [
        "reached",
        "rose to",
        "climbed to",
        "stood at",
        "stands at",
        "risen to",
        "increased to",
        "totalled",
        "totaled",
        "hit",
        "is",
        "was",
        "at",
        "to",
        "of",
    ],
    "speech": [
        "said",
        "says",
        "say",
        "reported",
        "reports",
        "claimed",
        "claims",
        "announced",
        "announces",
        "stated",
        "states",
        "told",
        "estimated",
        "estimates",
        "released",
        "published",
        "confirmed",
        "confirms",
        "added",
    ],
    "inverted": ["said", "says", "added", "told"],
    "pronoun_speech": ["he said", "she said", "they said", "it said", "he added", "she added"],
    "according": [
        "according to",
        "according to a report by",
        "according to figures from",
        "according to data from",
        "according to figures released by",
    ],
    "pronouns": {"he", "she", "they", "it", "we", "i", "you"},
    "connectives": [
        "however",
        "meanwhile",
        "but",
        "and",
        "also",
        "separately",
        "earlier",
        "later",
        "in addition",
        "the",
        "on",
        "so far",
    ],
    "trailing": {"also", "has", "have", "had", "on", "earlier", "later", "then", "previously"},
    "denials": [
        "denied",
        "deny",
        "denies",
        "denying",
        "dismissed",
        "rejected",
        "refuted",
        "false",
        "untrue",
        "not true",
        "lies",
        "lie",
        "fabricated",
        "fake",
        "propaganda",
        "baseless",
    ],
    "denied_claims": ["claims by", "claim by", "reports by", "claims from", "claims of"],
    "negators": {"no", "not", "none", "never", "without", "zero"},
    "enemy": {"enemy"},
    "attacks": [
        "attack",
        "attacks",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "shelling",
        "bombardment",
        "bombing",
        "fire",
        "offensive",
    ],
    "targets": {"of", "on", "against"},
    "agents": {"by"},
    "cumulative": ["so far", "to date", "in total", "in all", "overall", "until now", "thus far"],
    "incidents": [
        "attack",
        "strike",
        "airstrike",
        "air strike",
        "explosion",
        "blast",
        "bombing",
        "shelling",
        "incident",
        "raid",
        "ambush",
    ],
    "anaphora": [
        f"the {noun}"
        for noun in (
            "attack",
            "incident",
            "strike",
            "blast",
            "explosion",
            "raid",
            "shelling",
            "bombing",
            "fighting",
            "clashes",
        )
    ],
    "wars": ["fighting", "war", "clashes", "hostilities", "conflict", "offensive"],
    "starts": ["began", "begin", "broke out", "erupted", "started", "flared", "flared up"],
    "since": {"since"},
    "places": {"in", "near"},
    "place_kinds": {"town", "city", "village", "region", "province", "district", "of", "the"},
    "sites": [
        "market",
        "marketplace",
        "bazaar",
        "hospital",
        "clinic",
        "school",
        "kindergarten",
        "university",
        "district",
        "districts",
        "neighbourhood",
        "neighborhood",
        "quarter",
        "suburb",
        "suburbs",
        "outskirts",
        "centre",
        "center",
        "downtown",
        "square",
        "street",
        "streets",
        "station",
        "airport",
        "church",
        "cathedral",
        "mosque",
        "park",
        "cemetery",
        "area",
        "areas",
    ],
    "before_traps": {
        "year",
        "in",
        "since",
        "aged",
        "age",
        "at",
        "$",
        "€",
        "£",
        "us$",
        "usd",
        "no",
        "number",
        "page",
        "tel",
        "phone",
        "hotline",
        "call",
        "route",
        "flight",
    },
    "after_traps": {
        "percent",
        "per",
        "%",
        "years",
        "year",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "pounds",
        "gmt",
        "utc",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "kg",
        "tonnes",
        "tons",
        "times",
        "days",
        "hours",
        "minutes",
        "months",
        "weeks",
        "am",
        "pm",
        "a.m",
        "p.m",
    },
    "singular": {"a", "an", "one"},
}


def _build(lang: str, w: _Words) -> Lexicon:
    people = dict(w["people"])
    if lang == "id":  # "tentaranya", "warganya": the noun with its possessive
        people.update({f"{k}nya": v for k, v in w["people"].items() if " " not in k})
    return Lexicon(
        lang=lang,
        people=PhraseTable(people.items()),
        equipment=PhraseTable(w["equipment"].items()),
        noun_outcomes={" ".join(phrase_key(k)): v for k, v in w["noun_outcomes"].items()},
        others=_flags(w["others"]),
        classifiers=frozenset(w["classifiers"]),
        adjectives=frozenset(w["adjectives"]),
        noun_modifiers=frozenset(w["noun_modifiers"]),
        outcomes=PhraseTable(w["outcomes"].items()),
        active=PhraseTable(w["active"].items()),
        equipment_outcomes=PhraseTable(w["equipment_outcomes"].items()),
        equipment_active=PhraseTable(w["equipment_active"].items()),
        determiners=frozenset(w["determiners"]),
        auxiliaries=frozenset(w["auxiliaries"]),
        coordinators=frozenset(w["coordinators"]),
        tolls=PhraseTable(w["tolls"].items()),
        links=_flags(w["links"]),
        speech=_flags(w["speech"]),
        inverted=_flags(w["inverted"]),
        pronoun_speech=_flags(w["pronoun_speech"]),
        according=_flags(w["according"]),
        pronouns=frozenset(w["pronouns"]),
        connectives=_flags(w["connectives"]),
        trailing=frozenset(w["trailing"]),
        denials=_flags(w["denials"]),
        denied_claims=_flags(w["denied_claims"]),
        negators=frozenset(w["negators"]),
        enemy=frozenset(w["enemy"]),
        attacks=_flags(w["attacks"]),
        targets=frozenset(w["targets"]),
        agents=frozenset(w["agents"]),
        cumulative=_flags(w["cumulative"]),
        incidents=_flags(w["incidents"]),
        anaphora=_flags(w["anaphora"]),
        wars=_flags(w["wars"]),
        starts=_flags(w["starts"]),
        since=frozenset(w["since"]),
        places=frozenset(w["places"]),
        place_kinds=frozenset(w["place_kinds"]),
        sites=_flags(w["sites"]),
        before_traps=frozenset(w["before_traps"]),
        after_traps=frozenset(w["after_traps"]),
        demonyms=dict(_DEMONYMS),
        singular=frozenset(w["singular"]),
    )


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``"id"`` or ``"en"``."""
    if lang == "id":
        return _build("id", _INDONESIAN)
    if lang == "en":
        return _build("en", _ENGLISH)
    raise ValueError(f"unsupported language {lang!r}: expected 'id' or 'en'")
