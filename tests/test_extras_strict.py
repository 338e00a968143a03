"""No extra is dropped or made up: GED and ACLED columns, and numbers JSON has not.

Two rules, each on the object path and the table path:

* an extra named like a column the GED or ACLED writer fills is written when
  it says what the writer writes there, as the reader reads it (or when the
  reader keeps it as that extra again, or the column is empty); any other is
  an error naming the claim and the column, never dropped.  So a file read
  and written again reads back as the same claims;
* ``NaN`` and infinite numbers are not JSON: a claim refuses them in its
  extras, at any depth, and every reader of JSON (JSON Lines records, the
  ``extra`` column of a table) refuses ``NaN``, ``Infinity`` and
  ``-Infinity`` with the line and the field; the writers fail rather than
  write them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimrecon import Claim, Figure, FormatError, Hop, InvalidClaimError, Period, Subject
from claimrecon.claim import FIELD_NAMES, NOT_FINITE
from claimrecon.columnar import claims_to_table, read_table, table_to_claims, validate_table
from claimrecon.columnar._rules import NotFiniteError, json_object, strict_loads
from claimrecon.columnar.gate import read_checked_frame
from claimrecon.columnar.validate import check_table
from claimrecon.io import read_claims, write_claims
from claimrecon.io.acled import ACLED_COLUMNS, read_acled, write_acled
from claimrecon.io.csvfile import neutralize, restore
from claimrecon.io.ged import GED_COLUMNS, read_ged, write_ged
from claimrecon.io.jsonl import _read_as_table, dumps_claim, read_jsonl, write_jsonl
from tests.builders import nk772
from tests.strategies import (
    acled_rows,
    claim_lists,
    extra_keys,
    ged_rows,
    json_values,
    names,
    not_finite_values,
    people_killed_claims,
)

tmp_settings = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# -- helpers ---------------------------------------------------------------------------------

Reader = Callable[[Path], list[Claim]]
Writer = Callable[[list[Claim], Path], None]


def csv_file(path: Path, header: list[str], *rows: list[str]) -> Path:
    """A CSV file of raw cells, as another tool (or the writer) would write it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([header, *rows])
    return path


def raw_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and the raw cells of a CSV file (cells as written: still defused)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def ged_file(path: Path, *rows: dict[str, str]) -> Path:
    """A GED file of the given cells (defused, as claimrecon writes them: read back as given)."""
    body = [[neutralize(r.get(c, "")) for c in GED_COLUMNS] for r in rows]
    return csv_file(path, list(GED_COLUMNS), *body)


def acled_file(path: Path, *rows: dict[str, str]) -> Path:
    """An ACLED file of the given cells (defused, as claimrecon writes them)."""
    body = [[neutralize(r.get(c, "")) for c in ACLED_COLUMNS] for r in rows]
    return csv_file(path, list(ACLED_COLUMNS), *body)


def refused(write: Writer, claims: list[Claim], path: Path) -> list[tuple[str | None, str | None]]:
    """(claim, field) of each error a writer reports; it must write nothing."""
    with pytest.raises(FormatError) as info:
        write(claims, path)
    assert not path.exists()
    return [(e.record, e.field) for e in info.value.errors]


def read_errors(read: Reader, path: Path) -> list[tuple[int | None, str | None]]:
    """(line, field) of each error a reader reports."""
    with pytest.raises(FormatError) as info:
        read(path)
    return [(e.line, e.field) for e in info.value.errors]


def civilians(**changes: Any) -> Claim:
    """21 civilians of Azerbaijan killed in one incident, via two sources."""
    claim = Claim(
        id="AZE1",
        figure=Figure.exact(21),
        subject=Subject("azerbaijan", "civilian", "killed", "Barda"),
        period=Period.incident(date(2020, 10, 21)),
        chain=(Hop("Trend News Agency"), Hop("Reuters")),
    )
    return claim.evolve(**changes) if changes else claim


FORMATS: dict[str, tuple[Reader, Writer, tuple[str, ...], str]] = {
    "ged": (read_ged, write_ged, GED_COLUMNS, ".ged.csv"),
    "acled": (read_acled, write_acled, ACLED_COLUMNS, ".acled.csv"),
}

# -- GED and ACLED: extras named like a column the writer fills ------------------------------


class TestReadWriteRead:
    """A GED or ACLED file read and written again reads back as the same claims."""

    @tmp_settings
    @given(rows=st.lists(ged_rows(), min_size=1, max_size=4))
    def test_ged(self, tmp_path: Path, rows: list[dict[str, str]]) -> None:
        """Years and source counts of their own, unpaired dates, actors known or not: all kept."""
        rows = [dict(row, id=str(i)) for i, row in enumerate(rows)]
        claims = read_ged(ged_file(tmp_path / "in.ged.csv", *rows))
        out = tmp_path / "out.ged.csv"
        out.unlink(missing_ok=True)
        write_ged(claims, out)
        assert read_ged(out) == claims

    @tmp_settings
    @given(rows=st.lists(acled_rows(), min_size=1, max_size=4))
    def test_acled(self, tmp_path: Path, rows: list[dict[str, str]]) -> None:
        """Years of their own and civilians' actors the registry does not know: all kept."""
        rows = [dict(row, event_id_cnty=f"E{i}") for i, row in enumerate(rows)]
        claims = read_acled(acled_file(tmp_path / "in.acled.csv", *rows))
        out = tmp_path / "out.acled.csv"
        out.unlink(missing_ok=True)
        write_acled(claims, out)
        assert read_acled(out) == claims

    @pytest.mark.parametrize(
        ("cells", "column", "cell"),
        [
            ({"year": "2019"}, "year", "2019"),
            ({"number_of_sources": "5"}, "number_of_sources", "5"),
            ({"source_date": "2020-10-21"}, "source_date", "2020-10-21"),
            # the dead are side B's, whose name the registry does not know: both actors stay
            ({"side_a": "Government of Azerbaijan", "side_b": "Some Militia"}, "side_b", ""),
        ],
    )
    def test_ged_row(self, tmp_path: Path, cells: dict[str, str], column: str, cell: str) -> None:
        """What GED keeps as an extra of a column claimrecon fills is written in that column."""
        row = {
            "id": "401",
            "year": "2020",
            "side_a": "Government of Azerbaijan",
            "side_b": "Republic of Artsakh",
            "source_office": "Reuters;AFP",
            "source_date": "2020-10-21;2020-10-22",
            "date_start": "2020-10-20 00:00:00.000",
            "date_end": "2020-10-20 00:00:00.000",
            "deaths_a": "0",
            "deaths_b": "12",
            "best": "12",
            "high": "15",
            "low": "10",
            "number_of_sources": "2",
            **cells,
        }
        claims = read_ged(ged_file(tmp_path / "in.ged.csv", row))
        assert column in claims[0].extras
        write_ged(claims, tmp_path / "out.ged.csv")
        assert read_ged(tmp_path / "out.ged.csv") == claims
        header, (written,) = raw_rows(tmp_path / "out.ged.csv")
        found = dict(zip(header, written, strict=True))
        assert found[column] == (cell or cells[column])

    @pytest.mark.parametrize(
        ("cells", "column"),
        [({"year": "2019"}, "year"), ({"actor2": "Civilians (Narnia)"}, "actor2")],
    )
    def test_acled_row(self, tmp_path: Path, cells: dict[str, str], column: str) -> None:
        """An ACLED year of its own, civilians of an unknown side: written, and read back."""
        row = {
            "event_id_cnty": "AZE1",
            "event_date": "21 October 2020",
            "year": "2020",
            "actor2": "Civilians (Azerbaijan)",
            "civilian_targeting": "Civilian targeting",
            "source": "Trend News Agency; Reuters",
            "fatalities": "21",
            **cells,
        }
        claims = read_acled(acled_file(tmp_path / "in.acled.csv", row))
        assert claims[0].extras[column] == cells[column]
        write_acled(claims, tmp_path / "out.acled.csv")
        assert read_acled(tmp_path / "out.acled.csv") == claims


def filled_cells(write: Writer, claim: Claim, path: Path) -> dict[str, str]:
    """The cells a writer fills for a claim, as read back (restored)."""
    write([claim], path)
    header, (row,) = raw_rows(path)
    path.unlink()
    return {h: restore(c) for h, c in zip(header, row, strict=True) if c}


@st.composite
def extra_like_a_column(
    draw: st.DrawFn, write: Writer, columns: tuple[str, ...], path: Path
) -> tuple[Claim, str, str]:
    """A claim of people killed and an extra named like a column the writer fills for it.

    The extra's text is the cell the writer writes, that cell spelt as the
    reader would also read it, another cell of the row, or any text.
    """
    claim = draw(people_killed_claims(text_extras=True))
    cells = filled_cells(write, claim, path)
    # a column named like a claim field (ACLED's location) cannot be an extra's name
    column = draw(st.sampled_from([c for c in columns if c in cells and c not in FIELD_NAMES]))
    cell = cells[column]
    text = draw(
        st.sampled_from(
            [
                *(cell, f"{cell}.0", f" {cell}", f"{cell} 00:00:00.000"),
                *("2019", "Civilians (Narnia)"),
                *sorted(set(cells.values())),
            ]
        )
        | names
        | st.text(min_size=1, max_size=6)
    )
    return claim.evolve(extra=[*claim.extra, (column, text)]), column, text


class TestNamedLikeAColumn:
    @tmp_settings
    @pytest.mark.parametrize("fmt", sorted(FORMATS))
    @given(data=st.data())
    def test_written_or_refused(self, tmp_path: Path, fmt: str, data: st.DataObject) -> None:
        """An extra named like a filled column is written there, or says what the cell says.

        Otherwise writing fails, naming the claim and the column: the extra is
        never dropped.  "Says what the cell says" is asked of the reader: the
        file with the extra's text in place of the cell reads as the same claim.
        """
        read, write, columns, suffix = FORMATS[fmt]
        path = tmp_path / f"c{suffix}"
        path.unlink(missing_ok=True)
        claim, column, text = data.draw(extra_like_a_column(write, columns, path))
        try:
            write([claim], path)
        except FormatError as err:
            errors = [(e.record, e.field) for e in err.errors]
        else:
            errors = []
        if errors:
            assert errors == [(claim.id, column)]
            assert not path.exists()
            return
        header, (row,) = raw_rows(path)
        cell = restore(row[header.index(column)])
        if cell == text:
            return  # written as it is
        row[header.index(column)] = neutralize(text)
        other = csv_file(tmp_path / f"other{suffix}", header, row)
        assert read(other) == read(path)

    @pytest.mark.parametrize(
        ("extra", "field"),
        [
            ({"year": "1999 or so"}, "year"),  # the reader could not read it back
            ({"best": "3"}, "best"),
            ({"date_prec": "5"}, "date_prec"),  # a year, not the claim's day
            ({"deaths_b": "5"}, "deaths_b"),
            ({"date_end": "2020-10-19"}, "date_end"),
            ({"source_original": "Someone else"}, "source_original"),
            ({"source_office": "Example Daily"}, "source_office"),
            ({"number_of_sources": "many"}, "number_of_sources"),
            ({"side_a": "Some Militia", "side_b": "Other Militia"}, "side_a"),
        ],
    )
    def test_ged_refuses(self, tmp_path: Path, extra: dict[str, str], field: str) -> None:
        """An extra GED cannot write is an error naming the claim and its column; none written."""
        claims = [nk772(id="fine"), nk772(extra=extra)]
        assert refused(write_ged, claims, tmp_path / "c.ged.csv") == [("nk-772", field)]

    @pytest.mark.parametrize(
        ("extra", "field"),
        [
            ({"fatalities": "22"}, "fatalities"),
            ({"event_date": "2020-10-22"}, "event_date"),
            ({"actor2": "Civilians (Armenia)"}, "actor2"),  # another side than the claim's
            ({"actor2": "Some group"}, "actor2"),  # every side, not Azerbaijan's
            ({"year": " "}, "year"),
            ({"source": "Reuters"}, "source"),
            ({"event_id_cnty": "AZE2"}, "event_id_cnty"),
        ],
    )
    def test_acled_refuses(self, tmp_path: Path, extra: dict[str, str], field: str) -> None:
        """An extra ACLED cannot write is an error naming the claim and its column."""
        claims = [civilians(id="fine"), civilians(extra=extra)]
        assert refused(write_acled, claims, tmp_path / "c.acled.csv") == [("AZE1", field)]

    @pytest.mark.parametrize(
        "extra",
        [
            {"year": "2020"},
            {"year": 2020},
            {"year": "2020.0"},
            {"best": 772},
            {"date_end": "2020-10-20 00:00:00.000"},
            {"source_office": "Example Daily; Reuters"},
            {"side_a": "armenia", "side_b": "Some Militia"},
            {"side_a": "Republic of Artsakh", "side_b": "Some Militia"},  # the registry's armenia
        ],
    )
    def test_ged_same_as_the_claim(self, tmp_path: Path, extra: dict[str, Any]) -> None:
        """An extra that says what GED writes in its column is written (and read as the column)."""
        path = tmp_path / "c.ged.csv"
        write_ged([nk772(extra=extra)], path)
        (claim,) = read_ged(path)
        assert (claim.subject, claim.figure.stated) == (nk772().subject, 772)
        assert claim.extras == {k: v for k, v in extra.items() if k == "side_b"}

    @pytest.mark.parametrize(
        "extra",
        [
            {"year": "2020"},
            {"fatalities": "21.0"},
            {"event_date": "21 October 2020"},
            {"actor2": "Civilians (Azerbaijan)"},
            {"source": "Trend News Agency;Reuters"},
        ],
    )
    def test_acled_same_as_the_claim(self, tmp_path: Path, extra: dict[str, Any]) -> None:
        """An extra that says what ACLED writes in its column is written (read as the column)."""
        path = tmp_path / "c.acled.csv"
        write_acled([civilians(extra=extra)], path)
        assert read_acled(path) == [civilians()]

    def test_sides_registry(self, tmp_path: Path) -> None:
        """The registry a GED file is written for says which actor names a military side."""
        from claimrecon.sides import DEFAULT_SIDES

        sides = DEFAULT_SIDES.extend({"narnia": ["Narnian Army"]})
        claim = nk772(subject=Subject("narnia", "military", "killed"))
        claim = claim.evolve(extra={"side_a": "Narnian Army", "side_b": "Some Militia"})
        path = tmp_path / "c.ged.csv"
        assert refused(write_ged, [claim], path) == [("nk-772", "side_a")]
        write_ged([claim], path, sides=sides)
        (back,) = read_ged(path, sides=sides)
        assert back.subject.side == "narnia" and back.extras == {"side_b": "Some Militia"}


# -- NaN and infinite numbers: a claim refuses them --------------------------------------------


class TestClaimRefusesNotFinite:
    @given(key=extra_keys, value=not_finite_values, before=st.booleans())
    def test_at_any_depth(self, key: str, value: Any, before: bool) -> None:
        """NaN or an infinite number anywhere in an extra is refused, naming 'extra' and the key."""
        extra = [(key, value), ("x_ok", 1.5)] if before else [("x_ok", 1.5), (key, value)]
        with pytest.raises(InvalidClaimError) as info:
            Claim(id="c1", figure=Figure.exact(1), extra=extra)
        assert (info.value.record, info.value.field, info.value.rule) == ("c1", "extra", NOT_FINITE)
        assert info.value.value == key
        with pytest.raises(InvalidClaimError):
            Claim(id="c1", figure=Figure.exact(1)).evolve(extra={key: value})

    @given(extra=st.dictionaries(extra_keys, json_values, max_size=3))
    def test_finite_values_kept(self, extra: dict[str, Any]) -> None:
        """Every finite JSON value, at any depth, is a good extra."""
        assert Claim(id="c1", figure=Figure.exact(1), extra=extra).extras == extra

    @pytest.mark.parametrize(
        "value",
        [float("nan"), [1, float("inf")], {"a": {"b": [float("-inf")]}}, ("x", float("nan"))],
    )
    def test_examples(self, value: Any) -> None:
        """The forms of the rule: itself, in a list, nested in objects, in a tuple."""
        with pytest.raises(InvalidClaimError, match=r"'extra' must not hold NaN.*'x_a'"):
            Claim(id="c1", figure=Figure.exact(1), extra={"x_a": value})


# -- NaN and infinite numbers: the readers of JSON refuse them ---------------------------------


class TestStrictJson:
    @given(value=json_values)
    def test_json_reads_as_json(self, value: Any) -> None:
        """JSON without NaN or Infinity reads as ``json.loads`` reads it."""
        text = json.dumps(value)
        assert strict_loads(text) == json.loads(text)

    @given(key=st.text(max_size=4), value=not_finite_values)
    def test_not_finite_refused(self, key: str, value: Any) -> None:
        """NaN, Infinity and -Infinity as Python writes them are refused, naming the key."""
        text = json.dumps({"x_ok": [1.5], key: value})
        with pytest.raises(NotFiniteError) as info:
            strict_loads(text)
        assert {k for k, _ in info.value.found} == {key}
        assert {n for _, n in info.value.found} <= {"NaN", "Infinity", "-Infinity"}

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("NaN", [(None, "NaN")]),
            ('{"a": 1e999}', [("a", "1e999")]),  # beyond a float: Python reads it as infinite
            ('{"a": [-1e400], "b": 1, "c": {"d": Infinity}}', [("a", "-1e400"), ("c", "Infinity")]),
        ],
    )
    def test_examples(self, text: str, found: list[tuple[str | None, str]]) -> None:
        """Each number JSON has not is found, with the top-level key holding it."""
        with pytest.raises(NotFiniteError) as info:
            strict_loads(text)
        assert list(info.value.found) == found

    @pytest.mark.parametrize("text", ['{"x_a": NaN}', '{"x_a": [1, {"b": -Infinity}]}', "NaN"])
    def test_extra_column_text(self, text: str) -> None:
        """The ``extra`` column's JSON object refuses them, naming the key."""
        with pytest.raises(ValueError, match="NaN or an infinite number"):
            json_object(text)


def filler_jsonl(count: int = 6000) -> bytes:
    """``count`` good lines of JSON, over a megabyte: a file read as one table first."""
    return "".join(
        json.dumps({"id": f"f{i}", "low": i, "note": "x" * 200}) + "\n" for i in range(count)
    ).encode()


class TestJsonLinesRefuses:
    @tmp_settings
    @given(claims=claim_lists(max_size=4).filter(bool), data=st.data())
    def test_any_record(self, tmp_path: Path, claims: list[Claim], data: st.DataObject) -> None:
        """A record holding NaN or Infinity in an extra, at any depth, is named by line and key."""
        lines = [dumps_claim(c) for c in claims]
        line = data.draw(st.integers(0, len(lines) - 1))
        key = data.draw(st.from_regex(r"\Ay_[a-z]{1,8}\Z"))
        record = json.loads(lines[line])
        record[key] = data.draw(not_finite_values)
        lines[line] = json.dumps(record, ensure_ascii=False)  # as Python writes it: NaN
        path = tmp_path / "c.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert read_errors(read_jsonl, path) == [(line + 1, key)]

    @pytest.mark.parametrize(
        ("line", "found"),
        [
            ('{"id":"z","low":5,"x_a":NaN}', [("x_a", "NaN")]),
            ('{"id":"z","low":5,"x_a":[1,{"b":Infinity}]}', [("x_a", "Infinity")]),
            (
                '{"id":"z","low":5,"x_a":-Infinity,"x_b":NaN}',
                [("x_a", "-Infinity"), ("x_b", "NaN")],
            ),
            ('{"id":"z","low":NaN}', [("low", "NaN")]),
            ('{"id":"z","low":5,"note":Infinity}', [("note", "Infinity")]),
            ('{"id":"z","low":5,"x_a":1e999}', [("x_a", "1e999")]),
        ],
    )
    @pytest.mark.parametrize("large", [False, True])
    def test_at_any_size(
        self, tmp_path: Path, line: str, found: list[tuple[str, str]], large: bool
    ) -> None:
        """A large file holding one is read a record at a time, and the line and field named."""
        path = tmp_path / "claims.jsonl"
        path.write_bytes((filler_jsonl() if large else b"") + line.encode() + b"\n")
        if large:
            assert _read_as_table(path) is None
        with pytest.raises(FormatError) as info:
            read_claims(path)
        number = 6001 if large else 1
        assert [(e.line, e.field) for e in info.value.errors] == [(number, k) for k, _ in found]
        assert all(
            NOT_FINITE in e.message and n in e.message
            for e, (_, n) in zip(info.value.errors, found, strict=True)
        )

    def test_string_is_text(self, tmp_path: Path) -> None:
        """The text "NaN" is text, not a number."""
        path = tmp_path / "c.jsonl"
        path.write_text('{"id":"z","low":5,"x_a":"NaN","x_b":["Infinity"]}\n', encoding="utf-8")
        (claim,) = read_claims(path)
        assert claim.extras == {"x_a": "NaN", "x_b": ["Infinity"]}


class TestWritersRefuse:
    def test_jsonl(self, tmp_path: Path) -> None:
        """A NaN put into a claim's extra list after it was built is an error, not ``NaN``."""
        bad = Claim(id="bad", figure=Figure.exact(2), extra={"x_a": [1.5]})
        bad.extras["x_a"].append(float("nan"))  # the list is the claim's own
        with pytest.raises(ValueError, match="not JSON compliant"):
            dumps_claim(bad)
        claims = [Claim(id="ok", figure=Figure.exact(1)), bad]
        assert refused(write_jsonl, claims, tmp_path / "c.jsonl") == [("bad", "x_a")]

    def test_tables(self) -> None:
        """Tables (Parquet, Arrow, frames) refuse it too, naming the claim's row and its id."""
        bad = Claim(id="bad", figure=Figure.exact(2), extra={"x_a": [1.5]})
        bad.extras["x_a"].append(float("inf"))
        with pytest.raises(FormatError, match="bad") as raised:
            claims_to_table([Claim(id="ok", figure=Figure.exact(1)), bad])
        assert [(e.line, e.field) for e in raised.value.errors] == [(2, "extra")]


# -- the table path -----------------------------------------------------------------------------


def table_with_extra(text: str) -> pa.Table:
    """Two good claims as a table, the second's ``extra`` column holding ``text``."""
    claims = [Claim(id="a", figure=Figure.exact(1)), Claim(id="b", figure=Figure.exact(2))]
    table = claims_to_table(claims)
    column = table.schema.get_field_index("extra")
    return table.set_column(column, "extra", pa.array([None, text], pa.string()))


class TestTablePath:
    @pytest.mark.parametrize(
        "text", ['{"x_a": NaN}', '{"x_a": [1, {"b": Infinity}]}', '{"x_a": -Infinity}']
    )
    def test_extra_column(self, tmp_path: Path, text: str) -> None:
        """The ``extra`` column's JSON is refused by the check and the conversion, by row."""
        table = table_with_extra(text)
        errors = check_table(table).errors
        assert [(e.line, e.record, e.field) for e in errors] == [(2, "b", "extra")]
        assert "'x_a'" in errors[0].message and NOT_FINITE in errors[0].message
        for read in (validate_table, table_to_claims):
            with pytest.raises(FormatError) as info:
                read(table)
            assert [(e.line, e.field) for e in info.value.errors] == [(2, "extra")]
        path = tmp_path / "c.parquet"
        pq.write_table(table_with_extra('{"x_a": 1.5}'), path)
        assert read_checked_frame(path, trust_seal=False) is not None  # the gate passes a good one
        pq.write_table(table, path)
        assert read_checked_frame(path, trust_seal=False) is None  # and refuses this one
        with pytest.raises(FormatError) as info:
            read_table(path)
        assert [(e.line, e.field) for e in info.value.errors] == [(2, "extra")]

    @pytest.mark.parametrize(
        "column",
        [
            pa.array([1.5, float("nan"), None]),
            pa.array([1.5, float("-inf"), None], pa.float32()),
            pa.array([[1.5], [2.0, float("inf")], None]),
            pa.array([{"a": 1.5}, {"a": float("nan")}, None]),
        ],
    )
    def test_extra_columns(self, column: pa.Array) -> None:
        """A table's own extra column holding NaN or Infinity is refused by row and column."""
        table = pa.table({"id": ["a", "b", "c"], "low": [1, 2, 3], "x_score": column})
        errors = check_table(table).errors
        assert [(e.line, e.record, e.field) for e in errors] == [(2, "b", "x_score")]
        with pytest.raises(FormatError) as info:
            table_to_claims(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(2, "x_score")]

    def test_extra_columns_finite(self) -> None:
        """Finite floats, nulls and text in a table's own extra columns are good extras."""
        table = pa.table(
            {
                "id": ["a", "b"],
                "low": [1, 2],
                "x_score": [1.5, None],
                "x_tags": [[0.5], None],
                "x_text": ["NaN", None],
            }
        )
        a, b = table_to_claims(table)
        assert a.extras == {"x_score": 1.5, "x_tags": [0.5], "x_text": "NaN"}
        assert b.extras == {"x_score": None, "x_tags": None, "x_text": None}

    @tmp_settings
    @given(claims=claim_lists(max_size=4))
    def test_files_still_read(self, tmp_path: Path, claims: list[Claim]) -> None:
        """Claims written as JSON Lines and Parquet read back the same."""
        for name in ("c.jsonl", "c.parquet"):
            path = tmp_path / name
            path.unlink(missing_ok=True)
            write_claims(claims, path)
            assert read_claims(path) == claims
