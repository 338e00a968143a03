"""Claims as Arrow, pandas and polars frames: lossless both ways, counts kept as integers."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings

from claimrecon import Claim, ClaimReconError, Figure, FormatError, load_seeds
from claimrecon.frames import (
    MissingDependencyError,
    from_arrow,
    from_pandas,
    from_polars,
    to_arrow,
    to_pandas,
    to_polars,
)
from claimrecon.io.rows import to_row
from tests.strategies import claim_lists


def strict(claims: list[Claim]) -> list[str]:
    """Claims as JSON text: tells ``True`` from ``1`` and a UTC offset from another."""
    return [json.dumps(to_row(c)) for c in claims]


#: each library's round trip runs a third of the profile's examples, so that the three
#: together cost what one does (drawing claims is most of the time)
third = settings(max_examples=max(10, settings.default.max_examples // 3))

OPEN = [Claim(id="a", figure=Figure.at_least(30)), Claim(id="b", figure=Figure.exact(7))]


class TestToArrow:
    def test_schema(self) -> None:
        """An open ``high`` is a null in an int64 column."""
        table = to_arrow(OPEN)
        assert table.column("high").type == pa.int64()
        assert table.column("high").to_pylist() == [None, 7]


class TestFromArrow:
    @third
    @given(claim_lists())
    def test_round_trip(self, claims: list[Claim]) -> None:
        """from_arrow(to_arrow(cs)) == cs."""
        assert strict(from_arrow(to_arrow(claims))) == strict(claims)

    def test_bad_row(self) -> None:
        """A bad row is a FormatError naming the Arrow table."""
        with pytest.raises(FormatError, match="<arrow table>: line 1"):
            from_arrow(pa.table({"id": ["a"], "low": [-1]}))


class TestToPandas:
    def test_open_high_stays_integer(self) -> None:
        """A column with a null ``high`` is an integer column holding <NA>, never float NaN."""
        frame = to_pandas(OPEN)
        assert str(frame["high"].dtype) == "int64[pyarrow]"
        assert frame["high"].isna().tolist() == [True, False]
        assert frame["high"].iloc[1] == 7 and isinstance(frame["high"].iloc[1], int)
        assert not pd.api.types.is_float_dtype(frame["high"].dtype)

    def test_types(self) -> None:
        """Enumerations are ``category``; dates, lists and text are Arrow-backed."""
        frame = to_pandas(load_seeds())
        assert isinstance(frame["unit"].dtype, pd.CategoricalDtype)
        assert str(frame["as_of"].dtype) == "date32[day][pyarrow]"
        assert str(frame["reported_by"].dtype) == "list<item: string>[pyarrow]"

    def test_missing_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas the error says what to install, and is a ClaimReconError."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingDependencyError) as info:
            to_pandas(OPEN)
        assert "pip install 'claimrecon[pandas]'" in str(info.value)
        assert isinstance(info.value, ClaimReconError) and isinstance(info.value, ImportError)


class TestFromPandas:
    @third
    @given(claim_lists())
    def test_round_trip(self, claims: list[Claim]) -> None:
        """from_pandas(to_pandas(cs)) == cs, down to each offset and value type."""
        assert strict(from_pandas(to_pandas(claims))) == strict(claims)

    def test_json_extras(self) -> None:
        """Extra values of any JSON shape (nested, floats, big integers) survive pandas."""
        extra = {"x_tags": ["a", {"b": None}], "x_ratio": 0.25, "x_big": 2**70, "x_no": False}
        claims = [Claim(id="a", figure=Figure.exact(3), extra=extra)]
        assert strict(from_pandas(to_pandas(claims))) == strict(claims)

    def test_plain_frame(self) -> None:
        """A plain frame (float counts with NaN, object dates, Int64) reads as claims."""
        frame = pd.DataFrame(
            {
                "id": ["a", "b"],
                "low": pd.array([30, 5], dtype="Int64"),
                "high": [float("nan"), 9.0],
                "unit": ["people", "tanks"],
                "outcome": ["killed", "destroyed"],
                "as_of": [date(2020, 10, 1), None],
                "reported_by": [["Kompas", "AFP"], []],
            },
            index=[10, 20],
        )
        a, b = from_pandas(frame)
        assert (a.figure.bounds, a.figure.unit, a.outlet) == ((30, None), "person", "Kompas")
        assert (b.figure.bounds, b.figure.unit, b.period.as_of) == ((5, 9), "tank", None)

    def test_bad_rows(self) -> None:
        """Every bad row of a frame is reported at once, by row."""
        frame = pd.DataFrame({"id": ["a", "b", "c"], "low": [1.5, 2.0, -3.0]})
        with pytest.raises(FormatError) as info:
            from_pandas(frame)
        assert [(e.line, e.field) for e in info.value.errors] == [(1, "low"), (3, "low")]


class TestToPolars:
    def test_open_high_stays_integer(self) -> None:
        """A column with a null ``high`` is Int64 holding null, never Float64."""
        frame = to_polars(OPEN)
        assert frame.schema["high"] == pl.Int64
        assert frame["high"].to_list() == [None, 7]

    def test_types(self) -> None:
        """Enumerations are Categorical, dates Date, lists List(String)."""
        frame = to_polars(load_seeds())
        assert frame.schema["unit"] == pl.Categorical
        assert frame.schema["as_of"] == pl.Date
        assert frame.schema["reported_by"] == pl.List(pl.String)

    def test_missing_polars(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without polars the error says what to install."""
        monkeypatch.setitem(sys.modules, "polars", None)
        with pytest.raises(MissingDependencyError, match=r"pip install 'claimrecon\[polars\]'"):
            to_polars(OPEN)


class TestFromPolars:
    @third
    @given(claim_lists())
    def test_round_trip(self, claims: list[Claim]) -> None:
        """from_polars(to_polars(cs)) == cs, down to each offset and value type."""
        assert strict(from_polars(to_polars(claims))) == strict(claims)

    def test_plain_frame(self) -> None:
        """A frame built in polars (String, Categorical, Date, all-null columns) reads."""
        frame = pl.DataFrame(
            {
                "id": ["a", "b"],
                "low": [3, 4],
                "high": [None, None],
                "unit": ["person", "tank"],
                "outcome": ["killed", "destroyed"],
                "as_of": [date(2020, 10, 1), date(2020, 10, 2)],
                "disputed_by": [None, None],
            },
            schema_overrides={"unit": pl.Categorical},
        )
        a, b = from_polars(frame)
        assert (a.figure.bounds, b.figure.unit, b.period.as_of) == (
            (3, None),
            "tank",
            date(2020, 10, 2),
        )


def not_utf8(*cells: bytes) -> pa.Array:
    """A string array holding bytes that are not UTF-8, as a file or a library can hand over."""
    return pa.Array.from_buffers(pa.string(), len(cells), pa.array(cells, pa.binary()).buffers())


class TestRefusedClearly:
    @pytest.mark.parametrize("column", ["note", "claimant", "subject_side", "reported_by", "extra"])
    def test_text_not_utf8(self, column: str) -> None:
        """Text that is not UTF-8 is a FormatError naming the column and the row."""
        table = to_arrow(load_seeds()[:3])
        good = table.column(column).combine_chunks()
        bad: pa.Array = not_utf8(b"a", b"b", b'{"a\xc0\xaf":1}')
        if pa.types.is_list(good.type):
            bad = pa.ListArray.from_arrays(
                pa.array([0, 0, 0, 1], pa.int32()), not_utf8(b"a\xc0\xaf")
            )
        elif pa.types.is_dictionary(good.type):
            bad = bad.dictionary_encode()
        table = table.set_column(table.schema.get_field_index(column), column, bad)
        with pytest.raises(FormatError) as info:
            from_arrow(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(3, column)]
        assert "not UTF-8" in str(info.value)

    def test_text_not_utf8_in_a_file(self, tmp_path: Path) -> None:
        """An Arrow file with such text is refused the same way."""
        import pyarrow.feather as feather

        from claimrecon import read_claims

        table = to_arrow(load_seeds()[:2])
        table = table.set_column(
            table.schema.get_field_index("note"), "note", not_utf8(b"", b"a\xc0\xaf")
        )
        feather.write_feather(table, tmp_path / "c.arrow")
        with pytest.raises(
            FormatError, match=r"line 2, .*field 'note': holds text that is not UTF-8"
        ):
            read_claims(tmp_path / "c.arrow")

    def test_extra_names_a_key_twice(self) -> None:
        """An extra column whose JSON names a key twice is refused, not read last-wins."""
        table = to_arrow(OPEN)
        extra = pa.array(['{"x":1,"x":2}', None], pa.string())
        table = table.set_column(table.schema.get_field_index("extra"), "extra", extra)
        with pytest.raises(FormatError) as info:
            from_arrow(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(1, "extra")]
        assert "'x' is named twice" in str(info.value)

    @pytest.mark.parametrize(
        ("frame", "column"),
        [
            (pd.DataFrame({"id": ["a", "b"], "low": [5, "x"]}), "low"),
            (pd.DataFrame({"id": ["a", "b"], "low": [5, 6], "note": ["x", 5]}), "note"),
            (pd.DataFrame([["a", 2, 3]], columns=["id", "low", "low"]), "low"),
        ],
    )
    def test_pandas_frame_arrow_cannot_hold(self, frame: pd.DataFrame, column: str) -> None:
        """A column of mixed types, or named twice, is a FormatError naming it."""
        with pytest.raises(FormatError) as info:
            from_pandas(frame)
        assert [e.field for e in info.value.errors] == [column]
