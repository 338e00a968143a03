"""Hypothesis strategies for claimrecon's model, in one place.

Plural nouns, keyword-only options.  ``st.builds`` ignores attrs validators,
so every strategy draws fields that satisfy them, and dates are bounded.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from claimrecon import Claim, Evidence, Figure, Hop, Period, Subject
from claimrecon.claim import EQUIPMENT_OUTCOMES, PEOPLE_OUTCOMES, Category, Kind, Status
from claimrecon.figure import Rule

PEOPLE = "person"
EQUIPMENT_UNITS = ("tank", "aircraft", "helicopter", "drone", "artillery", "vehicle", "missile")
SIDES = ("armenia", "azerbaijan")
WAR_START = date(2020, 9, 27)

counts = st.integers(min_value=0, max_value=10_000_000)
small_counts = st.integers(min_value=0, max_value=5_000)


def units(*, equipment: bool = True) -> st.SearchStrategy[str]:
    """Unit names: people, and optionally each kind of equipment."""
    return st.sampled_from((PEOPLE, *EQUIPMENT_UNITS)) if equipment else st.just(PEOPLE)


@st.composite
def figures(
    draw: st.DrawFn,
    *,
    unit: str | st.SearchStrategy[str] = PEOPLE,
    max_value: int = 10_000_000,
    open_ended: bool = True,
) -> Figure:
    """Figures of every rule: exact, between, at least, more than, up to, about ..."""
    unit_name = draw(unit) if isinstance(unit, st.SearchStrategy) else unit
    n = draw(st.integers(min_value=1, max_value=max_value))
    rules = [Rule.EXACT, Rule.BETWEEN, Rule.AT_MOST, Rule.FEWER_THAN, Rule.ABOUT, Rule.NEARLY]
    if open_ended:
        rules += [Rule.AT_LEAST, Rule.MORE_THAN]
    rule = draw(st.sampled_from(rules))
    if rule is Rule.EXACT:
        return Figure.exact(n, unit_name)
    if rule is Rule.BETWEEN:
        m = draw(st.integers(min_value=n, max_value=max_value))
        return Figure.between(n, m, unit_name)
    makers = {
        Rule.AT_LEAST: Figure.at_least,
        Rule.MORE_THAN: Figure.more_than,
        Rule.AT_MOST: Figure.at_most,
        Rule.FEWER_THAN: Figure.fewer_than,
        Rule.ABOUT: Figure.about,
        Rule.NEARLY: Figure.nearly,
    }
    return makers[rule](n, unit_name)


names = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "Zs", "P", "S"),
        exclude_characters=">;\r\n\x85\u2028\u2029",
    ),
    min_size=1,
    max_size=24,
).filter(lambda s: s.strip() == s and bool(s.strip()))

plain_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(lambda s: bool(s.strip()))

dates = st.dates(min_value=date(2020, 9, 27), max_value=date(2020, 11, 10))

offsets = st.sampled_from([UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=4))])


@st.composite
def moments(draw: st.DrawFn, *, not_before: date | None = None) -> date:
    """Publication moments: a date, or a datetime with a time zone."""
    day = draw(dates)
    if not_before is not None and day < not_before:
        day = not_before + timedelta(days=draw(st.integers(0, 5)))
    if draw(st.booleans()):
        return day
    return datetime(
        day.year,
        day.month,
        day.day,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        tzinfo=draw(offsets),
    )


def hops(*, published: bool = True) -> st.SearchStrategy[Hop]:
    """Republication hops: an outlet or wire with an optional date."""
    return st.builds(Hop, names, st.none() | moments() if published else st.none())


@st.composite
def chains(draw: st.DrawFn, *, max_size: int = 3) -> tuple[Hop, ...]:
    """Republication chains without repeated names (a chain never cites itself)."""
    hop_list = draw(st.lists(hops(), max_size=max_size, unique_by=lambda h: h.name))
    return tuple(hop_list)


@st.composite
def subjects(draw: st.DrawFn, *, unit: str = PEOPLE) -> Subject:
    """What is counted, with an outcome that fits the unit."""
    outcomes = PEOPLE_OUTCOMES if unit == PEOPLE else EQUIPMENT_OUTCOMES
    return Subject(
        side=draw(st.sampled_from((*SIDES, "all", "unknown"))),
        category=draw(st.sampled_from(list(Category))),
        outcome=draw(st.sampled_from(sorted(outcomes))),
        location=draw(st.none() | names),
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Periods: cumulative since a date or one incident, as-of sometimes unknown."""
    as_of = draw(st.none() | dates)
    start = draw(
        st.none() | st.dates(min_value=date(2020, 9, 1), max_value=as_of or date(2020, 11, 10))
    )
    return Period(as_of=as_of, start=start, kind=draw(st.sampled_from(list(Kind))))


extra_keys = st.from_regex(r"\Ax_[a-z]{1,8}\Z")


@st.composite
def claims(
    draw: st.DrawFn, *, claim_id: str | None = None, extras: bool = True, text_extras: bool = False
) -> Claim:
    """Valid claims of every shape, extra columns included."""
    unit = draw(units())
    period = draw(periods())
    published = draw(st.none() | moments(not_before=period.as_of))
    status = draw(st.sampled_from(list(Status)))
    disputed = draw(st.lists(names, min_size=1, max_size=2)) if status is Status.DISPUTED else []
    start = draw(st.none() | st.integers(0, 10_000))
    evidence = Evidence(
        document=draw(st.none() | names),
        start=start,
        end=None if start is None else start + draw(st.integers(0, 200)),
        text=None,
    )
    extra_values: Any = (
        st.text(max_size=10)
        if text_extras
        else (st.none() | st.integers() | st.text(max_size=10) | st.booleans())
    )
    extra = draw(st.dictionaries(extra_keys, extra_values, max_size=2)) if extras else {}
    return Claim(
        id=claim_id or draw(names),
        figure=draw(figures(unit=unit)),
        subject=draw(subjects(unit=unit)),
        period=period,
        claimant=draw(st.none() | names),
        claimant_side=draw(st.sampled_from((*SIDES, "third_party", "unknown"))),
        chain=draw(chains()),
        published=published,
        evidence=evidence,
        status=status,
        disputed_by=disputed,
        url=draw(st.none() | names),
        note=draw(st.none() | plain_texts),
        extra=extra,
    )


def claim_lists(*, max_size: int = 8, **kwargs: Any) -> st.SearchStrategy[list[Claim]]:
    """Lists of claims with unique ids."""
    return st.lists(claims(**kwargs), max_size=max_size, unique_by=lambda c: c.id)


# -- claim sets for the engine: few subjects, sources and days, so that claims collide ----------

# "a witness" is "A Witness" in other case: one source, however the claims are ordered
ENGINE_CLAIMANTS = (None, "Armenpress", "Artsakh", "Azerbaijan", "Reuters", "Kremlin")
ENGINE_CLAIMANTS += ("A Witness", "a witness")
ENGINE_CHAINS = ((), ("Kompas.com", "AFP"), ("Medcom.id",), ("BBC",), ("Example Daily", "Reuters"))
ENGINE_FIRST_DAY = date(2020, 10, 1)
ENGINE_DAYS = st.dates(min_value=ENGINE_FIRST_DAY, max_value=date(2020, 10, 4))
PACKED_DAYS = st.dates(min_value=date(2020, 10, 1), max_value=date(2020, 10, 3))


def running_starts(as_of: date | None) -> st.SearchStrategy[date | None]:
    """Where a running total as of ``as_of`` counts from: none, the war's start, or a later day.

    A later start (from 1 October to ``as_of``) makes totals of one day cover
    different periods, so that some hold parts others do not.
    """
    plain = st.sampled_from((None, WAR_START))
    if as_of is None or as_of < ENGINE_FIRST_DAY:
        return plain
    return plain | plain | st.dates(min_value=ENGINE_FIRST_DAY, max_value=as_of)


@st.composite
def engine_claims(draw: st.DrawFn, *, claim_id: str = "c0") -> Claim:
    """One claim drawn from a small world: two sides, four days, a handful of sources."""
    unit = draw(st.sampled_from((PEOPLE, PEOPLE, PEOPLE, "tank")))
    outcomes = ("killed", "wounded", "killed_or_wounded") if unit == PEOPLE else ("destroyed",)
    kind = draw(st.sampled_from(list(Kind)))
    as_of = draw(st.none() | ENGINE_DAYS | ENGINE_DAYS)
    start = as_of if kind is Kind.INCIDENT else draw(running_starts(as_of))
    status = draw(st.sampled_from((Status.REPORTED,) * 6 + (Status.DISPUTED, Status.RETRACTED)))
    return Claim(
        id=claim_id,
        figure=draw(figures(unit=unit, max_value=200)),
        subject=Subject(
            side=draw(st.sampled_from(("armenia", "azerbaijan", "all", "unknown"))),
            category=draw(st.sampled_from(list(Category))),
            outcome=draw(st.sampled_from(outcomes)),
            location=draw(st.sampled_from((None, None, "Martakert"))),
        ),
        period=Period(as_of=as_of, start=start, kind=kind),
        claimant=draw(st.sampled_from(ENGINE_CLAIMANTS)),
        chain=tuple(Hop(name) for name in draw(st.sampled_from(ENGINE_CHAINS))),
        status=status,
        disputed_by=("Turkey",) if status is Status.DISPUTED else (),
    )


@st.composite
def engine_claim_sets(
    draw: st.DrawFn, *, max_size: int = 14, dense: bool | None = None
) -> list[Claim]:
    """Claim sets from the small world, with unique ids; packed half the time (or as asked).

    The claims come in any order: their ids are not sorted, so no law can lean on
    the input being in the order of its ids.
    """
    n = draw(st.integers(0, max_size))
    packed = draw(st.booleans()) if dense is None else dense
    if packed:
        claims = draw(packed_claim_sets(size=n))
    else:
        claims = [draw(engine_claims(claim_id=f"c{i:02d}")) for i in range(n)]
    return draw(st.permutations(claims))


#: the parts a whole splits into, by the field that splits it (see claimrecon.flags.partition)
PARTS = {
    "side": ("all", ("armenia", "azerbaijan")),
    "category": ("unspecified", ("military", "civilian")),
    "outcome": ("killed_or_wounded", ("killed", "wounded")),
}


@st.composite
def wholes_and_parts(draw: st.DrawFn) -> list[tuple[str, str, str, str | None]]:
    """A whole and its two parts by side, category or outcome, in one place, as subjects.

    ``(side, category, outcome, location)`` each: claims of them sum parts against wholes.
    """
    field = draw(st.sampled_from(list(PARTS)))
    fields = {
        "side": draw(st.sampled_from(("armenia", "azerbaijan", "all"))),
        "category": draw(st.sampled_from(("military", "civilian", "unspecified"))),
        "outcome": draw(st.sampled_from(("killed", "wounded", "killed_or_wounded"))),
    }
    whole, parts = PARTS[field]
    place = draw(st.sampled_from((None, "Martakert")))
    out = []
    for value in (whole, *parts):
        fields[field] = value
        out.append((fields["side"], fields["category"], fields["outcome"], place))
    return out


@st.composite
def summed_claim_sets(draw: st.DrawFn, *, max_size: int = 16) -> list[Claim]:
    """Packed claim sets of a whole and its parts, running totals from two starts or more.

    The parts' sum meets wholes that cover some of the parts only.
    """
    n = draw(st.integers(0, max_size))
    return draw(st.permutations(draw(packed_claim_sets(size=n, summed=True))))


@st.composite
def packed_claim_sets(draw: st.DrawFn, *, size: int, summed: bool = False) -> list[Claim]:
    """Claims drawn from a palette of two or three subjects, sources, days and starts.

    With so few choices claims meet constantly: sources disagree, series go
    back, parts exceed their wholes and sides claim each other's losses.
    ``summed``: the subjects are a whole and its parts (see
    :func:`wholes_and_parts`), the running totals from two starts or three.
    """
    palettes = st.lists(
        st.tuples(
            st.sampled_from(("armenia", "azerbaijan", "all")),
            st.sampled_from(("military", "civilian", "unspecified")),
            st.sampled_from(("killed", "wounded", "killed_or_wounded")),
            st.sampled_from((None, None, "Martakert")),
        ),
        min_size=1,
        max_size=3,
    )
    subjects = draw(wholes_and_parts() if summed else palettes | wholes_and_parts())
    claimants = draw(
        st.lists(
            st.sampled_from(("Armenpress", "Azerbaijan", "Reuters", "Artsakh", None)),
            min_size=2,
            max_size=3,
            unique=True,
        )
    )
    days = draw(
        st.lists(PACKED_DAYS if summed else PACKED_DAYS | st.none(), min_size=1, max_size=3)
    )
    # running totals count from one or two starts: the war's, none, or a day of the palette
    starts = draw(
        st.lists(
            st.sampled_from((WAR_START, None)) | PACKED_DAYS,
            min_size=2 if summed else 1,
            max_size=3,
            unique=summed,
        )
    )
    out = []
    for i in range(size):
        side, category, outcome, place = draw(st.sampled_from(subjects))
        kind = draw(st.sampled_from((Kind.CUMULATIVE, Kind.CUMULATIVE, Kind.INCIDENT)))
        as_of = draw(st.sampled_from(days))
        start = draw(st.sampled_from(starts))
        if kind is Kind.INCIDENT:
            start = as_of
        elif start is not None and as_of is not None and start > as_of:
            start = WAR_START  # a total counts from no later than its as-of day
        status = draw(st.sampled_from((Status.REPORTED,) * 8 + (Status.DISPUTED, Status.RETRACTED)))
        out.append(
            Claim(
                id=f"c{i:02d}",
                figure=draw(figures(max_value=40)),
                subject=Subject(side, category, outcome, place),
                period=Period(as_of=as_of, start=start, kind=kind),
                claimant=draw(st.sampled_from(claimants)),
                chain=tuple(Hop(name) for name in draw(st.sampled_from(ENGINE_CHAINS))),
                status=status,
                disputed_by=("Turkey",) if status is Status.DISPUTED else (),
            )
        )
    return out


#: the days of :func:`series_claim_sets`: a week of running totals
SERIES_DAYS = st.dates(min_value=date(2020, 10, 1), max_value=date(2020, 10, 7))


@st.composite
def series_claim_sets(draw: st.DrawFn, *, max_size: int = 16) -> list[Claim]:
    """Running totals of one or two sources on one or two subjects over a week.

    Each total rises with its day, give or take, so series go up most of the
    time and now and then fall below an earlier day's figure, their bounds
    cross, or a later start makes another series: what the running-total
    checks and reconcile's series bounds work on, which claim sets drawn
    from a wider world meet only rarely.
    """
    n = draw(st.integers(1, max_size))
    subjects = draw(
        st.lists(
            st.tuples(
                st.sampled_from(("armenia", "azerbaijan")),
                st.sampled_from(("military", "civilian")),
                st.sampled_from((None, "Martakert")),
            ),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    claimants = draw(
        st.lists(st.sampled_from(("Armenpress", "Azerbaijan", "Reuters")), min_size=1, max_size=2)
    )
    out = []
    for i in range(n):
        side, category, place = draw(st.sampled_from(subjects))
        as_of = draw(SERIES_DAYS)
        value = max(1, 10 * (as_of - date(2020, 10, 1)).days + draw(st.integers(-25, 10)))
        rule = draw(st.sampled_from(("exact", "exact", "between", "at_least", "about")))
        if rule == "between":
            figure = Figure.between(value, value + draw(st.integers(0, 8)))
        else:
            figure = {"exact": Figure.exact, "at_least": Figure.at_least, "about": Figure.about}[
                rule
            ](value)
        status = draw(st.sampled_from((Status.REPORTED,) * 9 + (Status.RETRACTED,)))
        start = draw(st.sampled_from((WAR_START, WAR_START, None, date(2020, 10, 3))))
        if start is not None and start > as_of:
            start = WAR_START  # a total counts from no later than its as-of day
        out.append(
            Claim(
                id=f"s{i:02d}",
                figure=figure,
                subject=Subject(side, category, "killed", place),
                period=Period(
                    as_of=as_of,
                    start=start,
                    kind=Kind.CUMULATIVE,
                ),
                claimant=draw(st.sampled_from(claimants)),
                chain=tuple(Hop(name) for name in draw(st.sampled_from(ENGINE_CHAINS))),
                status=status,
            )
        )
    return draw(st.permutations(out))


# -- claims for the event-table formats (GED, ACLED) and HXL spellings ------------------------


@st.composite
def people_killed_claims(
    draw: st.DrawFn, *, claim_id: str | None = None, text_extras: bool = True
) -> Claim:
    """Claims of people killed, all else drawn as by ``claims()``: what GED and ACLED hold."""
    claim = draw(claims(claim_id=claim_id, text_extras=text_extras))
    subject = claim.subject
    return claim.evolve(
        figure=draw(figures()),
        subject=Subject(subject.side, subject.category, "killed", subject.location),
    )


def people_killed_claim_lists(
    *, max_size: int = 8, text_extras: bool = True
) -> st.SearchStrategy[list[Claim]]:
    """Lists of claims of people killed with unique ids."""
    return st.lists(
        people_killed_claims(text_extras=text_extras), max_size=max_size, unique_by=lambda c: c.id
    )


@st.composite
def hashtag_spellings(draw: st.DrawFn, hashtag: str) -> str:
    """The same HXL hashtag spelt another way: attributes in any order, any case, spaced."""
    tag, *attributes = hashtag.split("+")
    order = draw(st.permutations(attributes))

    def respell(word: str) -> str:
        flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
        return "".join(c.upper() if flip else c for c, flip in zip(word, flips, strict=True))

    joiner = draw(st.sampled_from(("+", " +")))
    return joiner.join([respell(tag), *(respell(a) for a in order)])


# -- columnar: extra columns of every JSON-native shape ------------------------------------------

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)  # JSON has neither: a claim refuses them
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def json_extra_claims(draw: st.DrawFn, *, claim_id: str | None = None) -> Claim:
    """Claims whose extra columns hold any JSON value: nested lists, objects, floats, big ints."""
    claim = draw(claims(claim_id=claim_id, extras=False))
    extra = draw(st.dictionaries(extra_keys, json_values, max_size=3))
    return claim.evolve(extra=extra)


def json_extra_claim_lists(*, max_size: int = 6) -> st.SearchStrategy[list[Claim]]:
    """Lists of :func:`json_extra_claims` with unique ids."""
    return st.lists(json_extra_claims(), max_size=max_size, unique_by=lambda c: c.id)


# -- news text for the extractor (claimrecon.extract) ------------------------

#: words and phrases the extractor reads, in Indonesian and English, and some it must not
NEWS_PIECES = (
    "sedikitnya",
    "setidaknya",
    "lebih dari",
    "sekitar",
    "hampir",
    "hingga",
    "antara",
    "dan",
    "at least",
    "more than",
    "about",
    "nearly",
    "up to",
    "between",
    "and",
    "warga sipil",
    "tentara",
    "personel militer",
    "orang",
    "nyawa",
    "lainnya",
    "civilians",
    "soldiers",
    "people",
    "others",
    "tank",
    "jet SU-25",
    "sebuah helikopter",
    "an Su-25 jet",
    "tewas",
    "meninggal dunia",
    "luka-luka",
    "terluka",
    "hilang",
    "mengungsi",
    "merenggut",
    "menewaskan",
    "ditembak jatuh",
    "killed",
    "wounded",
    "were killed",
    "destroyed",
    "shot down",
    "Armenia",
    "Azerbaijan",
    "Azeri",
    "Azerbaijani",
    "Nagorno-Karabakh",
    "Media Armenia mengatakan,",
    "kata Kremlin",
    "menurut PBB,",
    "katanya",
    "the ministry said",
    "according to Reuters,",
    "dilansir dari AFP",
    "Sumber AFP",
    "membantah",
    "denied",
    "tidak",
    "not",
    "musuh",
    "enemy",
    "serangan udara",
    "pada Selasa (20/10)",
    "Minggu (27/9/2020)",
    "Rabu (20/10/2020)",
    "sejak 27 September",
    "since the fighting began",
    "kemarin",
    "on Tuesday",
    "Kompas.com - 06/10/2020, 14:06 WIB",
    "RABU, 21 OKTOBER 2020 | 09:20 WIB",
    "persen",
    "percent",
    "Rp",
    "$",
    "tahun",
    "berusia",
    "2024",
    "0812-3456-7890",
    "12.00",
    "Baca juga:",
    "Read more:",
    "Terkini Lainnya",
    "Most read",
    '"',
    ",",
    ".",
    "(",
    ")",
    "-",
)


def _news_counts() -> st.SearchStrategy[str]:
    ints = st.integers(min_value=0, max_value=3_000_000)
    return st.one_of(
        ints.map(str),
        ints.map(lambda n: f"{n:,}".replace(",", ".")),
        ints.map(lambda n: f"{n:,}"),
        st.sampled_from(
            [
                "tiga",
                "tiga puluh",
                "seratus empat puluh empat",
                "dua ribu",
                "2,5 juta",
                "forty-two",
                "puluhan",
                "ratusan",
                "ribuan",
                "dozens of",
                "hundreds of",
                "tens of thousands of",
            ]
        ),
    )


@st.composite
def _figure_phrases(draw: st.DrawFn) -> str:
    """A qualifier, a count, what is counted and what happened, each sometimes left out."""
    parts = [
        draw(st.sampled_from(["", "sedikitnya", "lebih dari", "sekitar", "at least", "nearly"])),
        draw(_news_counts()),
        draw(st.sampled_from(["", "warga sipil", "tentara Armenia", "orang", "civilians", "tank"])),
        draw(st.sampled_from(["", "Azerbaijan", "musuh", "enemy"])),
        draw(st.sampled_from(["", "telah", "were"])),
        draw(st.sampled_from(["tewas", "luka-luka", "mengungsi", "killed", "wounded", "hancur"])),
    ]
    return " ".join(p for p in parts if p)


@st.composite
def news_texts(draw: st.DrawFn, *, max_pieces: int = 40) -> str:
    """Texts that look like news to the extractor: its words, counts, dates, names and noise.

    Pieces of :data:`NEWS_PIECES`, figure phrases, counts written every way the
    extractor reads them, arbitrary unicode, and line breaks (so that headings,
    "Baca juga" lines and sidebars form), joined by spaces.
    """
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(NEWS_PIECES),
                _figure_phrases(),
                _news_counts(),
                st.text(max_size=6),
                st.sampled_from(["\n", "\n\n", ". ", ".\n\n", "\n\nBaca juga: "]),
            ),
            max_size=max_pieces,
        )
    )
    return " ".join(pieces) + draw(st.sampled_from([".", "", "!"]))


@st.composite
def arrow_columns(draw: st.DrawFn) -> Any:
    """Arrow columns of names or dates, with nulls, in chunks, some sliced or dictionary-coded.

    What :func:`claimrecon.columnar.convert.table_to_claims` reads a value at a time.
    """
    import pyarrow as pa

    if draw(st.booleans()):
        values: list[Any] = draw(st.lists(st.none() | st.sampled_from(["a", "b", "Ab", ""])))
        kind = pa.string()
    else:
        values = draw(st.lists(st.none() | st.dates()))
        kind = pa.date32()
    cuts = sorted(draw(st.lists(st.integers(0, len(values)), max_size=3)))
    chunks = []
    for start, end in zip([0, *cuts], [*cuts, len(values)], strict=True):
        pad = draw(st.integers(0, 2))  # a chunk that is a slice of a longer array
        array = pa.array([None] * pad + values[start:end] + [None] * pad, kind)[
            pad : pad + end - start
        ]
        chunks.append(array.dictionary_encode() if kind == pa.string() else array)
    if kind == pa.string() and draw(st.booleans()):
        return pa.chunked_array(chunks, pa.dictionary(pa.int32(), pa.string()))
    return pa.chunked_array([c.cast(kind) for c in chunks], kind)


#: cells a record may wrongly hold: equal to each other in Python, or of no use as a value
BAD_CELLS = st.sampled_from([1, 1.0, True, 0, False, "", " ", "x", "2020-13-01", [], {}, None])


@st.composite
def flat_records(draw: st.DrawFn, *, text: bool = False) -> list[dict[str, Any]]:
    """Flat records of claims (JSON values, or CSV texts), some files with bad or odd cells.

    Claims repeat their parts (a subject, a period, a hop), as a file's do;
    some files have columns outside the flat row.
    """
    from claimrecon.io.rows import to_row, to_text_row

    # a quarter of the files have extra columns, a quarter bad or odd cells
    made = draw(claim_lists(max_size=6, extras=draw(st.integers(0, 3)) == 0))
    odd = draw(st.integers(0, 3)) == 0
    records: list[dict[str, Any]] = []
    for i in range(draw(st.integers(0, 12))):
        claim = made[i % len(made)] if made else draw(claims(extras=False))
        record: dict[str, Any] = dict((to_text_row if text else to_row)(claim.evolve(id=f"r{i}")))
        if odd and draw(st.integers(0, 2)) == 0:
            field = draw(
                st.sampled_from(
                    [
                        "subject_side",
                        "category",
                        "outcome",
                        "location",
                        "as_of",
                        "period_start",
                        "kind",
                        "precision",
                        "document",
                        "evidence_start",
                        "evidence_end",
                        "evidence",
                        "reported_by",
                        "reported_dates",
                        "claimant",
                        "claimant_side",
                        "status",
                        "url",
                        "note",
                    ]
                )
            )
            cell = draw(BAD_CELLS)
            record[field] = str(cell) if text and cell is not None else cell
        records.append(record)
    return records


# -- numbers JSON has not, and event rows as GED and ACLED publish them -----------------------

#: the floats JSON has no number for
NOT_FINITE_FLOATS = st.sampled_from([float("nan"), float("inf"), float("-inf")])


def _inserted(items: list[Any], place: int, item: Any) -> list[Any]:
    return [*items[:place], item, *items[place:]]


def _keyed(entries: dict[str, Any], key: str, item: Any) -> dict[str, Any]:
    return {**entries, key: item}


#: JSON-like values holding NaN or an infinite float somewhere: itself, or at any depth within
#: lists and objects of finite values
not_finite_values: st.SearchStrategy[Any] = st.recursive(
    NOT_FINITE_FLOATS,
    lambda inner: (
        st.builds(_inserted, st.lists(json_values, max_size=2), st.integers(0, 2), inner)
        | st.builds(
            _keyed,
            st.dictionaries(st.text(max_size=4), json_values, max_size=2),
            st.text(max_size=4),
            inner,
        )
    ),
    max_leaves=4,
)

#: actor names as a GED side column holds them: a side code, names the registry knows or not,
#: civilians, none
GED_ACTORS = (
    "",
    "armenia",
    "unknown",
    "Republic of Artsakh",
    "Government of Azerbaijan",
    "Some Militia",
    "Civilians",
)
#: the actor2 cells of ACLED: civilians of a side the registry knows or not, of every side, others
ACLED_ACTOR2 = (
    "",
    "Civilians",
    "Civilians (Azerbaijan)",
    "Civilians (azerbaijan)",
    "Civilians (Narnia)",
    "Some group",
)


def _day(moment: date) -> str:
    return moment.isoformat()


@st.composite
def ged_rows(draw: st.DrawFn, *, row_id: str = "1") -> dict[str, str]:
    """A GED event row that reads as a claim: its cells by column, in every way GED fills them.

    The dead in one or several ``deaths_*`` columns, known and unknown actors
    in ``side_a`` and ``side_b``, ``year`` and ``number_of_sources`` that
    agree with the dates and offices or not, source dates that pair with the
    offices or not, dates with GED's time of day.
    """
    as_of = draw(st.none() | dates)
    low = draw(small_counts)
    high = low + draw(st.integers(0, 50))
    best = draw(st.integers(low, high))
    deaths = dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), "0")
    for column in draw(st.lists(st.sampled_from(sorted(deaths)), min_size=1, max_size=2)):
        deaths[column] = str(best)
    offices = draw(st.lists(names, max_size=3, unique=True))
    if offices:
        paired = [
            draw(st.sampled_from(["", _day(d)]))
            for d in draw(st.lists(dates, min_size=len(offices), max_size=len(offices)))
        ]
        source_date = draw(st.sampled_from([";".join(paired), "2020-10-21", ""]))
    else:  # one date is the publication's, which cannot come before the as-of date
        published = as_of + timedelta(days=draw(st.integers(0, 3))) if as_of else WAR_START
        source_date = draw(st.sampled_from([_day(published), "2020-10-21;2020-10-22", ""]))
    timed = draw(st.booleans())  # GED's own form: 2020-10-20 00:00:00.000
    stamp = (lambda d: f"{_day(d)} 00:00:00.000") if timed else _day
    start = as_of - timedelta(days=draw(st.integers(0, 5))) if as_of else None
    years = ["", "2019", "2020.0"] + ([str(as_of.year)] if as_of else [])
    return {
        "id": row_id,
        "relid": draw(st.sampled_from(["", "ARM-2020-1-412-1"])),
        "year": draw(st.sampled_from(years)),
        "side_a": draw(st.sampled_from(GED_ACTORS)),
        "side_b": draw(st.sampled_from(GED_ACTORS)),
        "source_article": draw(st.sampled_from(["", "doc-1"])),
        "source_office": ";".join(offices),
        "source_date": source_date,
        "source_original": draw(st.sampled_from(["", "Armenian defence ministry", "Some Witness"])),
        "where_coordinates": draw(st.sampled_from(["", "Stepanakert town"])),
        "date_start": stamp(start) if start and draw(st.booleans()) else "",
        "date_end": stamp(as_of) if as_of else "",
        "date_prec": draw(st.sampled_from(["", "1", "2", "3", "4", "5"])),
        **deaths,
        "best": str(best),
        "high": str(high),
        "low": str(low),
        "number_of_sources": draw(st.sampled_from(["", str(len(offices)), "5"])),
    }


@st.composite
def acled_rows(draw: st.DrawFn, *, row_id: str = "AZE1") -> dict[str, str]:
    """An ACLED event row that reads as a claim: civilians of any side or not, years of its own."""
    as_of = draw(st.none() | dates)
    written = (lambda d: f"{d.day} {d.strftime('%B')} {d.year}") if draw(st.booleans()) else _day
    years = ["", "2019", "2020.0"] + ([str(as_of.year)] if as_of else [])
    return {
        "event_id_cnty": row_id,
        "event_date": written(as_of) if as_of else "",
        "year": draw(st.sampled_from(years)),
        "time_precision": draw(st.sampled_from(["", "1", "2", "3"])),
        "actor1": draw(st.sampled_from(["", "Military Forces of Armenia (2018-)"])),
        "actor2": draw(st.sampled_from(ACLED_ACTOR2)),
        "civilian_targeting": draw(st.sampled_from(["", "Civilian targeting"])),
        "location": draw(st.sampled_from(["", "Barda"])),
        "source": "; ".join(draw(st.lists(names, max_size=3, unique=True))),
        "notes": draw(st.sampled_from(["", "Shelling in Barda."])),
        "fatalities": str(draw(small_counts)),
    }


def law_claim_sets() -> st.SearchStrategy[list[Claim]]:
    """Claim sets of every kind the engine's laws are checked on.

    The small world (:func:`engine_claim_sets`), a whole and its parts from
    several starts (:func:`summed_claim_sets`) and running totals over a week
    (:func:`series_claim_sets`), so that each law meets the sums and the series
    that the small world meets rarely.
    """
    return engine_claim_sets() | summed_claim_sets() | series_claim_sets()
