"""The columnar engine gives exactly the flags and estimates of the object path."""

from __future__ import annotations

import doctest
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import claimrecon
from claimrecon import (
    DEFAULT_SIDES,
    ArgumentError,
    Claim,
    DuplicateIdError,
    Figure,
    FormatError,
    InvalidClaimError,
    Period,
    load_seeds,
)
from claimrecon.attribution import COLUMNAR_THRESHOLD, route
from claimrecon.claim import MAX_COUNT, TOO_LARGE
from claimrecon.columnar import (
    claims_to_table,
    engine,
    synthetic_table,
    table_to_claims,
    validate_table,
    write_table,
)
from claimrecon.columnar.engine import flag_table, prepare_claims, reconcile_table
from claimrecon.columnar.flags import frame_schema
from claimrecon.columnar.gate import read_checked_frame
from claimrecon.columnar.prepare import (
    claims_frame,
    prepare,
    prepare_columns,
    to_frame,
    with_original,
)
from tests.builders import claim
from tests.strategies import (
    claim_lists,
    engine_claim_sets,
    series_claim_sets,
    summed_claim_sets,
)

POLICIES = ("best", "conservative", "range")


def object_flags(claims: list[Claim]) -> list[claimrecon.Flag]:
    assert route(claims)[0] is not None  # small lists take the object path
    return claimrecon.flag(claims)


def refused_everywhere(table: pa.Table, tmp_path: Path) -> list[FormatError]:
    """The error each way of reading a bad table raises (each must refuse it).

    To claims, and flagged and reconciled as a table, a Parquet file and a polars frame.
    """
    path = tmp_path / "claims.parquet"
    pq.write_table(table, path)
    found = []
    for data in (table, path, pl.from_arrow(table)):
        runs: list[Callable[[Any], object]] = [flag_table, reconcile_table]
        if isinstance(data, pa.Table):
            runs.append(table_to_claims)
        for run in runs:
            with pytest.raises(FormatError) as info:
                run(data)
            found.append(info.value)
    return found


class TestFlagTable:
    @given(engine_claim_sets(max_size=24))
    def test_same_flags(self, claims: list[Claim]) -> None:
        """On generated claim sets both paths give identical flags."""
        assert flag_table(claims_to_table(claims)).to_flags() == object_flags(claims)

    @given(summed_claim_sets())
    def test_same_flags_on_sums_from_several_starts(self, claims: list[Claim]) -> None:
        """On a whole and its parts counted from several starts both paths give identical flags."""
        assert flag_table(claims_to_table(claims)).to_flags() == object_flags(claims)

    @given(series_claim_sets())
    def test_same_flags_on_running_totals(self, claims: list[Claim]) -> None:
        """On running totals that rise, fall and cross both paths give identical flags."""
        assert flag_table(claims_to_table(claims)).to_flags() == object_flags(claims)

    def test_seeds(self) -> None:
        """The seeds give identical flags on both paths."""
        seeds = load_seeds()
        assert flag_table(claims_to_table(seeds)).to_flags() == object_flags(seeds)

    def test_frame_columns(self) -> None:
        """The flag table is a frame with codes, claim rows, subjects, factors and figures."""
        table = flag_table(claims_to_table(load_seeds()))
        assert {"code", "claims", "unit", "side", "as_of", "factor", "f1_low", "f1_high"} <= set(
            table.frame.columns
        )
        assert len(table) == len(claimrecon.flag(load_seeds()))

    @given(engine_claim_sets(max_size=8))
    def test_frame_schema_is_fixed(self, claims: list[Claim]) -> None:
        """Whichever checks find something (or none), the flag table has the same columns."""
        table = flag_table(claims_to_table(claims))
        names = prepare_claims(claims).rows.schema["unit"]
        assert table.frame.schema == pl.Schema(frame_schema(names))

    def test_no_claims(self) -> None:
        """No claims, no flags and no estimates, as objects too."""
        empty = claims_to_table([])
        assert len(flag_table(empty)) == 0
        assert flag_table(empty).to_flags() == []
        assert reconcile_table(empty).to_estimates() == []

    def test_flags_share_their_figures(self) -> None:
        """A figure several flags show is one object, built once (the rows name it by place)."""
        flags = flag_table(synthetic_table(3_000, seed=2)).to_flags()
        shown = [figure for f in flags for figure in f.figures]
        one: dict[Figure, Figure] = {}
        assert all(one.setdefault(figure, figure) is figure for figure in shown)
        assert len(one) < len(shown)

    def test_duplicate_ids(self) -> None:
        """Duplicate ids are refused on the columnar path too, from claims or from a table."""
        from claimrecon import FormatError

        twins = [claim("a", 1), claim("a", 2)]
        with pytest.raises(DuplicateIdError, match="'a'"):
            flag_table(twins)
        with pytest.raises(FormatError, match="repeats the id"):
            flag_table(claims_to_table(twins))

    def test_incident_without_start(self, tmp_path: Path) -> None:
        """An incident given no start is one day: one incident with the same written in full.

        So on both paths, from claims and from a table or file whose start cell is empty:
        the two counts of one incident disagree, and make one estimate.
        """
        on = date(2020, 10, 5)
        full = claim("a", 10, incident=True, as_of=on)
        bare = claim("b", 40, incident=True, as_of=on, claimant="Reuters")
        bare = attrs.evolve(bare, period=Period(as_of=on, kind="incident"))
        assert bare.period == full.period
        table = claims_to_table([full, bare])
        starts = pa.array([on, None], pa.date32())
        table = table.set_column(
            table.schema.get_field_index("period_start"), "period_start", starts
        )
        path = tmp_path / "claims.parquet"
        pq.write_table(table, path)
        flags, estimates = object_flags([full, bare]), claimrecon.reconcile([full, bare])
        assert "divergent" in [f.code for f in flags] and len(estimates) == 1
        for data in (table, path, pl.from_arrow(table)):
            assert flag_table(data).to_flags() == flags
            assert reconcile_table(data).to_estimates() == estimates
        assert table_to_claims(table) == [full, bare]


class TestReconcileTable:
    @given(engine_claim_sets(max_size=24), st.sampled_from(POLICIES))
    def test_same_estimates(self, claims: list[Claim], policy: str) -> None:
        """On generated claim sets both paths give identical estimates and traces."""
        got = reconcile_table(claims_to_table(claims), policy).to_estimates()
        assert got == claimrecon.reconcile(claims, policy)

    @given(series_claim_sets(), st.sampled_from(POLICIES))
    def test_same_estimates_on_running_totals(self, claims: list[Claim], policy: str) -> None:
        """On running totals that rise, fall and cross both paths give identical estimates.

        Each series' bounds carried from day to day, their trace entries and the
        estimates whose bounds cross.
        """
        got = reconcile_table(claims_to_table(claims), policy).to_estimates()
        assert got == claimrecon.reconcile(claims, policy)

    @pytest.mark.parametrize("policy", POLICIES)
    def test_seeds(self, policy: str) -> None:
        """The seeds give identical estimates on both paths."""
        seeds = load_seeds()
        assert reconcile_table(
            claims_to_table(seeds), policy
        ).to_estimates() == claimrecon.reconcile(seeds, policy)


class TestDispatch:
    def test_inputs(self, tmp_path: Path) -> None:
        """Lists, claim files, Parquet files, Arrow tables and polars frames give the same."""
        seeds = load_seeds()
        expected = claimrecon.flag(seeds)
        parquet = tmp_path / "seeds.parquet"
        write_table(claims_to_table(seeds), parquet)
        table = claims_to_table(seeds)
        for given_input in (
            table,
            pl.from_arrow(table),
            parquet,
            str(parquet),
            claimrecon.seeds.seeds_dir() / "claims.jsonl",
        ):
            assert route(given_input)[0] is None
            assert claimrecon.flag(given_input) == expected
            assert claimrecon.reconcile(given_input) == claimrecon.reconcile(seeds)

    def test_prepared_once(self) -> None:
        """Claims prepared once give the flags and estimates of the claims themselves."""
        seeds = load_seeds()
        prepared = prepare_claims(seeds)
        assert len(prepared) == len(seeds)
        assert route(prepared)[0] is None
        assert prepare_claims(prepared) is prepared
        assert claimrecon.flag(prepared) == claimrecon.flag(seeds)
        for policy in POLICIES:
            assert claimrecon.reconcile(prepared, policy) == claimrecon.reconcile(seeds, policy)
        assert flag_table(prepared).to_flags() == claimrecon.flag(seeds)

    def test_prepared_keep_their_registry(self) -> None:
        """Prepared claims given with another side registry are refused, not re-read."""
        claims = [claim("own", 10), claim("enemy", 500, claimant="Vardan Vardanyan")]
        other = DEFAULT_SIDES.extend({"azerbaijan": ["Vardan Vardanyan"]})
        expected = claimrecon.flag(claims, registry=other)
        assert "partisan_enemy_claim" in {f.code for f in expected}
        assert expected != claimrecon.flag(claims)
        prepared = prepare_claims(claims, registry=other)
        assert claimrecon.flag(prepared, registry=other) == expected
        assert claimrecon.flag(prepared) == expected
        with pytest.raises(ArgumentError, match="another side registry"):
            claimrecon.flag(prepare_claims(claims), registry=other)

    def test_examples(self) -> None:
        """The engine module's examples run."""
        assert doctest.testmod(engine).failed == 0

    def test_long_lists_go_columnar(self) -> None:
        """A list of thousands of claims takes the columnar path."""
        many = [claim(f"c{i}", i % 50) for i in range(COLUMNAR_THRESHOLD)]
        assert route(many)[0] is None
        assert route(many[:10])[0] is not None


class TestGenerated100k:
    def test_same_results(self, tmp_path: Path) -> None:
        """A generated set of 100,000 claims gives identical flags and estimates on both paths.

        The columnar path is taken twice: from the table, and from a Parquet
        file, which the gate reads with polars alone.
        """
        table = synthetic_table(100_000, seed=3)
        path = tmp_path / "claims.parquet"
        write_table(table, path)
        claims = table_to_claims(table)
        import claimrecon.attribution as attribution

        saved = attribution.COLUMNAR_THRESHOLD
        attribution.COLUMNAR_THRESHOLD = len(claims) + 1  # force the object path
        try:
            flags, estimates = claimrecon.flag(claims), claimrecon.reconcile(claims)
        finally:
            attribution.COLUMNAR_THRESHOLD = saved
        assert flag_table(table).to_flags() == flags
        assert reconcile_table(table).to_estimates() == estimates
        assert len(flags) > 1000 and len(estimates) > 1000
        assert read_checked_frame(path) is not None  # the file takes the gate
        prepared = prepare_claims(path)
        assert_frame_equal(prepared.rows, prepare_claims(table).rows)
        assert flag_table(prepared).to_flags() == flags
        assert reconcile_table(prepared).to_estimates() == estimates


def settled(flags: pl.DataFrame) -> pl.DataFrame:
    """A flag table in one order: each flag's claims sorted, then the rows."""
    flags = flags.with_columns(pl.col("claims").list.sort())
    return flags.sort(pl.exclude("many", "p_who"), nulls_last=True)


class TestSideBySide:
    def test_same_results_in_threads(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Passes run two at a time (as on few or many claims) give what they give in turn.

        The gate's two passes over a file and the flag checks, on the seeds and on
        synthetic claims, whose every check flags something.
        """
        from claimrecon.columnar import _parallel

        sizes = (10, 10**6, 10**7)
        for tuned, expected in ((True, [2, 2, 2]), (False, [2, 1, 2])):
            # claimrecon loaded polars (its allocator set up), or polars was loaded first
            with monkeypatch.context() as patched:
                patched.setattr(_parallel, "tuned", lambda tuned=tuned: tuned)
                assert [_parallel.side_by_side(n) for n in sizes] == expected
        table = synthetic_table(5_000, seed=4)
        path = tmp_path / "claims.parquet"
        write_table(table, path)
        for data in (load_seeds(), table, path):
            monkeypatch.setattr(_parallel, "tuned", lambda: False)
            monkeypatch.setattr(_parallel, "SMALL_ROWS", 0)  # one after another
            assert _parallel.side_by_side(2) == 1
            in_turn = flag_table(data)
            gated = read_checked_frame(path)
            monkeypatch.undo()
            assert _parallel.side_by_side(2) == 2
            assert flag_table(data).to_flags() == in_turn.to_flags()
            # the table itself too, up to the order of rows and of each flag's claims
            assert_frame_equal(settled(flag_table(data).frame), settled(in_turn.frame))
            assert gated is not None
            assert_frame_equal(read_checked_frame(path), gated)
        assert len(in_turn) > 100


class TestBadTables:
    def test_bad_rows_named(self) -> None:
        """A table with bad rows is refused with every bad row and field named."""
        import pyarrow as pa

        from claimrecon import FormatError

        table = pa.table({"id": ["a", "b"], "low": [3, -1], "unit": ["person", "furlong"]})
        with pytest.raises(FormatError) as info:
            claimrecon.flag(table)
        assert {(e.line, e.field) for e in info.value.errors} == {(2, "low"), (2, "unit")}

    def test_bad_frames_named(self) -> None:
        """A polars frame with a bad row is refused, eager or lazy."""
        frame = pl.from_arrow(claims_to_table(load_seeds()))
        assert isinstance(frame, pl.DataFrame)
        bad = frame.with_columns(low=pl.when(pl.col("id") == "003-02").then(-5).otherwise("low"))
        for given_input in (bad, bad.lazy()):
            with pytest.raises(FormatError) as info:
                prepare_claims(given_input)
            assert ("low", "003-02") in [(e.field, e.record) for e in info.value.errors]
            assert {e.record for e in info.value.errors} == {"003-02"}

    def test_repeated_ids_in_a_canonical_file(self, tmp_path: Path) -> None:
        """A file the gate would pass but for a repeated id is refused, each line named."""
        import pyarrow as pa

        table = claims_to_table(load_seeds())
        ids = table.column("id").to_pylist()
        ids[5] = ids[2]
        path = tmp_path / "twice.parquet"
        write_table(table.set_column(0, "id", pa.array(ids)), path)
        assert read_checked_frame(path, unique_ids=False) is not None
        assert read_checked_frame(path) is None
        with pytest.raises(FormatError) as info:
            prepare_claims(path)
        assert {(e.line, e.field) for e in info.value.errors} >= {(6, "id")}


class TestClaimsFrame:
    @given(claim_lists(max_size=6))
    def test_same_rows_as_the_table(self, claims: list[Claim]) -> None:
        """Claim objects give the engine the rows their Arrow table gives it."""
        from_table = with_original(to_frame(claims_to_table(claims)))
        from_table = from_table.with_columns(pl.col(pl.Categorical).cast(pl.String))
        assert_frame_equal(claims_frame(claims), from_table)
        assert_frame_equal(
            prepare_columns(claims_frame(claims), DEFAULT_SIDES),
            prepare(claims_to_table(claims), DEFAULT_SIDES),
        )

    @given(st.dates(), st.none() | st.dates())
    def test_dates_of_any_year(self, one: date, other: date | None) -> None:
        """Dates from year 1 to 9999, before 1970 too, reach the engine as the table gives them."""
        start, as_of = (None, one) if other is None else sorted((one, other))
        claims = [attrs.evolve(claim("a", 3), period=Period(as_of=as_of, start=start))]
        from_table = with_original(to_frame(claims_to_table(claims)))
        from_table = from_table.with_columns(pl.col(pl.Categorical).cast(pl.String))
        assert_frame_equal(claims_frame(claims), from_table)

    def test_categorical_columns_of_any_codes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Name columns held as Categorical give the rows their text gives, whatever the codes.

        Categorical codes count up over a process (here past 5,000 unrelated
        texts), and past the longest lookup table the text is coded instead.
        """
        from claimrecon.columnar import prepare as module

        frame = to_frame(claims_to_table(load_seeds()))
        as_text = frame.with_columns(pl.col(pl.Categorical).cast(pl.String))
        expected = module.prepare(as_text, DEFAULT_SIDES)
        pl.Series([f"other {i}" for i in range(5_000)]).cast(pl.Categorical)
        as_codes = as_text.with_columns(
            pl.col(c).cast(pl.Categorical) for c in ("unit", "category", "location", "claimant")
        )
        assert_frame_equal(module.prepare(as_codes, DEFAULT_SIDES), expected)
        monkeypatch.setattr(module, "_LONGEST_TABLE", 10)
        assert_frame_equal(module.prepare(as_codes, DEFAULT_SIDES), expected)
        assert_frame_equal(module.prepare(frame, DEFAULT_SIDES), expected)

    def test_extra_named_like_a_field(self, tmp_path: Path) -> None:
        """An extra column named like a claim field is refused by tables, files and the engine.

        A claim cannot have one: written to a file, it would take the field's place.
        """
        table = claims_to_table([claim("fine", 3), claim("odd", 5)])
        cells = pa.array([None, '{"x_src": 1, "status": "retracted"}'], pa.string())
        table = table.set_column(table.schema.get_field_index("extra"), "extra", cells)
        for error in refused_everywhere(table, tmp_path):
            assert "named like a claim field: 'status'" in str(error)
            assert [(e.line, e.field, e.record) for e in error.errors] == [(2, "extra", "odd")]

    def test_null_disputer(self, tmp_path: Path) -> None:
        """A disputer that is null names no one: an error, as in a JSON Lines file."""
        table = claims_to_table([claim("fine", 3), claim("odd", 5, disputed_by=("Turkey",))])
        cells = pa.array([[], ["Turkey", None]], pa.list_(pa.string()))
        table = table.set_column(table.schema.get_field_index("disputed_by"), "disputed_by", cells)
        for error in refused_everywhere(table, tmp_path):
            assert "must name who disputes the claim, not null" in str(error)
            assert [(e.line, e.field, e.record) for e in error.errors] == [
                (2, "disputed_by", "odd")
            ]

    def test_text_not_utf8(self, tmp_path: Path) -> None:
        """Text that is not UTF-8 (Arrow does not check a table it is given) is named by cell."""
        table = claims_to_table([claim("fine", 3), claim("odd", 5)])
        bytes_ = pa.array([b"ok", b"a\xc0\xaf"], pa.binary())  # an overlong encoding of '/'
        cells = pa.Array.from_buffers(pa.string(), 2, bytes_.buffers())
        table = table.set_column(table.schema.get_field_index("note"), "note", cells)
        for error in refused_everywhere(table, tmp_path):
            assert [(e.line, e.field) for e in error.errors] == [(2, "note")]
            assert "not UTF-8" in str(error)
        with pytest.raises(FormatError, match="not UTF-8"):
            validate_table(table)

    def test_counts_beyond_the_largest(self, tmp_path: Path) -> None:
        """A count above 2**53 - 1 is refused by claims, tables, files and the engine alike.

        The engine computes sums of parts, ceilings four times a count and
        midpoints in 64-bit integers: below that bound none of them overflows.
        """
        with pytest.raises(
            InvalidClaimError, match=r"'huge': 'low' must be at most 9007199254740991 \(2"
        ):
            claim("huge", MAX_COUNT + 1)
        assert claim("largest", MAX_COUNT).figure.low == MAX_COUNT
        table = claims_to_table([claim("fine", 3), claim("huge", 5)])
        for field in ("low", "high", "stated"):  # exact: all three the same
            place = table.schema.get_field_index(field)
            table = table.set_column(place, field, pa.array([3, MAX_COUNT + 1]))
        for error in refused_everywhere(table, tmp_path):
            assert sorted((e.line, e.field, e.record) for e in error.errors) == [
                (2, "high", "huge"),
                (2, "low", "huge"),
                (2, "stated", "huge"),
            ]
            assert all(TOO_LARGE in str(e) for e in error.errors)
