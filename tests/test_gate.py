"""The gate: canonical, valid Parquet files read by polars alone, the rest left to read_table."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimrecon import Claim, FormatError, load_seeds
from claimrecon.columnar import (
    CLAIM_SCHEMA,
    claims_to_table,
    read_table,
    synthetic_table,
    write_table,
)
from claimrecon.columnar import gate as gate_module
from claimrecon.columnar.gate import read_checked_frame
from claimrecon.columnar.prepare import (
    NEEDED,
    ORIGINAL_COLUMNS,
    prepare_columns,
    to_frame,
    with_original,
)
from claimrecon.columnar.seal import is_sealed
from claimrecon.sides import DEFAULT_SIDES
from tests.strategies import claims, engine_claim_sets

#: each example writes and reads a file twice: half the profile's examples
file_settings = settings(max_examples=max(10, settings.default.max_examples // 2))

#: the schema of the tables built here: every column may hold a null, to inject one
NULLABLE = pa.schema([f.with_nullable(True) for f in CLAIM_SCHEMA], metadata=CLAIM_SCHEMA.metadata)

Rows = list[dict[str, Any]]


def prepared(frame: pl.DataFrame) -> pl.DataFrame:
    return prepare_columns(frame, DEFAULT_SIDES)


def exact(path: Path) -> pl.DataFrame:
    """The engine's columns by the exact path."""
    return with_original(to_frame(read_table(path)))


def assert_same(path: Path, frame: pl.DataFrame) -> None:
    """The gate's frame has the engine's columns and prepares as the exact path's does."""
    assert tuple(frame.columns) == ORIGINAL_COLUMNS
    assert prepared(frame).equals(prepared(exact(path)))


def checked(path: Path) -> pl.DataFrame | None:
    """The gate's verdict by its rules, never by a seal; a sealed file must pass them.

    ``write_table`` seals what the gate passes: a sealed file is read alike
    either way, and was never sealed wrongly.
    """
    frame = read_checked_frame(path, trust_seal=False)
    if is_sealed(path):
        assert frame is not None
        by_seal = read_checked_frame(path)
        assert by_seal is not None and by_seal.equals(frame)
    return frame


def written(table: pa.Table, folder: str, **options: Any) -> Path:
    path = Path(folder) / "claims.parquet"
    if options:
        pq.write_table(table, path, **options)
    else:
        write_table(table, path)
    return path


# -- injected cells --------------------------------------------------------------------------


def cell(**changes: Any) -> Callable[[Rows, int], None]:
    """An injection setting some cells of one row."""

    def inject(rows: Rows, i: int) -> None:
        rows[i].update(changes)

    return inject


def repeat_id(rows: Rows, i: int) -> None:
    rows.append(dict(rows[i]))


def flip_approx(rows: Rows, i: int) -> None:
    rows[i]["approx"] = not rows[i]["approx"]


def pad_id(rows: Rows, i: int) -> None:
    rows[i]["id"] += " "


def separator_before_id(rows: Rows, i: int) -> None:
    rows[i]["id"] = "\x1c" + rows[i]["id"]


PEOPLE = {"unit": "person", "outcome": "killed"}
OPEN = {"rule": "at_least", "low": 5, "high": None, "stated": 5, "approx": False}
NO_CHAIN = {"reported_by": [], "reported_dates": []}
DISPUTED = {"status": "disputed"}

#: one bad cell: a row the exact path rejects
BAD: dict[str, Callable[[Rows, int], None]] = {
    "id null": cell(id=None),
    "id empty": cell(id=""),
    "id padded": pad_id,
    "id padded by a separator": separator_before_id,
    "id repeated": repeat_id,
    "claimant blank": cell(claimant="  "),
    "location blank": cell(location="\u3000"),
    "qualifier empty": cell(qualifier=""),
    "document blank": cell(document="\t"),
    "url blank": cell(url=" "),
    "note blank": cell(note="\u2028\x1f"),
    "claimant_side all": cell(claimant_side="all"),
    "claimant_side capitalized": cell(claimant_side="Armenia"),
    "subject_side not a name": cell(subject_side="azerbaijan!"),
    "category unknown": cell(category="combatant"),
    "outcome unknown": cell(outcome="vanished"),
    "kind unknown": cell(kind="running"),
    "precision unknown": cell(precision="hour"),
    "status unknown": cell(status="rumoured"),
    "rule unknown": cell(rule="roughly"),
    "unit unknown": cell(unit="furlong"),
    "unit not a count": cell(unit="day"),
    "outcome not of the unit": cell(unit="tank", outcome="killed"),
    "outcome not of people": cell(unit="person", outcome="destroyed"),
    "low null": cell(low=None),
    "low negative": cell(**{**OPEN, "low": -1, "stated": None}),
    "high below low": cell(rule="between", low=5, high=4, stated=None, approx=False),
    "stated negative": cell(**{**OPEN, "stated": -1}),
    "exact with another high": cell(rule="exact", low=5, high=6, stated=5, approx=False),
    "at_least with a high": cell(**{**OPEN, "high": 9}),
    "between without a high": cell(rule="between", low=5, high=None, stated=None, approx=False),
    "at_most above 0": cell(rule="at_most", low=3, high=9, stated=9, approx=False),
    "exact stating another number": cell(rule="exact", low=5, high=5, stated=6, approx=False),
    "approx not the rule's": flip_approx,
    "as_of after publication": cell(
        as_of=date(2020, 10, 5), period_start=None, published="2020-10-01"
    ),
    "as_of after a local publication day": cell(
        as_of=date(2020, 10, 2), period_start=None, published="2020-10-01T23:00:00+07:00"
    ),
    "period_start after as_of": cell(
        as_of=date(2020, 10, 1), period_start=date(2020, 10, 5), published=None
    ),
    "published not a date": cell(published="yesterday"),
    "hop repeated": cell(reported_by=["AFP", "AFP"], reported_dates=[]),
    "hop repeated in a long chain": cell(reported_by=["A", "B", "C", "A"], reported_dates=[]),
    "hop null": cell(reported_by=["Kompas", None], reported_dates=[]),
    "hop holding the separator": cell(reported_by=["Reuters > AFP"], reported_dates=[]),
    "hop blank": cell(reported_by=["  "], reported_dates=[]),
    "hop dates too few": cell(reported_by=["A", "B"], reported_dates=["2020-10-01"]),
    "hop date not a date": cell(reported_by=["A", "B"], reported_dates=["2020-10-01", "soon"]),
    "disputed by no one": cell(status="disputed", disputed_by=[]),
    "disputers of an undisputed claim": cell(status="reported", disputed_by=["Turkey"]),
    "disputer holding the separator": cell(status="disputed", disputed_by=["A; B"]),
    "disputer blank": cell(status="disputed", disputed_by=[" "]),
    "evidence end missing": cell(evidence_start=5, evidence_end=None, evidence=None),
    "evidence end before start": cell(evidence_start=5, evidence_end=3, evidence=None),
    "evidence start negative": cell(evidence_start=-1, evidence_end=3, evidence=None),
    "evidence empty": cell(evidence=""),
    "evidence not as long as its span": cell(evidence_start=0, evidence_end=3, evidence="ab"),
    "extra not JSON": cell(extra="{x_region: Tartar}"),
    "extra a JSON list": cell(extra='["Tartar"]'),
    "extra empty": cell(extra=""),
}

#: one cell the exact path would fill in or make canonical: a valid row, not a canonical one
NOT_CANONICAL: dict[str, Callable[[Rows, int], None]] = {
    "unit alias": cell(unit="people", outcome="killed"),
    "unit padded": cell(unit=" person", outcome="killed"),
    **{
        f"{name} {label}": cell(**{name: value})
        for name in (
            "claimant_side",
            "subject_side",
            "category",
            "kind",
            "precision",
            "status",
            "rule",
        )
        for label, value in (("null", None), ("empty", ""))
    },
    "unit null": cell(unit=None, outcome="killed"),
    "outcome null": cell(unit="person", outcome=None),
    "approx null": cell(approx=None),
    "reported_by null": cell(reported_by=None, reported_dates=[]),
    "reported_dates null": cell(reported_dates=None),
    "disputed_by null": cell(status="reported", disputed_by=None),
    "disputer null": cell(status="disputed", disputed_by=[None, "Turkey"]),
}


def column(
    name: str, change: Callable[[pa.ChunkedArray], pa.ChunkedArray | pa.Array]
) -> Callable[[pa.Table], pa.Table]:
    """An injection changing a whole column (its type), or dropping it (``change`` None)."""

    def inject(table: pa.Table) -> pa.Table:
        at = table.column_names.index(name)
        return table.set_column(at, name, change(table.column(name)))

    return inject


def dropped(name: str) -> Callable[[pa.Table], pa.Table]:
    return lambda table: table.drop_columns([name])


def repeated(name: str) -> Callable[[pa.Table], pa.Table]:
    return lambda table: table.append_column(name, table.column(name))


def no_moments(table: pa.Table) -> pa.Table:
    """``published`` as a date32 column (of nulls: dates, not moments)."""
    at = table.column_names.index("published")
    return table.set_column(at, "published", pa.nulls(table.num_rows, pa.date32()))


#: a column of another type than the canonical one, missing or repeated
COLUMNS: dict[str, Callable[[pa.Table], pa.Table]] = {
    "low as int32": column("low", lambda c: c.cast(pa.int32())),
    "high as float": column("high", lambda c: c.cast(pa.float64())),
    "as_of as text": column("as_of", lambda c: c.cast(pa.string())),
    "as_of as a timestamp": column("as_of", lambda c: c.cast(pa.timestamp("s"))),
    "approx as integers": column("approx", lambda c: c.cast(pa.int8())),
    "published as dates": no_moments,
    "precision missing": dropped("precision"),
    "extra missing": dropped("extra"),
    "note repeated": repeated("note"),
    # a column of the file's own that may hold NaN, which no claim's extra may: the exact path
    # checks its cells (the first refused, the second passed)
    "an extra float column": lambda table: table.append_column(
        "x_share", pa.array([float("nan")] * len(table))
    ),
    "an extra list of floats": lambda table: table.append_column(
        "x_points", pa.array([[1.5]] * len(table))
    ),
}

#: the same claims in another shape polars reads as canonical: the gate may take them
BENIGN: dict[str, Callable[[pa.Table], pa.Table]] = {
    "unit as plain text": column("unit", lambda c: c.cast(pa.string())),
    "id as large text": column("id", lambda c: c.cast(pa.large_string())),
    "status with int8 indices": column(
        "status", lambda c: c.cast(pa.dictionary(pa.int8(), pa.string()))
    ),
    "reported_by as a large list": column(
        "reported_by", lambda c: c.cast(pa.large_list(pa.string()))
    ),
    "an extra column": lambda table: table.append_column(
        "x_region", pa.array(["Tartar"] * len(table))
    ),
}


def injected(table: pa.Table, kind: str, row: int) -> pa.Table:
    """The table with one injection of ``kind`` at ``row``."""
    if kind in COLUMNS:
        return COLUMNS[kind](table)
    if kind in BENIGN:
        return BENIGN[kind](table)
    rows = table.to_pylist()
    (BAD | NOT_CANONICAL)[kind](rows, row)
    return pa.Table.from_pylist(rows, schema=NULLABLE)


def some_claims() -> list[Claim]:
    return load_seeds()[:6]


def assert_gate_agrees(items: list[Claim], kind: str, data: Any) -> None:
    """The gate passes the claims with injection ``kind`` (at a drawn row) exactly when valid.

    Whenever it gives a frame, the exact path accepts the file and agrees with it.
    """
    table = claims_to_table(items)
    if kind != "none":
        table = injected(table, kind, data.draw(st.integers(0, len(items) - 1)))
    with tempfile.TemporaryDirectory() as folder:
        path = written(table, folder)
        frame = checked(path)
        if kind in BAD or kind in NOT_CANONICAL or kind in COLUMNS:
            assert frame is None
        else:  # valid claims, in the file's canonical shape or one polars reads alike
            assert frame is not None
        if frame is not None:
            assert_same(path, frame)


# -- tests -----------------------------------------------------------------------------------


class TestCanonicalFiles:
    def test_synthetic(self) -> None:
        """A synthetic table written by write_table passes, and prepares as the exact path's."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(synthetic_table(3_000, seed=4), folder)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)
            assert frame.equals(exact(path))

    def test_seeds(self) -> None:
        """The seeds pass."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(claims_to_table(load_seeds()), folder)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    def test_empty(self) -> None:
        """A file of no claims passes, as an empty frame."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(claims_to_table([]), folder)
            frame = checked(path)
            assert frame is not None and frame.height == 0
            assert_same(path, frame)

    @file_settings
    @given(st.lists(claims(), max_size=6, unique_by=lambda c: c.id))
    def test_any_claims(self, items: list[Claim]) -> None:
        """Any valid claims written by write_table pass, and prepare as the exact path's."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(claims_to_table(items), folder)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    @file_settings
    @given(engine_claim_sets(max_size=20))
    def test_engine_claims(self, items: list[Claim]) -> None:
        """The engine's small worlds pass too."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(claims_to_table(items), folder)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    def test_row_groups(self) -> None:
        """A file of many row groups passes."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(synthetic_table(500, seed=2), folder, row_group_size=64)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    def test_written_in_row_groups(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """``write_table`` writes row groups of at most ``ROW_GROUP_ROWS`` rows, sealed; the
        gate reads them as one chunk a column, as it reads a file of one row group."""
        from claimrecon.columnar import convert

        table = synthetic_table(2_500, seed=5)
        one, many = tmp_path / "one.parquet", tmp_path / "many.parquet"
        write_table(table, one)
        monkeypatch.setattr(convert, "ROW_GROUP_ROWS", 1_000)
        write_table(table, many)
        groups = [pq.ParquetFile(p).metadata.num_row_groups for p in (one, many)]
        assert groups == [1, 3]
        assert is_sealed(many)
        frame = checked(many)
        assert frame is not None and set(frame.n_chunks("all")) == {1}
        assert frame.equals(checked(one))

    @pytest.mark.parametrize("kind", sorted(BENIGN))
    def test_other_shapes_polars_reads_alike(self, kind: str) -> None:
        """Plain-text enumerations, wide text, other index types, an extra column: all pass."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(injected(claims_to_table(some_claims()), kind, 0), folder)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    def test_types(self) -> None:
        """The types the gate accepts include those polars reads from a file of write_table."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(claims_to_table(some_claims()), folder)
            schema = pl.read_parquet_schema(path)
        assert list(schema) == CLAIM_SCHEMA.names
        for name, dtype in schema.items():
            assert dtype in gate_module._TYPES[name], name

    def test_no_pandas(self) -> None:
        """Reading through the gate, sealed or not, never imports pandas (nor pyarrow)."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(synthetic_table(1_000, seed=1), folder)
            script = (
                "import sys\n"
                "from claimrecon.columnar.gate import read_checked_frame\n"
                f"assert read_checked_frame({str(path)!r}, trust_seal=False) is not None\n"
                f"assert read_checked_frame({str(path)!r}) is not None\n"
                "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
                "assert 'pyarrow' not in sys.modules, 'pyarrow was imported'\n"
            )
            subprocess.run([sys.executable, "-c", script], check=True)


class TestOtherFiles:
    @pytest.mark.parametrize("kind", sorted(BAD))
    def test_bad_cell(self, kind: str) -> None:
        """A bad cell: the exact path rejects the file, and the gate leaves it to it."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(injected(claims_to_table(some_claims()), kind, 1), folder)
            assert checked(path) is None
            with pytest.raises(FormatError):
                read_table(path)

    @pytest.mark.parametrize("kind", sorted(NOT_CANONICAL))
    def test_cell_to_fill_in(self, kind: str) -> None:
        """A cell the exact path would fill in or make canonical: left to it."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(injected(claims_to_table(some_claims()), kind, 1), folder)
            assert checked(path) is None

    @pytest.mark.parametrize("kind", sorted(COLUMNS))
    def test_column(self, kind: str) -> None:
        """A column of another type, missing or repeated: left to the exact path."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(injected(claims_to_table(some_claims()), kind, 1), folder)
            assert checked(path) is None

    def test_not_a_parquet_file(self, tmp_path: Path) -> None:
        """A directory, another suffix, a missing or unreadable file: None."""
        write_table(claims_to_table(some_claims()), tmp_path / "claims.feather")
        (tmp_path / "bad.parquet").write_text("id,low\na,3\n", encoding="utf-8")
        (tmp_path / "folder.parquet").mkdir()
        for name in ("claims.feather", "bad.parquet", "folder.parquet", "absent.parquet"):
            assert checked(tmp_path / name) is None

    def test_a_name_that_looks_like_a_pattern(self, tmp_path: Path) -> None:
        """A file is read by its own name, never as a glob or a partitioned dataset."""
        folder = tmp_path / "year=2020"
        folder.mkdir()
        path = folder / "claims[1]*.parquet"
        write_table(claims_to_table(some_claims()), path)
        frame = checked(path)
        assert frame is not None
        assert_same(path, frame)

    @file_settings
    @given(
        st.lists(claims(), min_size=1, max_size=5, unique_by=lambda c: c.id),
        st.sampled_from(["none", *BAD, *NOT_CANONICAL, *COLUMNS, *BENIGN]),
        st.data(),
    )
    def test_never_says_valid_wrongly(self, items: list[Claim], kind: str, data: Any) -> None:
        """Whenever the gate gives a frame, the exact path accepts the file and agrees with it."""
        assert_gate_agrees(items, kind, data)


class TestSlices:
    """The other columns are checked a slice of rows at a time: every slice counts."""

    @pytest.fixture(autouse=True)
    def small_slices(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(gate_module, "OTHER_SLICE_ROWS", 2)

    def test_synthetic(self) -> None:
        """A file of many slices passes, and prepares as the exact path's."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(synthetic_table(301, seed=5), folder, row_group_size=64)
            frame = checked(path)
            assert frame is not None
            assert_same(path, frame)

    @pytest.mark.parametrize("kind", sorted(BAD))
    @pytest.mark.parametrize("row", [0, 3, 5])
    def test_bad_cell_in_any_slice(self, kind: str, row: int) -> None:
        """A bad cell in the first, a middle or the last slice (of one row): left to read_table."""
        with tempfile.TemporaryDirectory() as folder:
            path = written(injected(claims_to_table(some_claims()), kind, row), folder)
            assert checked(path) is None

    @file_settings
    @given(
        st.lists(claims(), min_size=1, max_size=7, unique_by=lambda c: c.id),
        st.sampled_from(["none", *BAD, *NOT_CANONICAL, *COLUMNS, *BENIGN]),
        st.data(),
    )
    def test_never_says_valid_wrongly(self, items: list[Claim], kind: str, data: Any) -> None:
        """Sliced, the gate still passes exactly the valid canonical files."""
        assert_gate_agrees(items, kind, data)


class TestRules:
    def test_blank_and_padded_text_as_str_strip_sees_it(self) -> None:
        """The gate's patterns find blank and padded text by ``str.strip``, at every code point."""
        chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
        spaces = [c for c in chars if c.isspace()]
        texts = ["", *chars, *(c + " " for c in chars), *(s + t for s in spaces for t in spaces)]
        texts += [s + "x" + s for s in spaces] + ["x" + s for s in spaces]
        column = pl.Series(texts, dtype=pl.String)
        not_blank = column.str.contains(gate_module._NOT_BLANK).to_list()
        padded = column.str.contains(gate_module._PADDED).to_list()
        assert not_blank == [bool(text.strip()) for text in texts]
        assert padded == [text != text.strip() for text in texts]

    def test_every_rule_is_named_once(self) -> None:
        """Rules on rows of the engine's columns read only those columns."""
        for rule in gate_module._ENGINE_RULES.values():
            assert set(rule.meta.root_names()) <= set(NEEDED)
        others = {*gate_module._OTHER, "as_of", "rule", "hops"}
        for rule in gate_module._OTHER_RULES.values():
            assert set(rule.meta.root_names()) <= others
