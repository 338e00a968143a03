"""Interchange formats: HXL, UCDP GED-like and ACLED-like CSV, W3C PROV-JSON.

Round trips are stated as laws: HXL keeps every claim (extras as text);
GED and ACLED keep exactly the projection each module's docstring documents.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimrecon import (
    DEFAULT_SIDES,
    Category,
    Claim,
    Evidence,
    Figure,
    FormatError,
    Hop,
    Kind,
    Period,
    Precision,
    Rule,
    Subject,
    read_claims,
    write_claims,
)
from claimrecon.io import FORMATS, format_of
from claimrecon.io.acled import ACLED_COLUMNS, acled_date, read_acled, write_acled
from claimrecon.io.ged import (
    GED_COLUMNS,
    actor_side,
    best_of,
    read_ged,
    write_ged,
    write_ged_estimates,
)
from claimrecon.io.hxl import Hashtag, read_hxl, write_hxl
from claimrecon.io.prov import prov_document, write_prov
from tests.builders import nk772
from tests.strategies import claim_lists, hashtag_spellings, people_killed_claim_lists

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
few_settings = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25
)

# -- helpers ------------------------------------------------------------------------


def write_rows(path: Path, rows: list[list[str]], *, bom: bool = False) -> None:
    """Write raw CSV rows, as another tool would."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)  # quotes cells holding a CR
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(("\ufeff" if bom else "") + buffer.getvalue())


def read_rows(path: Path) -> list[list[str]]:
    """The raw CSV rows of a file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def errors_of(
    read: Callable[[Path], list[Claim]], path: Path
) -> list[tuple[int | None, str | None]]:
    """(line, field) of every error a reader reports for a file."""
    with pytest.raises(FormatError) as info:
        read(path)
    return [(e.line, e.field) for e in info.value.errors]


def text_extras(claim: Claim) -> list[tuple[str, str]]:
    """A claim's extras as CSV keeps them: text, empty ones gone."""
    out = []
    for key, value in claim.extra:
        text = "" if value is None else str(value)
        if isinstance(value, bool):
            text = str(value).lower()
        if text:
            out.append((key, text))
    return out


def canonical(claims: list[Claim]) -> list[Claim]:
    """Claims with their extras in key order (files put extras in first-seen column order)."""
    return [c.evolve(extra=sorted(c.extra)) for c in claims]


def hxl_projection(claim: Claim) -> Claim:
    """What HXL keeps of a claim: everything, extras as non-empty text."""
    return claim.evolve(extra=text_extras(claim))


def ged_projection(claim: Claim) -> Claim:
    """What GED keeps of a claim of people killed (see claimrecon.io.ged)."""
    f, subject, period = claim.figure, claim.subject, claim.period
    best = best_of(f)
    if f.high == f.low:
        figure = Figure.exact(f.low)
    else:
        figure = Figure(
            f.low, f.high, "person", Rule.AT_LEAST if f.high is None else Rule.BETWEEN, best
        )
    military = subject.category is Category.MILITARY
    return Claim(
        id=claim.id,
        figure=figure,
        subject=Subject(
            subject.side if military else "all", subject.category, "killed", subject.location
        ),
        period=Period(period.as_of, period.start, Kind.INCIDENT, period.precision),
        claimant=claim.claimant,
        claimant_side=DEFAULT_SIDES.side_of(claim.claimant),
        chain=claim.chain,
        published=None if claim.chain else claim.published,
        evidence=Evidence(document=claim.evidence.document),
        extra=text_extras(claim),
    )


def acled_projection(claim: Claim) -> Claim:
    """What ACLED keeps of a claim of people killed (see claimrecon.io.acled)."""
    subject, period = claim.subject, claim.period
    civilians = subject.category is Category.CIVILIAN
    sources = [hop.name for hop in claim.chain]
    if claim.claimant is not None and claim.claimant not in sources:
        sources.append(claim.claimant)
    precision = Precision.MONTH if period.precision is Precision.YEAR else period.precision
    return Claim(
        id=claim.id,
        figure=Figure.exact(claim.figure.low),
        subject=Subject(
            subject.side if civilians else "all",
            Category.CIVILIAN if civilians else Category.UNSPECIFIED,
            "killed",
            subject.location,
        ),
        period=Period(period.as_of, period.as_of, Kind.INCIDENT, precision),
        chain=tuple(Hop(name) for name in sources),
        note=claim.note,
        extra=text_extras(claim),
    )


def hxl_file(
    path: Path, tags: list[str], *rows: list[str], header: list[str] | None = None
) -> Path:
    """An HXL file: headers (the hashtags' own unless given), hashtags, rows."""
    write_rows(path, [header or [t.lstrip("#") for t in tags], tags, *rows])
    return path


HXL_TAGS = ["#meta+id", "#group+code+victim", "#date+start", "#date+end", "#affected+killed+min"]


def ged_file(path: Path, *rows: dict[str, str]) -> Path:
    """A GED file with GED's columns and the given cells."""
    write_rows(path, [list(GED_COLUMNS), *[[r.get(c, "") for c in GED_COLUMNS] for r in rows]])
    return path


def ged_row(**cells: str) -> dict[str, str]:
    """A GED event row as UCDP publishes it (dates with a time, zeros in every deaths column)."""
    row = {
        "id": "401",
        "relid": "ARM-2020-1-412-1",
        "year": "2020",
        "type_of_violence": "1",
        "conflict_name": "Azerbaijan: Nagorno-Karabakh",
        "side_a": "Government of Azerbaijan",
        "side_b": "Republic of Artsakh",
        "source_office": "Reuters;AFP",
        "source_date": "2020-10-21;2020-10-22",
        "source_original": "Armenian defence ministry",
        "where_coordinates": "Stepanakert town",
        "country": "Azerbaijan",
        "date_start": "2020-10-20 00:00:00.000",
        "date_end": "2020-10-20 00:00:00.000",
        "date_prec": "1",
        "deaths_a": "0",
        "deaths_b": "12",
        "deaths_civilians": "0",
        "deaths_unknown": "0",
        "best": "12",
        "high": "15",
        "low": "10",
        "number_of_sources": "2",
    }
    row.update(cells)
    return row


def acled_file(path: Path, *rows: dict[str, str], bom: bool = True) -> Path:
    """An ACLED export (with its byte order mark) with the given cells."""
    body = [[r.get(c, "") for c in ACLED_COLUMNS] for r in rows]
    write_rows(path, [list(ACLED_COLUMNS), *body], bom=bom)
    return path


def acled_row(**cells: str) -> dict[str, str]:
    """An ACLED event row."""
    row = {
        "event_id_cnty": "AZE1234",
        "event_date": "21 October 2020",
        "year": "2020",
        "time_precision": "1",
        "event_type": "Explosions/Remote violence",
        "actor1": "Military Forces of Armenia (2018-)",
        "actor2": "Civilians (Azerbaijan)",
        "civilian_targeting": "Civilian targeting",
        "country": "Azerbaijan",
        "location": "Barda",
        "latitude": "40.3744",
        "longitude": "47.1267",
        "source": "Trend News Agency; Reuters",
        "notes": "On 21 October 2020, shelling killed 21 civilians in Barda.",
        "fatalities": "21",
        "timestamp": "1604422873",
    }
    row.update(cells)
    return row


READERS = {"hxl": read_hxl, "ged": read_ged, "acled": read_acled}
SUFFIXES = {"hxl": ".hxl.csv", "ged": ".ged.csv", "acled": ".acled.csv"}


# -- every CSV-based format -----------------------------------------------------------


class TestReadClaims:
    @pytest.mark.parametrize("fmt", sorted(READERS))
    @pytest.mark.parametrize(
        "content", [b"", b"\n\n", b"\x89PNG\r\n\x1a\n\x00\x00\xff", "é".encode("utf-16")]
    )
    def test_empty_or_binary(self, tmp_path: Path, fmt: str, content: bytes) -> None:
        """An empty, blank or binary file is a FormatError, never a crash or an empty list."""
        path = tmp_path / f"f{SUFFIXES[fmt]}"
        path.write_bytes(content)
        with pytest.raises(FormatError):
            read_claims(path)

    @pytest.mark.parametrize("fmt", sorted(READERS))
    def test_parts_shared(self, tmp_path: Path, fmt: str) -> None:
        """Claims read from one file share their equal subjects and periods (they are frozen)."""
        killed = Figure.exact(5)
        claims = [
            Claim(f"c{i}", killed, Subject("armenia", "military"), Period(date(2020, 10, 1)))
            for i in range(3)
        ]
        path = tmp_path / f"f{SUFFIXES[fmt]}"
        write_claims(claims, path)
        first, *rest = read_claims(path)
        assert all(c.subject is first.subject and c.period is first.period for c in rest)

    @pytest.mark.parametrize("fmt", sorted(f for f, (_, read, _) in FORMATS.items() if read))
    def test_format_named(self, tmp_path: Path, fmt: str) -> None:
        """Every format reads and writes a file whose suffix does not say it, when named."""
        path = tmp_path / "claims.dat"
        write_claims([nk772()], path, format=fmt)
        own = tmp_path / f"own{FORMATS[fmt][0][0]}"
        write_claims([nk772()], own)
        assert read_claims(path, format=fmt) == read_claims(own)

    @pytest.mark.parametrize("fmt", sorted(READERS))
    def test_missing_file(self, tmp_path: Path, fmt: str) -> None:
        """A missing file is a FormatError naming it."""
        with pytest.raises(FormatError, match="cannot open"):
            read_claims(tmp_path / f"nothing{SUFFIXES[fmt]}")


class TestFormatOf:
    @pytest.mark.parametrize(
        ("name", "fmt"),
        [
            ("claims.hxl.csv", "hxl"),
            ("CLAIMS.HXL.CSV", "hxl"),
            ("events.ged.csv", "ged"),
            ("export.acled.csv", "acled"),
            ("chains.prov.json", "prov"),
            ("claims.csv", "csv"),
            ("claims.jsonl", "jsonl"),
        ],
    )
    def test_longest_suffix_wins(self, name: str, fmt: str) -> None:
        """A compound suffix (.hxl.csv) beats the plain one (.csv)."""
        assert format_of(name) == fmt

    def test_prov_is_write_only(self, tmp_path: Path) -> None:
        """Reading PROV-JSON says it cannot be read."""
        with pytest.raises(FormatError, match="cannot be read"):
            read_claims(tmp_path / "x.prov.json")


# -- HXL --------------------------------------------------------------------------------


class TestHashtag:
    def test_attributes_are_a_set(self) -> None:
        """Attribute order and case do not matter; spaces before '+' are allowed, as in libhxl."""
        assert Hashtag.parse("#affected+min+Killed") == Hashtag.parse("#AFFECTED +killed +min")

    @pytest.mark.parametrize("text", ["affected+killed", "#affected+killed min", "#1x", "#a+"])
    def test_malformed(self, text: str) -> None:
        """A cell that is not tag-plus-attributes is rejected."""
        with pytest.raises(ValueError, match="not an HXL hashtag"):
            Hashtag.parse(text)


class TestWriteHxl:
    def test_layout(self, tmp_path: Path) -> None:
        """Row 1 headers, row 2 hashtags, one row a claim filling only its own figure pair."""
        path = tmp_path / "c.hxl.csv"
        tank = Claim(
            id="t1",
            figure=Figure.at_least(5, "tank"),
            subject=Subject("azerbaijan", "military", "destroyed"),
        )
        civilians = Claim(
            id="c1", figure=Figure.between(30, 40), subject=Subject("azerbaijan", "civilian")
        )
        write_hxl([nk772(), tank, civilians], path)
        header, tags, *rows = read_rows(path)
        assert tags[:3] == ["#meta+id", "#org+name+claimant", "#group+code+claimant"]
        figure_tags = [t for t in tags if t.startswith("#affected")]
        assert figure_tags == [
            "#affected+killed+military+min",
            "#affected+killed+military+max",
            "#affected+killed+civilians+min",
            "#affected+killed+civilians+max",
            "#affected+killed+min",
            "#affected+killed+max",
            "#affected+destroyed+tank+military+min",
            "#affected+destroyed+tank+military+max",
        ]
        by_tag = [dict(zip(tags, row, strict=True)) for row in rows]
        assert [r["#affected+killed+military+min"] for r in by_tag] == ["772", "", ""]
        assert by_tag[1]["#affected+destroyed+tank+military+max"] == ""  # open
        assert by_tag[2]["#affected+killed+civilians+max"] == "40"
        assert by_tag[0]["#meta+source"] == "Example Daily > Reuters"
        assert len(header) == len(tags)

    def test_nothing_written_on_error(self, tmp_path: Path) -> None:
        """Claims that fail while written leave the old file as it was, and no other."""
        path = tmp_path / "c.hxl.csv"
        write_hxl([nk772()], path)
        before = path.read_bytes()

        def failing() -> Iterator[Claim]:
            yield nk772(id="first")
            raise RuntimeError("the source of the claims failed")

        with pytest.raises(RuntimeError):
            write_hxl(failing(), path)
        assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]

    def test_formula_injection(self, tmp_path: Path) -> None:
        """Cells a spreadsheet would evaluate are defused, the hashtags are not."""
        path = tmp_path / "c.hxl.csv"
        claim = nk772(id="=HYPERLINK(1)", note="@SUM(A1)", extra={"=x": "-1"})
        write_hxl([claim], path)
        text = path.read_bytes().decode("utf-8")
        assert "'=HYPERLINK(1)" in text and "'@SUM(A1)" in text and "'=x" in text
        assert "\r\n#meta+id," in text
        assert read_hxl(path) == [claim]


class TestReadHxl:
    @tmp_settings
    @given(claim_lists(text_extras=True))
    def test_lossless(self, tmp_path: Path, claims: list[Claim]) -> None:
        """read(write(claims)) is the claims, extras as non-empty text: HXL loses nothing else."""
        path = tmp_path / "c.hxl.csv"
        write_claims(claims, path)
        assert canonical(read_claims(path)) == canonical([hxl_projection(c) for c in claims])

    @few_settings
    @given(claim_lists(max_size=3, extras=False), st.data())
    def test_spelling_and_order(
        self, tmp_path: Path, claims: list[Claim], data: st.DataObject
    ) -> None:
        """Hashtags are matched as sets, in any case, and columns in any order."""
        path = tmp_path / "c.hxl.csv"
        write_hxl(claims, path)
        header, tags, *rows = read_rows(path)
        tags = [data.draw(hashtag_spellings(t)) for t in tags]
        order = data.draw(st.permutations(range(len(tags))))
        write_rows(path, [[row[i] for i in order] for row in [header, tags, *rows]])
        assert read_hxl(path) == claims

    def test_unknown_and_untagged_columns(self, tmp_path: Path) -> None:
        """Unknown hashtags are extras keyed by hashtag, untagged columns by header; both return."""
        path = hxl_file(
            tmp_path / "c.hxl.csv",
            ["#meta+id", "#affected+killed+min", "#Country+Code", "", "", ""],
            ["a", "3", "ARM", "kept", "no header", "shadows a field"],
            header=["ID", "Killed", "Country", "remark", "", "note"],
        )
        (claim,) = read_hxl(path)
        assert claim.extra == (("#country+code", "ARM"), ("remark", "kept"))
        assert claim.note is None
        write_hxl([claim], path)
        _, tags, _ = read_rows(path)
        assert tags[-2:] == ["#country+code", ""]
        assert read_hxl(path) == [claim]

    def test_libhxl_reads_it(self, tmp_path: Path) -> None:
        """libhxl (the HXL reference library) finds claimrecon's columns by tag pattern."""
        hxl = pytest.importorskip("hxl")
        pytest.importorskip("six")
        path = tmp_path / "c.hxl.csv"
        civilians = Claim(
            id="c1", figure=Figure.between(30, 40), subject=Subject("azerbaijan", "civilian")
        )
        write_hxl([nk772(), civilians], path)
        source = hxl.data(str(path), hxl.input.InputOptions(allow_local=True)).cache()
        assert [row.get("#affected+killed+civilians+max") or "" for row in source] == ["", "40"]
        assert [row.get("#meta+id") for row in source] == ["nk-772", "c1"]

    @pytest.mark.parametrize(
        ("tags", "row", "expected"),
        [
            (HXL_TAGS[1:], ["armenia", "", "", "3"], [(2, "#meta+id")]),
            (HXL_TAGS[:-1], ["a", "armenia", "", ""], [(2, "#affected+killed+min")]),
            (
                [*HXL_TAGS, "affected+injured+min"],
                ["a", "armenia", "", "", "3", ""],
                [(2, "affected+injured+min")],
            ),
            ([*HXL_TAGS, "#meta+id"], ["a", "armenia", "", "", "3", "b"], [(2, "#meta+id")]),
            (
                [*HXL_TAGS, "#affected+killed+max+civilians"],
                ["a", "all", "", "", "3", "4"],
                [(2, "#affected+killed+max+civilians")],
            ),
            (HXL_TAGS, ["a", "armenia", "", "", "three"], [(3, "#affected+killed+min")]),
            (HXL_TAGS, ["a", "Armenia", "", "", "3"], [(3, "#group+code+victim")]),
            (HXL_TAGS, ["a", "armenia", "", "2020-13-45", "3"], [(3, "#date+end")]),
            (HXL_TAGS, ["a", "armenia", "2020-10-21", "2020-10-20", "3"], [(3, "#date+start")]),
            (HXL_TAGS, ["a", "armenia", "", "", ""], [(3, "#affected+killed+min")]),
            (
                [*HXL_TAGS, "#affected+injured+min"],
                ["a", "armenia", "", "", "3", "4"],
                [(3, "#affected+injured+min")],
            ),
        ],
        ids=[
            "no-id",
            "no-figure",
            "wrong-tag",
            "repeated-tag",
            "max-without-min",
            "not-a-count",
            "side-not-a-code",
            "bad-date",
            "start-after-end",
            "no-figure-filled",
            "two-figures",
        ],
    )
    def test_bad_input(
        self,
        tmp_path: Path,
        tags: list[str],
        row: list[str],
        expected: list[tuple[int, str]],
    ) -> None:
        """Each bad header or cell is reported with its line and hashtag."""
        path = hxl_file(tmp_path / "bad.hxl.csv", tags, row)
        assert errors_of(read_hxl, path) == expected

    def test_every_bad_row_at_once(self, tmp_path: Path) -> None:
        """All bad rows are listed in one error, repeated ids too; nothing is returned."""
        path = hxl_file(
            tmp_path / "bad.hxl.csv",
            HXL_TAGS,
            ["a", "armenia", "", "", "x"],
            ["b", "armenia", "", "", "1"],
            ["c", "Armenia", "", "bad", "1"],
            ["b", "armenia", "", "", "1"],
            ["d", "armenia", "", "", "1", "surplus"],
        )
        assert errors_of(read_hxl, path) == [
            (3, "#affected+killed+min"),
            (5, "#group+code+victim"),
            (5, "#date+end"),
            (7, None),
            (6, "id"),
        ]

    def test_no_hashtag_row(self, tmp_path: Path) -> None:
        """A plain CSV (data in row 2) is told to have no hashtag row, on line 2."""
        path = tmp_path / "plain.hxl.csv"
        write_rows(path, [["id", "low"], ["a", "3"]])
        assert errors_of(read_hxl, path) == [(2, None)]
        write_rows(path, [["id", "low"]])
        assert errors_of(read_hxl, path) == [(2, None)]


# -- GED --------------------------------------------------------------------------------


class TestBestOf:
    @pytest.mark.parametrize(
        ("figure", "best"),
        [
            (Figure.exact(7), 7),
            (Figure.about(400), 400),
            (Figure.at_least(30), 30),
            (Figure.more_than(100), 101),
            (Figure.between(30, 40), 30),
            (Figure.fewer_than(10), 0),
            (Figure.magnitude("ratusan"), 100),
        ],
    )
    def test_stated_within_bounds_else_low(self, figure: Figure, best: int) -> None:
        """best is the number as stated when the bounds admit it, else the low bound."""
        assert best_of(figure) == best


class TestActorSide:
    @pytest.mark.parametrize(
        ("name", "side"),
        [
            ("armenia", ("armenia", True)),
            ("Republic of Artsakh", ("armenia", True)),
            ("Government of Azerbaijan", ("unknown", False)),
            ("", ("unknown", False)),
        ],
    )
    def test_codes_then_registry(self, name: str, side: tuple[str, bool]) -> None:
        """A side code is itself; other names go through the registry; unknown names are unknown."""
        assert actor_side(name) == side


class TestReadGed:
    @tmp_settings
    @given(people_killed_claim_lists())
    def test_projection(self, tmp_path: Path, claims: list[Claim]) -> None:
        """read(write(claims)) is exactly the documented GED projection of the claims."""
        path = tmp_path / "c.ged.csv"
        write_claims(claims, path)
        assert canonical(read_claims(path)) == canonical([ged_projection(c) for c in claims])

    def test_real_row(self, tmp_path: Path) -> None:
        """A GED row as UCDP publishes it reads as a dated, sourced claim."""
        extra = ["latitude", "longitude", "where_prec"]
        row = ged_row()
        header = [*GED_COLUMNS, *extra]
        write_rows(
            tmp_path / "r.ged.csv",
            [header, [row.get(c, "") for c in GED_COLUMNS] + ["39.8", "46.7", "1"]],
        )
        (claim,) = read_ged(tmp_path / "r.ged.csv")
        assert claim.figure == Figure(10, 15, "person", Rule.BETWEEN, 12)
        assert claim.subject == Subject("armenia", "military", "killed", "Stepanakert town")
        assert claim.period == Period(date(2020, 10, 20), date(2020, 10, 20), Kind.INCIDENT)
        assert (claim.claimant, claim.claimant_side) == ("Armenian defence ministry", "armenia")
        assert claim.chain == (Hop("Reuters", date(2020, 10, 21)), Hop("AFP", date(2020, 10, 22)))
        assert claim.extras == {
            "relid": "ARM-2020-1-412-1",
            "type_of_violence": "1",
            "conflict_name": "Azerbaijan: Nagorno-Karabakh",
            "side_a": "Government of Azerbaijan",
            "country": "Azerbaijan",
            "latitude": "39.8",
            "longitude": "46.7",
            "where_prec": "1",
        }

    @pytest.mark.parametrize(
        ("cells", "side", "category"),
        [
            ({"deaths_b": "0", "deaths_a": "12"}, "unknown", "military"),
            ({"deaths_a": "3", "deaths_b": "9"}, "all", "unspecified"),
            ({"deaths_b": "0", "deaths_civilians": "12"}, "all", "civilian"),
            ({"deaths_b": "0", "deaths_unknown": "12"}, "all", "unspecified"),
            ({"deaths_b": "0", "best": "0", "low": "0", "high": "0"}, "all", "unspecified"),
            ({"side_b": "Civilians"}, "all", "civilian"),
        ],
    )
    def test_subject(self, tmp_path: Path, cells: dict[str, str], side: str, category: str) -> None:
        """The one nonzero deaths column says whose dead; several mean every side."""
        (claim,) = read_ged(ged_file(tmp_path / "r.ged.csv", ged_row(**cells)))
        assert (claim.subject.side, claim.subject.category.value) == (side, category)

    def test_unknown_side_is_kept(self, tmp_path: Path) -> None:
        """A side name the registry does not know gives side 'unknown' and stays as an extra."""
        (claim,) = read_ged(ged_file(tmp_path / "r.ged.csv", ged_row(side_b="Some Militia")))
        assert claim.subject.side == "unknown" and claim.extras["side_b"] == "Some Militia"

    def test_unpaired_dates_are_kept(self, tmp_path: Path) -> None:
        """Source dates that do not pair with the offices stay as the extra source_date."""
        row = ged_row(source_date="2020-10-21", number_of_sources="5", year="2019")
        (claim,) = read_ged(ged_file(tmp_path / "r.ged.csv", row))
        assert [h.published for h in claim.chain] == [None, None]
        assert claim.extras["source_date"] == "2020-10-21"
        assert (claim.extras["number_of_sources"], claim.extras["year"]) == ("5", "2019")

    @pytest.mark.parametrize(
        ("cells", "field"),
        [
            ({"low": "ten"}, "low"),
            ({"low": ""}, "low"),
            ({"deaths_b": "many"}, "deaths_b"),
            ({"best": "99"}, "best"),
            ({"low": "20", "best": ""}, "high"),
            ({"date_end": "2020-02-30"}, "date_end"),
            ({"date_end": "20/10/2020"}, "date_end"),
            ({"date_start": "2020-10-21"}, "date_start"),
            ({"date_prec": "9"}, "date_prec"),
            ({"date_prec": "4.9"}, "date_prec"),
            ({"low": "٣"}, "low"),
            ({"high": "５"}, "high"),
            ({"source_office": "Reuters;;AFP", "source_date": ""}, "source_office"),
            ({"source_office": "Reuters > AFP", "source_date": ""}, "source_office"),
            ({"id": ""}, "id"),
        ],
    )
    def test_bad_cell(self, tmp_path: Path, cells: dict[str, str], field: str) -> None:
        """Each bad cell is reported with its line and GED column."""
        path = ged_file(tmp_path / "bad.ged.csv", ged_row(id="ok"), ged_row(**cells))
        assert errors_of(read_ged, path) == [(3, field)]

    def test_missing_column(self, tmp_path: Path) -> None:
        """A header without a required column names it, on line 1."""
        path = tmp_path / "bad.ged.csv"
        write_rows(path, [["id", "best", "id"], ["1", "3", "1"]])
        assert errors_of(read_ged, path) == [(1, "low"), (1, "high"), (1, "id")]

    def test_every_bad_row_at_once(self, tmp_path: Path) -> None:
        """All bad rows and repeated ids are listed together."""
        path = ged_file(
            tmp_path / "bad.ged.csv",
            ged_row(id="1", low="x", date_end="x"),
            ged_row(id="2"),
            ged_row(id="2"),
        )
        assert errors_of(read_ged, path) == [(2, "low"), (2, "date_end"), (4, "id")]


class TestWriteGed:
    def test_row(self, tmp_path: Path) -> None:
        """A military claim fills deaths_a with side_a its side, and best/low/high."""
        path = tmp_path / "c.ged.csv"
        write_ged([nk772(figure=Figure.about(770))], path)
        (row,) = [dict(zip(*read_rows(path), strict=True))]
        assert (row["side_a"], row["deaths_a"], row["deaths_b"]) == ("armenia", "770", "0")
        assert (row["low"], row["best"], row["high"]) == ("693", "770", "847")
        assert (row["source_office"], row["source_date"]) == (
            "Example Daily;Reuters",
            "2020-10-21;2020-10-20",
        )
        assert (row["date_start"], row["date_end"], row["year"]) == (
            "2020-09-27",
            "2020-10-20",
            "2020",
        )

    @pytest.mark.parametrize(
        ("claim", "field"),
        [
            (nk772(subject=Subject("armenia", "military", "wounded")), "outcome"),
            (
                nk772(
                    figure=Figure.exact(3, "tank"),
                    subject=Subject("armenia", "military", "destroyed"),
                ),
                "unit outcome",
            ),
            (nk772(chain=(Hop("A;B"),)), "reported_by"),
        ],
    )
    def test_refuses(self, tmp_path: Path, claim: Claim, field: str) -> None:
        """A claim GED cannot hold is an error naming it and the field; nothing is written."""
        path = tmp_path / "c.ged.csv"
        with pytest.raises(FormatError) as info:
            write_ged([nk772(id="fine"), claim], path)
        assert [(e.record, e.field) for e in info.value.errors] == [
            ("nk-772", f) for f in field.split()
        ]
        assert not path.exists() and list(tmp_path.iterdir()) == []

    def test_extras_fill_ged_columns(self, tmp_path: Path) -> None:
        """A real GED row read and written again keeps its GED columns and the rest."""
        path = tmp_path / "r.ged.csv"
        ged_file(path, ged_row())
        claims = read_ged(path)
        write_ged(claims, path)
        (row,) = [dict(zip(*read_rows(path), strict=True))]
        assert (row["relid"], row["country"], row["side_a"], row["side_b"]) == (
            "ARM-2020-1-412-1",
            "Azerbaijan",
            "Government of Azerbaijan",
            "armenia",  # the side's code stands for "Republic of Artsakh"
        )
        assert (row["deaths_a"], row["deaths_b"]) == ("0", "12")
        assert read_ged(path) == claims

    def test_formula_injection(self, tmp_path: Path) -> None:
        """Cells a spreadsheet would evaluate are defused and read back unchanged."""
        path = tmp_path / "c.ged.csv"
        claim = nk772(
            claimant="=cmd|' /C calc'!A0", subject=Subject("armenia", "military", "killed", "@x")
        )
        write_ged([claim], path)
        text = path.read_bytes().decode("utf-8")
        assert ",'=cmd|" in text and ",'@x," in text
        assert read_ged(path) == [ged_projection(claim)]


class TestWriteGedEstimates:
    def test_seeds(self, tmp_path: Path) -> None:
        """Reconciled estimates of people killed become GED rows with grade and trace ids."""
        from claimrecon import load_seeds
        from claimrecon.reconcile import reconcile

        estimates = [e for e in reconcile(load_seeds()) if e.unit == "person"]
        killed = [e for e in estimates if e.outcome == "killed" and e.low is not None]
        path = tmp_path / "e.ged.csv"
        write_ged_estimates(killed, path)
        header, *rows = read_rows(path)
        assert header[-5:] == ["grade", "policy", "kind", "set_aside", "note"]
        assert len(rows) == len(killed)
        first = dict(zip(header, rows[0], strict=True))
        assert first["id"] == "1" and first["grade"] in {"confirmed", "fair", "weak", "contested"}
        assert first["source_article"]  # the ids of the claims used
        with pytest.raises(FormatError, match=r"'kind'.*claim field"):
            read_ged(path)  # estimates are not claims: their kind and note are not a claim's
        others = [e for e in estimates if e.outcome != "killed"]
        with pytest.raises(FormatError, match="'outcome'"):
            write_ged_estimates(others, tmp_path / "x.ged.csv")
        assert not (tmp_path / "x.ged.csv").exists()


# -- ACLED ------------------------------------------------------------------------------


class TestAcledDate:
    @pytest.mark.parametrize(
        "text", ["2020-10-21", "21 October 2020", "21 october 2020", "21-Oct-2020", " 21 Oct 2020 "]
    )
    def test_forms(self, text: str) -> None:
        """ACLED's ISO and written-out dates both read."""
        assert acled_date(text) == date(2020, 10, 21)

    @pytest.mark.parametrize(
        "text", ["31 February 2020", "2020-13-01", "21 Octember 2020", "yesterday"]
    )
    def test_bad(self, text: str) -> None:
        """Malformed or impossible dates are refused with the expected forms."""
        with pytest.raises(ValueError, match=r"2020|calendar"):
            acled_date(text)


class TestReadAcled:
    @tmp_settings
    @given(people_killed_claim_lists())
    def test_projection(self, tmp_path: Path, claims: list[Claim]) -> None:
        """read(write(claims)) is exactly the documented ACLED projection of the claims."""
        path = tmp_path / "c.acled.csv"
        write_claims(claims, path)
        assert canonical(read_claims(path)) == canonical([acled_projection(c) for c in claims])

    def test_real_row(self, tmp_path: Path) -> None:
        """An ACLED export row (with BOM) reads as an exact, sourced incident claim."""
        (claim,) = read_acled(acled_file(tmp_path / "a.acled.csv", acled_row()))
        assert claim.figure == Figure.exact(21)
        assert claim.subject == Subject("azerbaijan", "civilian", "killed", "Barda")
        assert claim.period == Period.incident(date(2020, 10, 21))
        assert claim.chain == (Hop("Trend News Agency"), Hop("Reuters"))
        assert claim.note == "On 21 October 2020, shelling killed 21 civilians in Barda."
        assert claim.extras == {
            "event_type": "Explosions/Remote violence",
            "actor1": "Military Forces of Armenia (2018-)",
            "country": "Azerbaijan",
            "latitude": "40.3744",
            "longitude": "47.1267",
            "timestamp": "1604422873",
        }

    @pytest.mark.parametrize(
        ("cells", "side", "category", "actor2_kept"),
        [
            ({}, "azerbaijan", "civilian", False),
            ({"actor2": "Civilians"}, "all", "civilian", False),
            ({"actor2": "Civilians (Narnia)"}, "unknown", "civilian", True),
            ({"civilian_targeting": ""}, "all", "unspecified", True),
        ],
    )
    def test_subject(
        self,
        tmp_path: Path,
        cells: dict[str, str],
        side: str,
        category: str,
        actor2_kept: bool,
    ) -> None:
        """Civilian targeting names the civilians' side in actor2; anything else is every side."""
        (claim,) = read_acled(acled_file(tmp_path / "a.acled.csv", acled_row(**cells)))
        assert (claim.subject.side, claim.subject.category.value) == (side, category)
        assert ("actor2" in claim.extras) is actor2_kept

    @pytest.mark.parametrize(
        ("cells", "field"),
        [
            ({"fatalities": "21 or so"}, "fatalities"),
            ({"fatalities": ""}, "fatalities"),
            ({"fatalities": "-3"}, "fatalities"),
            ({"event_date": "31 February 2020"}, "event_date"),
            ({"event_date": "yesterday"}, "event_date"),
            ({"time_precision": "7"}, "time_precision"),
            ({"time_precision": "1.5"}, "time_precision"),
            ({"fatalities": "٣"}, "fatalities"),
            ({"event_date": "２０20-10-21"}, "event_date"),
            ({"source": "Reuters; ; AFP"}, "source"),
            ({"source": "Reuters > AFP"}, "source"),
            ({"event_id_cnty": " "}, "event_id_cnty"),
        ],
    )
    def test_bad_cell(self, tmp_path: Path, cells: dict[str, str], field: str) -> None:
        """Each bad cell is reported with its line and ACLED column."""
        path = acled_file(
            tmp_path / "bad.acled.csv", acled_row(event_id_cnty="ok"), acled_row(**cells)
        )
        assert errors_of(read_acled, path) == [(3, field)]

    def test_missing_column(self, tmp_path: Path) -> None:
        """A header without a required column names it, on line 1."""
        path = tmp_path / "bad.acled.csv"
        write_rows(path, [["event_id_cnty", "event_date"], ["A1", "2020-10-21"]], bom=True)
        assert errors_of(read_acled, path) == [(1, "fatalities")]


class TestWriteAcled:
    def test_conservative_figure(self, tmp_path: Path) -> None:
        """fatalities is the low bound; the claimant ends the sources; civilians are targeted."""
        path = tmp_path / "c.acled.csv"
        claim = nk772(figure=Figure.about(40), subject=Subject("azerbaijan", "civilian", "killed"))
        write_acled([claim], path)
        (row,) = [dict(zip(*read_rows(path), strict=True))]
        assert row["fatalities"] == "36"
        assert row["source"] == "Example Daily; Reuters; Nagorno-Karabakh"
        assert (row["civilian_targeting"], row["actor2"]) == (
            "Civilian targeting",
            "Civilians (azerbaijan)",
        )
        assert (
            path.read_bytes()[:3] != b"\xef\xbb\xbf"
        )  # written without a BOM, read with or without

    @pytest.mark.parametrize(
        ("claim", "field"),
        [
            (nk772(subject=Subject("armenia", "military", "missing")), "outcome"),
            (nk772(claimant="A; B"), "claimant"),
            (nk772(claimant="A > B"), "claimant"),
            (nk772(chain=(Hop("A; B"),)), "reported_by"),
        ],
    )
    def test_refuses(self, tmp_path: Path, claim: Claim, field: str) -> None:
        """A claim ACLED cannot hold is an error naming it and the field; the old file stays."""
        path = tmp_path / "c.acled.csv"
        write_acled([nk772()], path)
        before = path.read_bytes()
        with pytest.raises(FormatError) as info:
            write_acled([claim], path)
        assert [(e.record, e.field) for e in info.value.errors] == [("nk-772", field)]
        assert path.read_bytes() == before

    def test_formula_injection(self, tmp_path: Path) -> None:
        """Notes and sources a spreadsheet would evaluate are defused and read back unchanged."""
        path = tmp_path / "c.acled.csv"
        claim = Claim(
            id="-1",
            figure=Figure.exact(2),
            subject=Subject("all", "unspecified", "killed"),
            period=Period.incident(date(2020, 10, 1)),
            chain=(Hop("=cmd|' /C calc'!A0"),),
            note="+1 dead",
        )
        write_acled([claim], path)
        text = path.read_bytes().decode("utf-8")
        assert "'=cmd" in text and "'+1 dead" in text and "\r\n'-1," in text
        assert read_acled(path) == [claim]


# -- PROV --------------------------------------------------------------------------------


def _relations(doc: object, kind: str) -> list[tuple[str, ...]]:
    """The (from, to[, type]) of every relation of one PROV kind in a document."""
    out = []
    for record in doc.get_records():  # type: ignore[attr-defined]
        if type(record).__name__ != kind:
            continue
        formal = [str(v) for _, v in record.formal_attributes[:2]]
        types = [str(v) for k, v in record.attributes if str(k) == "prov:type"]
        out.append((*formal, *types))
    return out


def _times(record: object) -> tuple[str, str, object] | None:
    """(entity, activity, time) of a generation record, else None."""
    if type(record).__name__ != "ProvGeneration":
        return None
    entity, activity, moment = (v for _, v in record.formal_attributes)  # type: ignore[attr-defined]
    return str(entity), str(activity), moment


class TestWriteProv:
    def test_chain(self, tmp_path: Path) -> None:
        """Claim, hops and statement: attributed, quoted inward, each with its primary source."""
        prov_model = pytest.importorskip("prov.model")
        path = tmp_path / "c.prov.json"
        write_claims([nk772()], path)
        doc = prov_model.ProvDocument.deserialize(source=str(path), format="json")
        claim, hop0, hop1 = "claim:nk-772", "claim:nk-772/hop/0", "claim:nk-772/hop/1"
        statement = "claim:nk-772/statement"
        assert sorted(_relations(doc, "ProvAttribution")) == sorted(
            [
                (claim, "agent:Nagorno-Karabakh"),
                (statement, "agent:Nagorno-Karabakh"),
                (hop0, "agent:Example%20Daily"),
                (hop1, "agent:Reuters"),
            ]
        )
        derivations = _relations(doc, "ProvDerivation")
        assert [d for d in derivations if d[2] == "prov:Quotation"] == [
            (claim, hop0, "prov:Quotation"),
            (hop0, hop1, "prov:Quotation"),
            (hop1, statement, "prov:Quotation"),
        ]
        assert sorted(d[0] for d in derivations if d[2] == "prov:PrimarySource") == sorted(
            [claim, hop0, hop1]
        )
        times = {r[0]: str(r[2]) for r in map(_times, doc.get_records()) if r}
        assert times == {
            claim: "2020-10-21 00:00:00",
            hop0: "2020-10-21 00:00:00",
            hop1: "2020-10-20 00:00:00",
        }
        (entity,) = [r for r in doc.get_records() if str(r.identifier) == claim]
        attributes = {str(k): v for k, v in entity.attributes}
        assert (attributes["cr:low"], attributes["cr:subject_side"]) == (772, "armenia")

    @few_settings
    @given(claim_lists(max_size=4))
    def test_counts(self, tmp_path: Path, claims: list[Claim]) -> None:
        """Each claim has one quotation per hop (and its statement); the file parses back."""
        prov_model = pytest.importorskip("prov.model")
        path = tmp_path / "c.prov.json"
        write_prov(claims, path)
        doc = prov_model.ProvDocument.deserialize(source=str(path), format="json")
        quotes = [d for d in _relations(doc, "ProvDerivation") if d[2] == "prov:Quotation"]
        primary = [d for d in _relations(doc, "ProvDerivation") if d[2] == "prov:PrimarySource"]
        with_claimant = [c for c in claims if c.claimant is not None]
        assert len(quotes) == sum(len(c.chain) for c in claims) + len(with_claimant)
        assert len(primary) == sum(len(c.chain) + 1 for c in with_claimant)
        agents = {h.name for c in claims for h in c.chain} | {c.claimant for c in with_claimant}
        assert len([r for r in doc.get_records() if type(r).__name__ == "ProvAgent"]) == len(agents)

    def test_repeated_id(self, tmp_path: Path) -> None:
        """Two claims with one id are an error (their entities would merge); nothing is written."""
        path = tmp_path / "c.prov.json"
        with pytest.raises(FormatError, match="repeats the id"):
            write_prov([nk772(), nk772()], path)
        assert not path.exists()
        assert prov_document([]).get_records() == []


# -- what the CSV-based readers refuse ---------------------------------------------------


class TestCsvFormatsRefuse:
    """GED and ACLED (and HXL) files: nothing padded, dropped or mistaken for a field."""

    @pytest.mark.parametrize(
        ("name", "read"), [("c.ged.csv", read_ged), ("c.acled.csv", read_acled)]
    )
    def test_row_cut_short(
        self, tmp_path: Path, name: str, read: Callable[[Path], list[Claim]]
    ) -> None:
        """A row with fewer or more cells than the header is an error naming its line."""
        path = tmp_path / name
        if read is read_ged:
            write_rows(
                path, [["id", "low", "high"], ["1", "3", "10"], ["2", "3"], ["3", "1", "2", "x"]]
            )
        else:
            header = ["event_id_cnty", "event_date", "fatalities"]
            write_rows(
                path,
                [
                    header,
                    ["1", "2020-10-21", "3"],
                    ["2", "2020-10-21"],
                    ["3", "2020-10-21", "1", ""],
                ],
            )
        assert errors_of(read, path) == [(3, None), (4, None)]
        with pytest.raises(FormatError, match="has 2 cells, the header has 3"):
            read(path)

    def test_hxl_row_cut_short(self, tmp_path: Path) -> None:
        """An HXL row with fewer cells than its header and hashtag rows is an error too."""
        path = tmp_path / "c.hxl.csv"
        write_hxl([nk772()], path)
        header, tags, row = read_rows(path)
        write_rows(path, [header, tags, row[:-1]])
        assert errors_of(read_hxl, path) == [(3, None)]

    @pytest.mark.parametrize("column", ["status", "url", "qualifier", "note", "kind"])
    def test_ged_column_named_like_a_claim_field(self, tmp_path: Path, column: str) -> None:
        """A GED column named like a claim field is an error naming it, never that field."""
        path = tmp_path / "c.ged.csv"
        write_rows(path, [["id", "low", "high", column], ["1", "3", "10", "retracted"]])
        with pytest.raises(FormatError, match="a GED column cannot be named like a claim field"):
            read_ged(path)
        assert errors_of(read_ged, path) == [(1, column)]

    @pytest.mark.parametrize("column", ["status", "claimant", "published", "id"])
    def test_acled_column_named_like_a_claim_field(self, tmp_path: Path, column: str) -> None:
        """An ACLED column named like a claim field is an error naming it, never that field."""
        path = tmp_path / "c.acled.csv"
        header = ["event_id_cnty", "event_date", "fatalities", column]
        write_rows(path, [header, ["A1", "2020-10-21", "3", "retracted"]])
        with pytest.raises(FormatError, match="an ACLED column cannot be named like a claim field"):
            read_acled(path)
        assert errors_of(read_acled, path) == [(1, column)]

    @pytest.mark.parametrize(
        ("name", "read", "header", "row"),
        [
            ("c.ged.csv", read_ged, ["id", "low", "high"], ["1", "3", "10"]),
            (
                "c.acled.csv",
                read_acled,
                ["event_id_cnty", "event_date", "fatalities"],
                ["A1", "2020-10-21", "3"],
            ),
        ],
    )
    def test_column_without_header(
        self,
        tmp_path: Path,
        name: str,
        read: Callable[[Path], list[Claim]],
        header: list[str],
        row: list[str],
    ) -> None:
        """A column without a header is ignored while empty; a cell in it is an error."""
        path = tmp_path / name
        write_rows(path, [[*header, ""], [*row, ""]])
        (claim,) = read(path)
        assert claim.extra == ()
        write_rows(
            path,
            [[*header, ""], [*row, ""], [*row, "lost"]],
        )
        assert errors_of(read, path) == [(3, None)]
        with pytest.raises(FormatError, match="column 4 has no header but holds 'lost'"):
            read(path)
