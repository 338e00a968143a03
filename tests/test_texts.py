"""Flags written as CSV and JSON straight from the flag table: the bytes flag objects give."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings

from claimrecon import Claim, Figure, flag, load_seeds
from claimrecon.columnar import synthetic_table
from claimrecon.columnar.engine import flag_table
from claimrecon.columnar.texts import (
    CSV_COLUMNS,
    flag_texts,
    write_flags_csv,
    write_flags_json,
)
from claimrecon.flags import ratio
from claimrecon.io.results import flag_records, to_csv_text, to_json_text
from tests.builders import claim
from tests.strategies import engine_claim_sets


def object_csv(claims: list[Claim]) -> str:
    """The flag CSV as built from flag objects, on the object path."""
    return to_csv_text(flag_records(flag(claims)), columns=CSV_COLUMNS)


def column_csv(data: object, tmp_path: Path) -> str:
    path = tmp_path / "flags.csv"
    write_flags_csv(flag_table(data), path)
    return path.read_bytes().decode("utf-8")


def object_json(claims: list[Claim]) -> str:
    """The flag JSON as built from flag objects, on the object path."""
    return to_json_text(flag_records(flag(claims)))


def column_json(data: object, tmp_path: Path) -> str:
    path = tmp_path / "flags.json"
    write_flags_json(flag_table(data), path)
    return path.read_bytes().decode("utf-8")


class TestSameBytes:
    def test_seeds(self, tmp_path: Path) -> None:
        """The seeds' flags: every code of the seeds, byte for byte."""
        seeds = load_seeds()
        text = column_csv(seeds, tmp_path)
        assert text == object_csv(seeds)
        assert column_json(seeds, tmp_path) == object_json(seeds)
        assert text.splitlines()[0] == ",".join(CSV_COLUMNS)

    def test_generated_set(self, tmp_path: Path) -> None:
        """Thousands of synthetic claims: every check fires, with lists of figures too."""
        table = synthetic_table(4_000, seed=5)
        flags = flag(table)
        assert {f.code for f in flags} >= {
            "divergent",
            "partisan_enemy_claim",
            "series_regression",
            "single_source",
        }
        expected = to_csv_text(flag_records(flags), columns=CSV_COLUMNS)
        assert column_csv(table, tmp_path) == expected
        assert column_json(table, tmp_path) == to_json_text(flag_records(flags))

    @settings(max_examples=30, deadline=None)
    @given(engine_claim_sets(max_size=24))
    def test_any_claim_set(self, claims: list[Claim]) -> None:
        """Any claim set: the columns give the file the objects give (the object path)."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            assert column_csv(claims, Path(folder)) == object_csv(claims)
            assert column_json(claims, Path(folder)) == object_json(claims)

    def test_source_against_itself(self, tmp_path: Path) -> None:
        """A source reported giving figures that do not overlap, in a place too: the same bytes."""
        garbled = claim("nk-727", 727, claimant="Nagorno-Karabakh", chain=("Other Daily",))
        claims = [
            claim("nk-772", 772, claimant="Nagorno-Karabakh"),
            garbled,
            claim("nk-800", Figure.at_least(800), claimant="Nagorno-Karabakh", chain=()),
            claim("m-5", 5, claimant="Artsakh", location="Martakert"),
            claim("m-0", 0, claimant="Artsakh", location="Martakert", chain=("BBC",)),
        ]
        text = column_csv(claims, tmp_path)
        assert text == object_csv(claims)
        assert column_json(claims, tmp_path) == object_json(claims)
        assert text.count("inconsistent_source") == 2
        assert "(xinf)" in text  # 5 against 0

    def test_no_flags(self, tmp_path: Path) -> None:
        """No flag at all: the header of every column, as from objects."""
        header = ",".join(CSV_COLUMNS) + "\r\n"
        assert column_csv([], tmp_path) == object_csv([]) == header
        assert column_json([], tmp_path) == object_json([]) == "[]\n"
        assert flag_texts(flag_table([])).columns == list(CSV_COLUMNS)

    def test_cells_a_spreadsheet_would_run(self, tmp_path: Path) -> None:
        """Ids and names that start like a formula are defused as from objects."""
        claims = [
            claim("=1+1", 90, category="civilian", claimant="-Ministry"),
            claim("@2", 50, category="unspecified", claimant="+Agency"),
        ]
        text = column_csv(claims, tmp_path)
        assert text == object_csv(claims)
        assert "'=1+1" in text and "'-Ministry" not in text.split("\r\n")[0]


def test_factor_is_the_exact_quotient() -> None:
    """The table's factor is Python's quotient, even over a divisor held as one value.

    polars divides by a repeated value with its reciprocal: 5 / 3 would come out
    as 1.6666666666666665, where Python (and the object path) gives ...67.
    """
    claims = [
        claim("incident", 5, incident=True),
        claim("total", 3),
    ]
    table = flag_table(claims)
    rows = table.frame.filter(pl.col("f_den").is_not_null())
    assert rows.height
    for num, den, factor in rows.select("f_num", "f_den", "factor").iter_rows():
        assert factor == ratio(num, den)
    assert [f.factor for f in table.to_flags()] == [f.factor for f in flag(claims)]


def test_text_json_must_escape(tmp_path: Path) -> None:
    """Quotes, backslashes and control characters in ids and names are escaped as json does."""
    claims = [
        claim('say "90"', 90, category="civilian", claimant='The "Ministry"'),
        claim("back\\slash\ttab", 50, category="unspecified", claimant="Line\nbreak"),
        claim("plain \u2028 é", 40, category="unspecified", claimant="Agence"),
    ]
    assert column_json(claims, tmp_path) == object_json(claims)
    assert column_csv(claims, tmp_path) == object_csv(claims)


class TestCommandLine:
    def test_table_file(self, tmp_path: Path) -> None:
        """``claimrecon flag x.parquet -f csv|json`` writes what the same claims as JSONL give."""
        from tests.test_cli import assert_table_file_like_objects

        printed = assert_table_file_like_objects("flag", load_seeds(), tmp_path)
        assert printed.startswith("code,severity")

    @pytest.mark.parametrize(("low", "code"), [(90, 1), (40, 0)])
    def test_strict(self, tmp_path: Path, low: int, code: int) -> None:
        """--strict exits 1 on an error flag from the table, as from objects."""
        from tests.test_cli import strict_exit_codes

        assert strict_exit_codes("flag", low, tmp_path) == {code}
