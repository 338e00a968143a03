"""Flat claim files: JSON Lines and CSV round trips, bad input, atomic writes."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimrecon import Claim, Figure, FormatError, Rule, load_seeds, read_claims, write_claims
from claimrecon.io import _records as records_module
from claimrecon.io import csvfile as csv_module
from claimrecon.io import jsonl as jsonl_module
from claimrecon.io.csvfile import neutralize, read_csv, restore
from claimrecon.io.jsonl import _read_as_table, read_jsonl
from claimrecon.io.rows import COLUMNS, Collector, RowErrors, from_row, to_row
from tests.builders import flat_row
from tests.strategies import claim_lists, flat_records
from tests.test_columnar_schema import strict

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def write_lines(path: Path, rows: list[object]) -> None:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )


class TestReadClaims:
    def test_minimal_row(self, tmp_path: Path) -> None:
        """A row with only the required columns reads with the documented defaults."""
        path = tmp_path / "c.jsonl"
        write_lines(path, [{"id": "a", "low": 3}])
        (claim,) = read_claims(path)
        assert (claim.figure.bounds, claim.figure.unit, claim.subject.side) == (
            (3, None),
            "person",
            "unknown",
        )  # a missing high is an open upper bound

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"low": -3}, "low"),
            ({"low": 10, "high": 5}, "high"),
            ({"outcome": "vanished"}, "outcome"),
            ({"unit": "furlong"}, "unit"),
            ({"as_of": "2020-10-22"}, "as_of"),
            ({"as_of": "2020-13-45"}, "as_of"),
            ({"published": "yesterday"}, "published"),
            ({"low": "sixty"}, "low"),
            ({"reported_dates": ["2020-10-21"]}, "reported_dates"),
            ({"approx": True}, "approx"),
        ],
    )
    def test_bad_jsonl_field(self, tmp_path: Path, changes: dict[str, object], field: str) -> None:
        """Each bad field is reported with its line, claim and field."""
        path = tmp_path / "bad.jsonl"
        write_lines(path, [flat_row(id="ok"), flat_row(**changes)])
        with pytest.raises(FormatError) as info:
            read_claims(path)
        (err,) = info.value.errors
        assert (err.line, err.field, err.record) == (2, field, "k-1")
        assert f"line 2, claim 'k-1', field '{field}'" in str(info.value)

    def test_every_bad_record_at_once(self, tmp_path: Path) -> None:
        """All bad records are listed together; nothing is read partially."""
        path = tmp_path / "bad.jsonl"
        write_lines(
            path,
            [
                flat_row(id="a", low=-1),
                flat_row(id="b"),
                flat_row(id="c", unit="x", outcome="y"),
                '{"id": "d", "low": 3',
                flat_row(id="b"),
            ],
        )
        with pytest.raises(FormatError) as info:
            read_claims(path)
        got = [(e.line, e.field) for e in info.value.errors]
        assert (1, "low") in got and (3, "unit") in got and (3, "outcome") in got
        assert (4, None) in got and (5, "id") in got
        assert "truncated or malformed" in str(info.value)

    def test_bad_csv(self, tmp_path: Path) -> None:
        """A CSV without a required column, or with a wrong cell, names line and field."""
        path = tmp_path / "bad.csv"
        path.write_text("identifier,low\nx,3\n", encoding="utf-8")
        with pytest.raises(FormatError, match="line 1, field 'id'"):
            read_claims(path)
        path.write_text(
            "id,low,outcome\nx,3,killed\ny,three,killed\nz,3,killed,extra\n", encoding="utf-8"
        )
        with pytest.raises(FormatError) as info:
            read_claims(path)
        assert [(e.line, e.field) for e in info.value.errors] == [(3, "low"), (4, None)]

    @pytest.mark.parametrize("content", [b"", b"\x00\x01\xff\xfe binary"])
    def test_empty_or_binary(self, tmp_path: Path, content: bytes) -> None:
        """An empty or binary file is a FormatError, not a crash."""
        for suffix in (".csv", ".jsonl"):
            path = tmp_path / f"f{suffix}"
            path.write_bytes(content)
            if suffix == ".jsonl" and not content:
                assert read_claims(path) == []
                continue
            with pytest.raises(FormatError):
                read_claims(path)

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """An unknown suffix says which suffixes are known."""
        with pytest.raises(FormatError, match=r"\.jsonl"):
            read_claims(tmp_path / "claims.xlsx")


class TestRoundTrip:
    @tmp_settings
    @given(claim_lists())
    def test_jsonl_lossless(self, tmp_path: Path, claims: list[Claim]) -> None:
        """JSON Lines round-trips every claim exactly, extra columns included."""
        path = tmp_path / "c.jsonl"
        write_claims(claims, path)
        assert read_claims(path) == claims

    @tmp_settings
    @given(claim_lists(text_extras=True))
    def test_csv_lossless(self, tmp_path: Path, claims: list[Claim]) -> None:
        """CSV round-trips every claim exactly (extra columns hold text in CSV)."""
        path = tmp_path / "c.csv"
        write_claims(claims, path)
        again = read_claims(path)
        for a, b in zip(again, claims, strict=True):
            assert a.evolve(extra=()) == b.evolve(extra=())
            assert {k: v for k, v in a.extra if v != ""} == {k: v for k, v in b.extra if v != ""}

    def test_columns(self) -> None:
        """The flat row has the documented columns in order."""
        assert COLUMNS[:3] == ("id", "claimant", "claimant_side")
        assert {
            "reported_by",
            "low",
            "high",
            "approx",
            "qualifier",
            "as_of",
            "period_start",
            "kind",
            "evidence_start",
            "evidence_end",
            "disputed_by",
            "note",
        } <= set(COLUMNS)

    def test_csv_formula_injection(self, tmp_path: Path) -> None:
        """Cells a spreadsheet would evaluate are defused on write and restored on read."""
        for cell in ("=1+1", "+cmd", "-2", "@SUM(A1)", "'quoted", "plain"):
            assert restore(neutralize(cell)) == cell
        path = tmp_path / "c.csv"
        from claimrecon import Figure

        claim = Claim(id='=HYPERLINK("x")', figure=Figure.exact(1), claimant="@evil", note="-1+2")
        write_claims([claim], path)
        text = path.read_text(encoding="utf-8")
        assert "'=HYPERLINK" in text and ",'@evil," in text and "'-1+2" in text
        assert read_claims(path) == [claim]

    def test_csv_chain_joined(self, tmp_path: Path) -> None:
        """In CSV the chain is joined outermost first with ' > '."""
        from claimrecon import Figure, Hop

        path = tmp_path / "c.csv"
        write_claims(
            [Claim(id="a", figure=Figure.exact(1), chain=(Hop("Kompas.com"), Hop("AFP")))], path
        )
        assert "Kompas.com > AFP" in path.read_text(encoding="utf-8")


class TestAtomicWrite:
    def test_crash_leaves_old_file(self, tmp_path: Path) -> None:
        """A failure while writing leaves the previous file intact and no temporary file."""
        from claimrecon import Figure

        path = tmp_path / "c.jsonl"
        good = [Claim(id="a", figure=Figure.exact(1))]
        write_claims(good, path)
        before = path.read_bytes()

        def broken() -> object:
            yield good[0]
            raise RuntimeError("disk gone")

        with pytest.raises(RuntimeError):
            write_claims(broken(), path)  # type: ignore[arg-type]
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]

    def test_row_keys(self) -> None:
        """to_row gives every column, then extras."""
        from claimrecon import Figure

        row = to_row(Claim(id="a", figure=Figure.exact(1), extra={"x_src": "y"}))
        assert list(row)[: len(COLUMNS)] == list(COLUMNS) and row["x_src"] == "y"


def one_at_a_time(records: list[dict[str, object]], *, text: bool) -> tuple[list[Claim], list]:
    """Each record read on its own, sharing nothing with the others."""
    claims, errors = [], []
    for line, record in enumerate(records, start=1):
        try:
            claims.append(from_row(record, line=line, text=text))
        except RowErrors as err:
            errors += err.errors
    return claims, errors


class TestCellsNotText:
    @pytest.mark.parametrize("field", ["claimant", "claimant_side", "status", "url", "note"])
    @pytest.mark.parametrize("value", [5, True, {"x": 1}, ["a"]])
    def test_named_not_dropped(self, tmp_path: Path, field: str, value: object) -> None:
        """A cell of these columns that is not text is an error naming it, never left out."""
        path = tmp_path / "claims.jsonl"
        write_lines(path, [{"id": "a", "low": 5, field: value}])
        with pytest.raises(FormatError) as info:
            read_claims(path)
        assert [(e.line, e.field, e.record) for e in info.value.errors] == [(1, field, "a")]


class TestSharedParts:
    @pytest.mark.parametrize("text", [False, True])
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_same_claims_and_errors(self, text: bool, data: st.DataObject) -> None:
        """A file's records read with their parts shared give what each gives alone."""
        records = data.draw(flat_records(text=text))
        found = Collector()
        for line, record in enumerate(records, start=1):
            found.add(record, line=line, text=text)
        claims, errors = one_at_a_time(records, text=text)
        assert found.claims == claims
        assert found.errors == errors
        assert [c.chain for c in found.claims] == [c.chain for c in claims]
        moments = [[h.published for h in c.chain] for c in found.claims]
        assert [[getattr(m, "tzinfo", None) for m in ms] for ms in moments] == [
            [getattr(h.published, "tzinfo", None) for h in c.chain] for c in claims
        ]

    def test_parts_shared(self) -> None:
        """Two records of one subject and period share them; a True is not taken for a 1."""
        record = flat_row(id="a", evidence_start=1, evidence_end=2, evidence="x", document="d")
        found = Collector()
        found.add(record, line=1)
        found.add({**record, "id": "b"}, line=2)
        found.add({**record, "id": "c", "evidence_start": True}, line=3)
        first, second = found.claims
        assert first.subject is second.subject and first.period is second.period
        assert (3, "evidence_start") in [(e.line, e.field) for e in found.errors]
        records = [record, {**record, "id": "b"}, {**record, "id": "c", "evidence_start": True}]
        assert found.errors == one_at_a_time(records, text=False)[1]


def assert_same_or_refused(
    read: Callable[[Path], list[Claim]],
    as_table: Callable[[Path], list[Claim] | None],
    path: Path,
    records: list[dict[str, object]],
) -> None:
    """A file read as a table gives what the record reader gives, or is refused.

    Refused only when the record reader refuses it too, when it is empty, or
    when it has columns outside the flat row.
    """
    try:
        expected: list[Claim] | None = read(path)
    except FormatError:
        expected = None
    found = as_table(path)
    if found is None:
        extra = any(set(r) - set(COLUMNS) for r in records)
        assert expected is None or not records or extra
        return
    assert found == expected
    assert strict(found) == strict(expected)


ONE = b'{"id": "a", "low": 5}'
TWO = b'{"id": "b", "low": 6}'


class TestJsonLinesAsTable:
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(records=flat_records())
    def test_same_claims_as_record_by_record(
        self, tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]]
    ) -> None:
        """A file read as one table gives the claims read a record at a time, or nothing."""
        path = tmp_path_factory.mktemp("jsonl") / "claims.jsonl"
        write_lines(path, records)
        assert_same_or_refused(read_jsonl, _read_as_table, path, records)  # small: by record

    @pytest.mark.parametrize(
        "data",
        [
            b"\xef\xbb\xbf" + ONE + b"\n",  # a byte order mark: not JSON to the line reader
            ONE + TWO + b"\n",  # two objects on one line
            b'{"id": "a",\n "low": 5}\n',  # one object over two lines
            ONE + b"\r\n" + TWO + b"\r\n",
            ONE + b"\r" + TWO,
            ONE + b"\n \t\n\f\n\xc2\xa0\n" + TWO + b"\n",  # lines blank to str.strip
            b'{"id": "a", "low": 5, "note": {"x": 1}}\n',
            b'{"id": "a\tb", "low": 5}\n',  # a raw tab in a string
        ],
    )
    def test_odd_files(self, tmp_path: Path, data: bytes) -> None:
        """What Arrow and the line reader see differently is left to the line reader."""
        path = tmp_path / "claims.jsonl"
        path.write_bytes(data)
        try:
            expected: list[Claim] | None = read_jsonl(path)
        except FormatError:
            expected = None
        as_table = _read_as_table(path)
        assert as_table is None or as_table == expected


def write_csv_records(path: Path, records: list[dict[str, object]], dropped: set[str]) -> None:
    """Text records as ``write_csv`` writes rows, without the ``dropped`` columns."""
    header = [c for c in COLUMNS if c not in dropped]
    for record in records:
        header += [k for k in record if k not in header and k not in dropped]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for record in records:
            writer.writerow([neutralize(str(record.get(k) or "")) for k in header])


class TestCsvAsTable:
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(records=flat_records(text=True), data=st.data())
    def test_same_claims_as_row_by_row(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        records: list[dict[str, object]],
        data: st.DataObject,
    ) -> None:
        """A CSV file read a column at a time gives the claims read a row at a time, or nothing."""
        optional = sorted(set(COLUMNS) - {"id", "low"})
        dropped = set(data.draw(st.lists(st.sampled_from(optional), max_size=3)))
        path = tmp_path_factory.mktemp("csv") / "claims.csv"
        write_csv_records(path, records, dropped)
        assert_same_or_refused(read_csv, csv_module._read_as_table, path, records)


class TestLargeFiles:
    @pytest.mark.parametrize(
        ("name", "module", "bad", "line"),
        [
            ("claims.jsonl", jsonl_module, '{"id": "late", "low": "many"}\n', 19),
            ("claims.csv", csv_module, "late" + "," * (len(COLUMNS) - 1) + "\r\n", 20),
        ],
    )
    def test_read_as_table(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        name: str,
        module: Any,
        bad: str,
        line: int,
    ) -> None:
        """From TABLE_BYTES on, a clean file takes the table path; a bad one, the records'."""
        path = tmp_path / name
        seeds = load_seeds()
        write_claims(seeds, path)
        calls: list[object] = []
        real = module._read_as_table
        monkeypatch.setattr(module, "_read_as_table", lambda p: calls.append(p) or real(p))
        monkeypatch.setattr(records_module, "TABLE_BYTES", 1)
        assert read_claims(path) == seeds
        assert calls == [path]
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write(bad)
        with pytest.raises(FormatError) as info:
            read_claims(path)
        assert [(e.line, e.field) for e in info.value.errors] == [(line, "low")]


def filler_jsonl(count: int = 6000) -> bytes:
    """``count`` good lines of JSON, over a megabyte: a file read as one table first."""
    return "".join(
        json.dumps({"id": f"f{i}", "low": i, "note": "x" * 200}) + "\n" for i in range(count)
    ).encode()


def read_errors(path: Path) -> list[tuple[int | None, str | None]]:
    with pytest.raises(FormatError) as info:
        read_claims(path)
    return [(e.line, e.field) for e in info.value.errors]


class TestLargeFilesAgree:
    """A file of a megabyte or more gives the claims or the errors a small one gives."""

    def test_count_beyond_64_bits_in_csv(self, tmp_path: Path) -> None:
        """A count Arrow cannot hold sends a large CSV file to the row reader, which names it."""
        path = tmp_path / "claims.csv"
        rows = "".join(f"f{i},{i},{'x' * 200}\r\n" for i in range(6000))
        path.write_text(f"id,low,note\r\n{rows}late,99999999999999999999,x\r\n", encoding="utf-8")
        assert path.stat().st_size >= records_module.TABLE_BYTES
        assert csv_module._read_as_table(path) is None
        small = tmp_path / "small.csv"
        small.write_text("id,low,note\r\nlate,99999999999999999999,x\r\n", encoding="utf-8")

        def last_or_errors(path: Path) -> object:
            try:
                return read_claims(path)[-1]
            except FormatError as err:
                return [(e.field, e.message) for e in err.errors]

        assert last_or_errors(path) == last_or_errors(small)

    def test_object_over_two_lines_balanced_by_two_on_one(self, tmp_path: Path) -> None:
        """An object over two lines is refused even when two objects on one line balance it."""
        path = tmp_path / "claims.jsonl"
        tail = b'{"id": "a",\n"low": 5}\n{"id": "b", "low": 6}{"id": "c", "low": 7}\n'
        path.write_bytes(filler_jsonl() + tail)
        assert _read_as_table(path) is None
        assert read_errors(path) == [(6001, None), (6002, None), (6003, None)]

    @pytest.mark.parametrize(
        ("data", "lines"),
        [
            (b"", 0),
            (b"\n\n", 0),
            (ONE, 1),
            (ONE + b"\n\n\n" + TWO + b"\n\n", 2),
            (ONE + b"\r\n" + TWO + b"\r\n", 2),
            (b"\n" + ONE + b"\n", 1),
            (ONE + b"\r" + TWO, None),  # a carriage return alone breaks a line
            (b" " + ONE + b"\n", None),  # spaces around an object: left to the line reader
            (b'{"id": "a",\n"low": 5}\n', None),
            (b'{"id": "a", "x": {}\n, "low": 5}\n', None),
            (ONE + b"\n" + b"[1]\n", None),
        ],
    )
    def test_objects_in_lines(self, data: bytes, lines: int | None) -> None:
        """Only a file whose every line is blank or one ``{...}`` is counted."""
        assert jsonl_module._objects_in_lines(data) == lines

    def test_not_utf8_in_jsonl(self, tmp_path: Path) -> None:
        """An overlong encoding Arrow lets through sends the file to the line reader."""
        path = tmp_path / "claims.jsonl"
        path.write_bytes(filler_jsonl() + b'{"id":"z","low":5,"note":"a\xc0\xaf"}\n')
        assert _read_as_table(path) is None
        with pytest.raises(FormatError, match="not UTF-8 text"):
            read_claims(path)

    @pytest.mark.parametrize(
        ("line", "field"),
        [
            ('{"id":"z","low":5,"low":7}', "low"),
            ('{"id":"z","low":5,"status":"reported","status":"retracted"}', "status"),
            ('{"id":"z","low":5,"note":"x\\ud800"}', "note"),
            ('{"id":"z","low":5,"disputed_by":[null]}', "disputed_by"),
            ('{"id":"z","low":5,"approx":"false"}', "approx"),
        ],
    )
    @pytest.mark.parametrize("large", [False, True])
    def test_refused_at_any_size(self, tmp_path: Path, line: str, field: str, large: bool) -> None:
        """A field named twice, a lone surrogate, a null disputer, a flag as text: refused."""
        path = tmp_path / "claims.jsonl"
        path.write_bytes((filler_jsonl() if large else b"") + line.encode() + b"\n")
        if large:
            assert _read_as_table(path) is None
        assert read_errors(path) == [(6001 if large else 1, field)]

    @pytest.mark.parametrize("large", [False, True])
    def test_empty_rule_is_missing(self, tmp_path: Path, large: bool) -> None:
        """An empty rule is read from the bounds, as an empty kind or status is, at any size."""
        path = tmp_path / "claims.jsonl"
        path.write_bytes(
            (filler_jsonl() if large else b"")
            + b'{"id":"z","low":5,"high":9,"rule":"","kind":"","status":""}\n'
        )
        claim = read_claims(path)[-1]
        assert claim.figure == Figure.between(5, 9)
        assert claim.figure.rule is Rule.BETWEEN
        empty = Claim(id="z", figure=Figure.between(5, 9))
        assert claim == empty


class TestJsonLinesStrict:
    def test_duplicate_key_inside_an_extra(self, tmp_path: Path) -> None:
        """An object inside a record that names a key twice is refused too."""
        path = tmp_path / "claims.jsonl"
        write_lines(path, ['{"id": "a", "low": 5, "x_src": {"k": 1, "k": 2}}'])
        assert read_errors(path) == [(1, "k")]

    def test_surrogate_pair_is_text(self, tmp_path: Path) -> None:
        """A surrogate pair (an escaped emoji) is one character, not a lone surrogate."""
        path = tmp_path / "claims.jsonl"
        write_lines(path, ['{"id": "a", "low": 5, "note": "\\ud83d\\ude00"}'])
        assert read_claims(path)[0].note == "\U0001f600"

    def test_csv_keeps_its_flags_and_drops_empty_disputers(self, tmp_path: Path) -> None:
        """CSV reads approx as yes/no text and skips an empty entry of its disputer list."""
        path = tmp_path / "claims.csv"
        path.write_text(
            "id,low,high,rule,stated,approx,status,disputed_by\r\n"
            "a,5,9,about,7,yes,disputed,x; \r\n",
            encoding="utf-8",
        )
        (claim,) = read_claims(path)
        assert claim.figure.approx and claim.disputed_by == ("x",)

    @pytest.mark.parametrize("cell", ["٣", "５", "-٣", "3_0", "--3"])
    def test_ascii_digits_only(self, tmp_path: Path, cell: str) -> None:
        """A count in other digits than ASCII's is an error, not a number."""
        path = tmp_path / "claims.csv"
        path.write_text(f"id,low\r\na,{cell}\r\n", encoding="utf-8")
        assert read_errors(path) == [(2, "low")]


class TestWriteRefuses:
    @pytest.mark.parametrize(
        ("extra", "key"),
        [({"when": date(2020, 1, 1)}, "when"), ({"tags": {"a"}}, "tags")],
    )
    def test_extra_not_json(self, tmp_path: Path, extra: dict[str, object], key: str) -> None:
        """An extra value JSON cannot hold names the claim and the key; nothing is written."""
        path = tmp_path / "claims.jsonl"
        claims = [Claim(id="ok", figure=Figure.exact(1)), Claim(id="bad", figure=Figure.exact(2))]
        claims[1] = claims[1].evolve(extra=extra)
        with pytest.raises(FormatError) as info:
            write_claims(claims, path)
        assert [(e.record, e.field) for e in info.value.errors] == [("bad", key)]
        assert list(tmp_path.iterdir()) == []

    def test_every_bad_claim_named(self, tmp_path: Path) -> None:
        """Claims JSON cannot hold are each named, the later ones too, and nothing is written."""
        path = tmp_path / "claims.jsonl"
        claims = [
            Claim(id="a", figure=Figure.exact(1), extra={"who": {"x", "y"}}),
            Claim(id="b", figure=Figure.exact(1)),
            Claim(id="c", figure=Figure.exact(1), extra={"when": date(2020, 1, 1)}),
        ]
        with pytest.raises(FormatError) as info:
            write_claims(claims, path)
        assert [(e.record, e.field) for e in info.value.errors] == [("a", "who"), ("c", "when")]
        assert list(tmp_path.iterdir()) == []

    def test_csv_header_defused(self, tmp_path: Path) -> None:
        """An extra named like a formula is written behind a quote, and reads back as it was."""
        path = tmp_path / "claims.csv"
        extra = {'=HYPERLINK("http://evil")': "1", "'x": "2", "@y": "3"}
        claims = [Claim(id="a", figure=Figure.exact(1), extra=extra)]
        write_claims(claims, path)
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert not any(h.startswith(("=", "@")) for h in header)
        assert '\'=HYPERLINK("http://evil")' in header and "''x" in header
        assert read_claims(path) == claims
