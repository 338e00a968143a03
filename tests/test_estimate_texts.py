"""Estimates written as CSV and JSON straight from the estimate table: the bytes objects give."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from claimrecon import Claim, Policy, load_seeds, reconcile
from claimrecon.columnar import synthetic_table
from claimrecon.columnar.engine import reconcile_table
from claimrecon.columnar.estimate_texts import (
    ESTIMATE_CSV_COLUMNS,
    estimate_texts,
    write_estimates_csv,
    write_estimates_json,
)
from claimrecon.io.results import estimate_records, to_csv_text, to_json_text
from tests.builders import claim, day
from tests.strategies import engine_claim_sets

POLICIES = list(Policy)


def object_csv(claims: Any, policy: Policy = Policy.BEST) -> str:
    """The estimate CSV as built from estimate objects (the object path for a short list)."""
    records = estimate_records(reconcile(claims, policy), trace=False)
    return to_csv_text(records, columns=ESTIMATE_CSV_COLUMNS)


def object_json(claims: Any, policy: Policy = Policy.BEST) -> str:
    """The estimate JSON as built from estimate objects, traces included."""
    return to_json_text(estimate_records(reconcile(claims, policy)))


def column_csv(data: object, folder: Path, policy: Policy = Policy.BEST) -> str:
    path = folder / "estimates.csv"
    write_estimates_csv(reconcile_table(data, policy), path)
    return path.read_bytes().decode("utf-8")


def column_json(data: object, folder: Path, policy: Policy = Policy.BEST) -> str:
    path = folder / "estimates.json"
    write_estimates_json(reconcile_table(data, policy), path)
    return path.read_bytes().decode("utf-8")


class TestSameBytes:
    @pytest.mark.parametrize("policy", POLICIES)
    def test_seeds(self, tmp_path: Path, policy: Policy) -> None:
        """The seeds' estimates under every policy, byte for byte, traces included."""
        seeds = load_seeds()
        text = column_csv(seeds, tmp_path, policy)
        assert text == object_csv(seeds, policy)
        assert column_json(seeds, tmp_path, policy) == object_json(seeds, policy)
        assert text.splitlines()[0] == ",".join(ESTIMATE_CSV_COLUMNS)

    def test_generated_set(self, tmp_path: Path) -> None:
        """Thousands of synthetic claims: bounds from other days, set-aside claims, every grade."""
        table = synthetic_table(4_000, seed=5)
        estimates = reconcile(table)
        actions = {t.action.value for e in estimates for t in e.trace}
        assert actions == {"used", "set_aside", "lower_bound", "upper_bound"}
        assert {e.grade.value for e in estimates} >= {"contested", "weak", "discounted"}
        assert column_csv(table, tmp_path) == to_csv_text(estimate_records(estimates, trace=False))
        assert column_json(table, tmp_path) == to_json_text(estimate_records(estimates))

    @settings(max_examples=30, deadline=None)
    @given(engine_claim_sets(max_size=24))
    def test_any_claim_set(self, claims: list[Claim]) -> None:
        """Any claim set: the columns give the files the objects give (the object path)."""
        with tempfile.TemporaryDirectory() as folder:
            assert column_csv(claims, Path(folder)) == object_csv(claims)
            assert column_json(claims, Path(folder)) == object_json(claims)

    def test_no_estimates(self, tmp_path: Path) -> None:
        """No estimate: the header of every column and an empty list, as from objects."""
        header = ",".join(ESTIMATE_CSV_COLUMNS) + "\r\n"
        assert column_csv([], tmp_path) == object_csv([]) == header
        assert column_json([], tmp_path) == object_json([]) == "[]\n"
        assert estimate_texts(reconcile_table([])).columns == list(ESTIMATE_CSV_COLUMNS)

    def test_cells_a_spreadsheet_would_run(self, tmp_path: Path) -> None:
        """Ids and names that start like a formula are defused as from objects."""
        claims = [
            claim("=1+1", 90, claimant="-Ministry", location="+Town"),
            claim("@2", 50, claimant="Reuters", location="+Town"),
        ]
        text = column_csv(claims, tmp_path)
        assert text == object_csv(claims)
        assert "'=1+1" in text and "'+Town" in text

    def test_text_json_must_escape(self, tmp_path: Path) -> None:
        """Quotes, backslashes and control characters in ids, names and reasons are escaped."""
        claims = [
            claim('say "90"', 90, claimant='The "Ministry"', location='"Town"'),
            claim("back\\slash\ttab", 50, claimant="Line\nbreak", as_of=day(2)),
            claim("plain \u2028 é", 40, claimant="Agence", as_of=day(3), retracted=True),
        ]
        assert column_json(claims, tmp_path) == object_json(claims)
        assert column_csv(claims, tmp_path) == object_csv(claims)

    def test_dates_before_1000(self, tmp_path: Path) -> None:
        """A date is written as isoformat() writes it, four digits of year and all."""
        import attrs

        from claimrecon import Period

        old = attrs.evolve(claim("old", 3), period=Period.incident(day(1).replace(year=999)))
        assert column_csv([old], tmp_path) == object_csv([old])
        assert "0999-10-01" in column_json([old], tmp_path)


class TestCommandLine:
    @pytest.mark.parametrize("policy", POLICIES)
    def test_table_file(self, tmp_path: Path, policy: Policy) -> None:
        """``reconcile x.parquet -f csv|json`` writes what the same claims as JSONL give."""
        from tests.test_cli import assert_table_file_like_objects

        options = ("--policy", policy.value)
        printed = assert_table_file_like_objects("reconcile", load_seeds(), tmp_path, *options)
        assert printed.startswith("unit,side")

    @pytest.mark.parametrize(("low", "code"), [(90, 1), (40, 0)])
    def test_strict(self, tmp_path: Path, low: int, code: int) -> None:
        """--strict exits 1 on an error flag, from the table as from objects."""
        from tests.test_cli import strict_exit_codes

        assert strict_exit_codes("reconcile", low, tmp_path) == {code}
