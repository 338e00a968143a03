"""The columnar path: the Arrow schema, claims to tables and back, checks, files, synthetic data."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

from claimrecon import Claim, Evidence, Figure, FormatError, Hop, load_seeds
from claimrecon.columnar import (
    CLAIM_SCHEMA,
    EXTRA_COLUMN,
    claims_to_table,
    read_table,
    synthetic_batches,
    synthetic_table,
    table_to_claims,
    validate_table,
    write_table,
)
from claimrecon.columnar import _arrow as arrow_module
from claimrecon.columnar import _checker as checker_module
from claimrecon.columnar import convert as convert_module
from claimrecon.columnar import validate as validate_module
from claimrecon.io.rows import COLUMNS, RowErrors, from_row, to_row
from tests.builders import flat_row
from tests.strategies import arrow_columns, claim_lists, json_extra_claim_lists

#: the file round trip runs half the profile's examples (each example writes a file)
file_settings = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    max_examples=max(10, settings.default.max_examples // 2),
)


def strict(claims: list[Claim]) -> list[str]:
    """Claims as JSON text: tells ``True`` from ``1`` and a UTC offset from another."""
    return [json.dumps(to_row(c), sort_keys=False) for c in claims]


def table_of(rows: list[dict[str, Any]]) -> pa.Table:
    """A table of JSON-native rows, each column's type inferred from all its cells."""
    names = list(dict.fromkeys(k for row in rows for k in row))
    return pa.table({name: [row.get(name) for row in rows] for name in names})


def encoded(table: pa.Table) -> pa.Table:
    """The table with its text columns, and the entries of its list columns, dictionary-encoded."""
    columns: list[pa.ChunkedArray] = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_string(kind):
            column = column.dictionary_encode()
        elif pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
            column = pa.chunked_array(
                pa.ListArray.from_arrays(c.offsets, c.values.dictionary_encode(), mask=c.is_null())
                for c in column.chunks
            )
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


def offset(claim: Claim) -> timedelta | None:
    """The UTC offset of a claim's first hop's publication time."""
    published = claim.chain[0].published
    assert isinstance(published, datetime)
    return published.utcoffset()


def errors_of(table: pa.Table) -> list[tuple[int | None, str | None, str, str | None]]:
    """Every error :func:`validate_table` reports for a table, in its order."""
    with pytest.raises(FormatError) as info:
        validate_table(table)
    return [(e.line, e.field, e.message, e.record) for e in info.value.errors]


#: one bad text, date or list cell a row (the first row is good)
BAD_CELLS = [
    flat_row(**{"id": key, "disputed_by": [], "reported_dates": [], **changes})
    for key, changes in [
        ("a", {}),
        ("b", {"claimant": "  "}),
        ("c", {"published": "yesterday"}),
        ("d", {"reported_by": ["AFP", "Reuters", "AFP"]}),
        ("e", {"reported_by": ["Kompas", None]}),
        ("f", {"reported_dates": ["2020-10-21", "soon"]}),
        ("g", {"location": "\u3000"}),
        ("h", {"disputed_by": ["Turkey"]}),
        ("i", {"reported_by": ["Kompas", "AFP", "Reuters", "AFP"]}),
    ]
]


class TestClaimSchema:
    def test_columns(self) -> None:
        """The schema has every column of the flat row, in order, then ``extra``."""
        assert CLAIM_SCHEMA.names == [*COLUMNS, EXTRA_COLUMN]

    def test_counts_are_integers(self) -> None:
        """Counts and evidence offsets are int64 (nullable), never floats."""
        for name in ("low", "high", "stated", "evidence_start", "evidence_end"):
            assert CLAIM_SCHEMA.field(name).type == pa.int64()
        assert CLAIM_SCHEMA.field("high").nullable and not CLAIM_SCHEMA.field("low").nullable

    def test_units_and_enumerations_are_dictionaries(self) -> None:
        """Units, sides and enumerations are dictionary<int32, string>."""
        for name in ("unit", "rule", "claimant_side", "subject_side", "category", "outcome"):
            assert CLAIM_SCHEMA.field(name).type == pa.dictionary(pa.int32(), pa.string())
        for name in ("kind", "precision", "status"):
            assert CLAIM_SCHEMA.field(name).type == pa.dictionary(pa.int32(), pa.string())

    def test_dates_lists_and_moments(self) -> None:
        """Days are date32, lists list<string>, moments ISO text, ``approx`` a boolean."""
        types = {f.name: f.type for f in CLAIM_SCHEMA}
        assert types["as_of"] == types["period_start"] == pa.date32()
        assert types["reported_by"] == types["reported_dates"] == pa.list_(pa.string())
        assert types["disputed_by"] == pa.list_(pa.string())
        assert types["published"] == types[EXTRA_COLUMN] == pa.string()
        assert types["approx"] == pa.bool_()

    def test_version(self) -> None:
        """The schema carries its layout version in its metadata."""
        assert CLAIM_SCHEMA.metadata == {b"claimrecon.schema": b"1"}


def assert_flat_rows(claims: list[Claim]) -> None:
    """Each row of the claims' table is ``to_row`` of its claim, dates as dates, extras as JSON."""
    table = claims_to_table(claims)
    assert table.schema == CLAIM_SCHEMA
    for claim, row in zip(claims, table.to_pylist(), strict=True):
        expected = to_row(claim)
        for name in ("as_of", "period_start"):
            row[name] = None if row[name] is None else row[name].isoformat()
        extra = json.loads(row.pop(EXTRA_COLUMN) or "{}")
        assert row == {k: expected[k] for k in COLUMNS}
        assert extra == claim.extras


class TestClaimsToTable:
    def test_rows_are_flat_rows(self) -> None:
        """Each row is ``to_row`` of its claim, with dates as dates and extras as JSON."""
        assert_flat_rows(load_seeds())

    @given(claim_lists(max_size=6))
    def test_rows_are_flat_rows_of_any_claims(self, claims: list[Claim]) -> None:
        """So for every claim, and for claims sharing their parts, as claims read from files do."""
        assert_flat_rows(claims)
        shared = [c.evolve(id=f"{c.id}-again") for c in claims]  # the very same parts
        assert_flat_rows(claims + shared)

    def test_one_instant_in_two_time_zones(self) -> None:
        """Equal times of two time zones keep their own offsets, in dates and in hops."""
        utc = datetime(2020, 10, 1, 8, 30, tzinfo=UTC)
        baku = utc.astimezone(timezone(timedelta(hours=4)))
        assert utc == baku
        claims = [
            Claim(id=f"c{i}", figure=Figure.exact(3), published=moment, chain=(Hop("AFP", moment),))
            for i, moment in enumerate([utc, baku, utc])
        ]
        table = claims_to_table(claims)
        texts = [utc.isoformat(), baku.isoformat(), utc.isoformat()]
        assert table.column("published").to_pylist() == texts
        assert table.column("reported_dates").to_pylist() == [[t] for t in texts]
        assert_flat_rows(claims)

    def test_open_high_is_null(self) -> None:
        """An open upper bound is a null in an int64 column."""
        claim = Claim(id="a", figure=Figure.at_least(30))
        column = claims_to_table([claim]).column("high")
        assert column.type == pa.int64() and column.to_pylist() == [None]

    def test_empty(self) -> None:
        """No claims make an empty table of the schema."""
        table = claims_to_table([])
        assert table.num_rows == 0 and table.schema == CLAIM_SCHEMA

    def test_number_beyond_64_bits(self) -> None:
        """A number beyond int64 (here an evidence span's) is reported with its row and field."""
        far = Evidence(document="doc", start=2**64, end=2**64 + 5)
        claims = [
            Claim(id="a", figure=Figure.exact(3)),
            Claim(id="b", figure=Figure.exact(3), evidence=far),
        ]
        with pytest.raises(FormatError) as info:
            claims_to_table(claims)
        assert [(e.line, e.field, e.record) for e in info.value.errors] == [
            (2, "evidence_start", "b"),
            (2, "evidence_end", "b"),
        ]

    def test_extra_not_json(self) -> None:
        """An extra value JSON cannot hold is reported, not turned into text."""
        claim = Claim(id="a", figure=Figure.exact(3), extra={"x_day": date(2020, 10, 1)})
        with pytest.raises(FormatError) as info:
            claims_to_table([claim])
        (err,) = info.value.errors
        assert (err.line, err.field, err.record) == (1, EXTRA_COLUMN, "a")


class TestExtraColumn:
    def test_every_bad_extra_reported(self, tmp_path: Path) -> None:
        """Text that is not a JSON object is reported by row, field and id, on every path.

        ``flag`` on the file says it too, though no check reads ``extra``: a file
        is valid or not whichever reader takes it.
        """
        from claimrecon import flag

        claims = [Claim(id=f"c{i}", figure=Figure.exact(3)) for i in range(4)]
        table = claims_to_table(claims)
        texts = [None, "{x_region: Tartar}", '["Tartar"]', '{"x_region": "Tartar"}']
        table = table.set_column(
            table.schema.get_field_index(EXTRA_COLUMN), EXTRA_COLUMN, pa.array(texts, pa.string())
        )
        with pytest.raises(FormatError) as info:
            validate_table(table)
        found = [(e.line, e.field, e.record, e.message) for e in info.value.errors]
        assert [f[:3] for f in found] == [(2, EXTRA_COLUMN, "c1"), (3, EXTRA_COLUMN, "c2")]
        assert "must be a JSON object (Expecting property name" in found[0][3]
        assert "must be a JSON object" in found[1][3]
        pq.write_table(table, tmp_path / "c.parquet")
        for read in (read_table, flag):
            with pytest.raises(FormatError) as info:
                read(tmp_path / "c.parquet")
            assert [e.line for e in info.value.errors] == [2, 3]


class TestTableToClaims:
    @given(claim_lists())
    def test_round_trip(self, claims: list[Claim]) -> None:
        """table_to_claims(claims_to_table(cs)) == cs, down to each UTC offset and value type."""
        back = table_to_claims(claims_to_table(claims))
        assert back == claims
        assert strict(back) == strict(claims)

    @settings(max_examples=max(10, settings.default.max_examples // 2))
    @given(json_extra_claim_lists())
    def test_json_extras_round_trip(self, claims: list[Claim]) -> None:
        """Extra values of any JSON shape come back equal, in order, with their types."""
        back = table_to_claims(claims_to_table(claims))
        assert [c.extra for c in back] == [c.extra for c in claims]
        assert strict(back) == strict(claims)

    @given(arrow_columns())
    def test_column_values_as_arrow_gives_them(self, column: pa.ChunkedArray) -> None:
        """Names and dates read through their distinct values are what Arrow gives, cell by cell."""
        values = convert_module._python_values(column)
        assert values == column.to_pylist()
        assert [type(v) for v in values] == [type(v) for v in column.to_pylist()]

    def test_hops_of_one_instant_in_two_time_zones(self) -> None:
        """Parts are shared between claims only when alike: equal instants keep their offsets."""
        moment = datetime(2020, 10, 5, 15, 0, tzinfo=timezone(timedelta(hours=4)))
        same_instant = moment.astimezone(UTC)
        claims = [
            Claim(f"c{i}", Figure.exact(5), chain=(Hop("Reuters", when),))
            for i, when in enumerate([moment, same_instant, moment])
        ]
        back = table_to_claims(claims_to_table(claims))
        assert back == claims
        assert [offset(c) for c in back] == [timedelta(hours=4), timedelta(0), timedelta(hours=4)]
        assert back[0].chain[0] is back[2].chain[0]  # alike, so made once and shared

    def test_seeds(self) -> None:
        """The seeds dataset survives the round trip."""
        claims = load_seeds()
        assert table_to_claims(claims_to_table(claims)) == claims

    def test_other_columns_become_extras(self) -> None:
        """Columns outside the flat row are each claim's extras, after the ``extra`` JSON."""
        table = claims_to_table([Claim(id="a", figure=Figure.exact(3), extra={"x_a": [1]})])
        table = table.append_column("x_region", pa.array(["Tartar"]))
        table = table.append_column("x_day", pa.array([date(2020, 10, 1)]))
        (claim,) = table_to_claims(table)
        assert claim.extra == (("x_a", [1]), ("x_region", "Tartar"), ("x_day", "2020-10-01"))

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"low": -3}, "low"),
            ({"low": None}, "low"),
            ({"low": 10, "high": 5}, "high"),
            ({"high": -1}, "high"),
            ({"outcome": "vanished"}, "outcome"),
            ({"unit": "furlong"}, "unit"),
            ({"unit": "day"}, "unit"),
            ({"unit": "tank"}, "outcome"),
            ({"outcome": "destroyed"}, "outcome"),
            ({"as_of": "2020-10-22"}, "as_of"),
            ({"as_of": "2020-13-45"}, "as_of"),
            ({"period_start": "2020-10-25"}, "period_start"),
            ({"published": "yesterday"}, "published"),
            ({"reported_dates": ["2020-10-21"]}, "reported_dates"),
            ({"reported_dates": ["2020-10-21", "soon"]}, "reported_dates"),
            ({"reported_by": ["Reuters", "Reuters"]}, "reported_by"),
            ({"reported_by": ["Kompas", "AFP", "Kompas"]}, "reported_by"),
            ({"reported_by": ["Reuters > AFP"]}, "reported_by"),
            ({"reported_by": ["  "]}, "reported_by"),
            ({"reported_by": ["Kompas", None]}, "reported_by"),
            ({"approx": True}, "approx"),
            ({"rule": "roughly"}, "rule"),
            ({"rule": "exact", "high": 70}, "high"),
            ({"rule": "at_least"}, "high"),
            ({"rule": "between", "high": None}, "high"),
            ({"rule": "at_most", "low": 3, "high": 9}, "low"),
            ({"stated": 5}, "stated"),
            ({"category": "combatant"}, "category"),
            ({"kind": "running"}, "kind"),
            ({"precision": "hour"}, "precision"),
            ({"status": "rumoured"}, "status"),
            ({"status": "disputed"}, "disputed_by"),
            ({"disputed_by": ["Turkey"]}, "disputed_by"),
            ({"status": "disputed", "disputed_by": ["A; B"]}, "disputed_by"),
            ({"claimant_side": "Armenia"}, "claimant_side"),
            ({"claimant_side": "all"}, "claimant_side"),
            ({"subject_side": "Azerbaijan!"}, "subject_side"),
            ({"claimant": "   "}, "claimant"),
            ({"location": ""}, "location"),
            ({"qualifier": " "}, "qualifier"),
            ({"url": "\u3000"}, "url"),
            ({"evidence_start": 5}, "evidence_end"),
            ({"evidence_start": 5, "evidence_end": 3}, "evidence_end"),
            ({"evidence_start": -1, "evidence_end": 3}, "evidence_start"),
            ({"evidence_start": 0, "evidence_end": 3, "evidence": "ab"}, "evidence"),
            ({"evidence": ""}, "evidence"),
        ],
    )
    def test_bad_field(self, changes: dict[str, Any], field: str) -> None:
        """Each bad cell is reported with its line, claim and field, as ``from_row`` reports it."""
        with pytest.raises(RowErrors) as model:
            from_row(flat_row(**changes))
        assert field in {e.field for e in model.value.errors}
        table = table_of([flat_row(id="ok"), flat_row(**changes)])
        with pytest.raises(FormatError) as info:
            table_to_claims(table, source="claims.parquet")
        assert {(e.line, e.field, e.record) for e in info.value.errors} == {(2, field, "k-1")}
        assert f"claims.parquet: line 2, claim 'k-1', field '{field}'" in str(info.value)

    @pytest.mark.parametrize("bad_id", [" k-1", "k-1 ", "", "\x1ck", "k\u2028"])
    def test_bad_id(self, bad_id: str) -> None:
        """An empty id, or one with surrounding white space (as ``str.strip`` sees it), is bad."""
        with pytest.raises(FormatError) as info:
            table_to_claims(table_of([flat_row(id="ok"), flat_row(id=bad_id)]))
        assert [(e.line, e.field) for e in info.value.errors] == [(2, "id")]

    def test_repeated_id(self) -> None:
        """A repeated id is reported on each later row, naming the first."""
        table = table_of([flat_row(), flat_row(id="x"), flat_row(), flat_row()])
        with pytest.raises(FormatError) as info:
            table_to_claims(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(3, "id"), (4, "id")]
        assert "repeats the id of line 1" in info.value.errors[0].message

    @pytest.mark.parametrize("slice_rows", [2, 1_000_000])
    def test_repeated_ids_across_slices(
        self, monkeypatch: pytest.MonkeyPatch, slice_rows: int
    ) -> None:
        """Ids repeated in other slices of a large table are found as in one slice."""
        monkeypatch.setattr(validate_module, "SLICE_ROWS", slice_rows)
        ids = ["a", "b", "a", "c", "b", "a", None]
        table = table_of([flat_row(id=key) for key in ids])
        with pytest.raises(FormatError) as info:
            table_to_claims(table)
        found = [(e.line, e.field, e.message) for e in info.value.errors]
        assert found == [
            (3, "id", "repeats the id of line 1: 'a'"),
            (5, "id", "repeats the id of line 2: 'b'"),
            (6, "id", "repeats the id of line 1: 'a'"),
            (7, "id", "is required: None"),
        ]

    def test_every_bad_row_at_once(self) -> None:
        """Every bad row of a table is listed in one error, in row order."""
        rows = [
            flat_row(id="a", unit="furlong"),
            flat_row(id="b"),
            flat_row(id="c", low=-1),
            flat_row(id="d", category="combatant", as_of="2020-13-01"),
        ]
        with pytest.raises(FormatError) as info:
            table_to_claims(table_of(rows))
        found = [(e.line, e.field) for e in info.value.errors]
        assert found == [(1, "unit"), (3, "low"), (4, "as_of"), (4, "category")]

    def test_bad_extra_json(self) -> None:
        """An ``extra`` cell that is not a JSON object is reported with its row."""
        table = table_of([flat_row(extra='{"x": 1}'), flat_row(id="b", extra="[1, 2]")])
        with pytest.raises(FormatError) as info:
            table_to_claims(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(2, EXTRA_COLUMN)]

    @pytest.mark.parametrize(
        ("column", "values", "message"),
        [
            ("low", ["sixty"], "must be an integer column"),
            ("approx", [1], "must be a boolean column"),
            ("reported_by", ["Reuters"], "must be a list<string> column"),
            ("as_of", [1.5], "must be a date32 column or ISO-8601 text"),
            ("claimant", [3], "must be a text column"),
            ("unit", [3], "must be a text or dictionary column"),
        ],
    )
    def test_bad_column_type(self, column: str, values: list[Any], message: str) -> None:
        """A column of the wrong type is reported once, as a column, without a line."""
        table = table_of([flat_row(**{column: values[0]})])
        with pytest.raises(FormatError) as info:
            table_to_claims(table)
        (err,) = info.value.errors
        assert (err.line, err.field) == (None, column) and message in err.message

    def test_missing_required_column(self) -> None:
        """A table without ``low`` is reported as such."""
        with pytest.raises(FormatError) as info:
            table_to_claims(pa.table({"id": ["a"]}))
        assert [(e.line, e.field) for e in info.value.errors] == [(None, "low")]


class TestValidateTable:
    def test_defaults(self) -> None:
        """A minimal table gets the flat row's defaults, canonical units and an inferred rule."""
        table = validate_table(
            pa.table({"id": ["a", "b", "c"], "low": [3, 4, 5], "high": [3, None, 9]})
        )
        assert table.schema == CLAIM_SCHEMA
        row = table.to_pylist()[1]
        assert (row["unit"], row["rule"], row["stated"], row["subject_side"]) == (
            "person",
            "at_least",
            4,
            "unknown",
        )
        assert table.column("rule").to_pylist() == ["exact", "at_least", "between"]
        assert (row["category"], row["outcome"], row["kind"], row["status"]) == (
            "unspecified",
            "killed",
            "cumulative",
            "reported",
        )
        assert table.column("reported_by").to_pylist() == [[], [], []]

    @pytest.mark.parametrize(
        "table",
        [
            claims_to_table([]),
            pa.table({"id": pa.array([], pa.string()), "low": pa.array([], pa.int64())}),
            pa.Table.from_batches([], claims_to_table([]).schema),  # columns of no chunks
        ],
        ids=["canonical", "minimal", "no chunks"],
    )
    def test_no_rows(self, table: pa.Table) -> None:
        """A table of no rows is valid and comes back empty in the schema (pyarrow before 26
        crashed the interpreter on finding the rows of an empty mask)."""
        checked = validate_table(table)
        assert checked.num_rows == 0 and checked.schema == CLAIM_SCHEMA

    def test_units_made_canonical(self) -> None:
        """Unit names become the registry's own: ``people`` is ``person``, ``tanks`` ``tank``."""
        table = validate_table(
            pa.table(
                {
                    "id": ["a", "b", "c"],
                    "low": [1, 2, 3],
                    "unit": ["people", "tanks", None],
                    "outcome": ["killed", "destroyed", None],
                }
            )
        )
        assert table.column("unit").to_pylist() == ["person", "tank", "person"]

    def test_dictionaries_in_order_of_first_use(self) -> None:
        """A side or unit column's dictionary lists its values in the order rows first use them."""
        sides = pa.DictionaryArray.from_arrays(pa.array([1, 0, 1]), ["armenia", "azerbaijan"])
        table = validate_table(
            pa.table({"id": ["a", "b", "c"], "low": [1, 2, 3], "subject_side": sides})
        )
        found = table.column("subject_side").chunk(0).dictionary.to_pylist()
        assert found == ["azerbaijan", "armenia", "unknown"]

    def test_units_checked_once_per_distinct_value(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """3,000 rows of three unit names cost three unit lookups, not 3,000."""
        calls: list[str] = []
        original = checker_module.canonical_unit

        def counting(name: str) -> str:
            calls.append(name)
            return original(name)

        monkeypatch.setattr(checker_module, "canonical_unit", counting)
        n = 3_000
        table = pa.table(
            {
                "id": [f"c{i}" for i in range(n)],
                "low": [1] * n,
                "unit": ["person", "people", "tank"] * (n // 3),
                "outcome": ["killed", "killed", "destroyed"] * (n // 3),
            }
        )
        validate_table(table)
        assert sorted(calls) == ["people", "person", "tank"]

    def test_pandas_and_polars_shapes(self) -> None:
        """Wide strings, categoricals, unsigned and whole float counts, midnight timestamps read."""
        table = pa.table(
            {
                "id": pa.array(["a", "b"], pa.large_string()),
                "low": pa.array([3, 4], pa.uint16()),
                "high": pa.array([3.0, None], pa.float64()),
                "unit": pa.array(["person", "tank"])
                .dictionary_encode()
                .cast(pa.dictionary(pa.uint32(), pa.large_string())),
                "outcome": pa.array(["killed", "destroyed"], pa.string_view()),
                "as_of": pa.array([datetime(2020, 10, 1), None], pa.timestamp("ns")),
                "reported_by": pa.array([["Reuters"], None], pa.large_list(pa.large_string())),
                "note": pa.nulls(2),
            }
        )
        (a, b) = table_to_claims(table)
        assert (a.figure.bounds, b.figure.bounds) == ((3, 3), (4, None))
        assert (a.period.as_of, b.figure.unit) == (date(2020, 10, 1), "tank")
        assert (a.outlet, b.chain) == ("Reuters", ())

    @pytest.mark.parametrize(
        ("column", "values", "message"),
        [
            ("high", pa.array([3.0, 3.5]), "must be a whole number"),
            ("high", pa.array([3.0, float("inf")]), "must be a whole number"),
            ("low", pa.array([3, 2**63], pa.uint64()), "must fit a 64-bit integer"),
            (
                "as_of",
                pa.array([datetime(2020, 10, 1), datetime(2020, 10, 1, 12)], pa.timestamp("s")),
                "must be a date (not a datetime)",
            ),
        ],
    )
    def test_bad_cell_of_a_typed_column(self, column: str, values: pa.Array, message: str) -> None:
        """A float with a fraction, a count past int64 or a timestamp past midnight is bad."""
        table = pa.table({"id": ["a", "b"], "low": [3, 3], "high": [3, None]})
        table = table.drop_columns([c for c in (column,) if c in table.column_names])
        table = table.append_column(column, values)
        with pytest.raises(FormatError) as info:
            validate_table(table)
        errors = [(e.line, e.field) for e in info.value.errors]
        assert errors[0] == (2, column) and message in info.value.errors[0].message

    def test_blank_is_what_str_strip_leaves_empty(self) -> None:
        """Blank text is found by the model's rule, ``not value.strip()``, at every code point."""
        chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
        spaces = [c for c in chars if c.isspace()]
        texts = ["", *chars, *(c + " " for c in chars), *(s + t for s in spaces for t in spaces)]
        texts += [s + "x" + s for s in spaces]
        found = arrow_module.is_blank(pa.array(texts)).to_pylist()
        assert found == [not text.strip() for text in texts]

    def test_dictionary_encoded_columns(self) -> None:
        """Text and list columns held as dictionaries are checked as plain text is."""
        table = table_of(BAD_CELLS)
        found = errors_of(encoded(table))
        assert found == errors_of(table)
        assert [(line, field) for line, field, _, _ in found] == [
            (2, "claimant"),
            (3, "published"),
            (4, "reported_by"),
            (5, "reported_by"),
            (6, "reported_dates"),
            (7, "location"),
            (8, "disputed_by"),
            (9, "reported_by"),
        ]
        good = table_of([flat_row(id="a"), flat_row(id="b", claimant="Reuters", qualifier="some")])
        assert validate_table(encoded(good)) == validate_table(good)
        assert validate_table(encoded(good)).schema == CLAIM_SCHEMA

    def test_dictionary_with_repeated_or_null_entries(self) -> None:
        """A hop is compared by its name, even when a dictionary holds one name twice or a null."""
        names = pa.array(["AFP", "AFP", None, "Reuters"])
        hops = pa.DictionaryArray.from_arrays(pa.array([0, 1, 0, 2, 3], pa.int32()), names)
        chains = pa.ListArray.from_arrays(pa.array([0, 2, 4, 5], pa.int32()), hops)
        table = pa.table({"id": ["a", "b", "c"], "low": [1, 1, 1], "reported_by": chains})
        found = [(line, field, message) for line, field, message, _ in errors_of(table)]
        assert found == [
            (1, "reported_by", "must not cite itself (a hop appears twice): 'AFP > AFP'"),
            (2, "reported_by", "must name every hop: None"),
        ]

    def test_duplicate_column(self) -> None:
        """A column that appears twice is reported."""
        table = pa.Table.from_arrays([pa.array(["a"]), pa.array([1]), pa.array([2])],
                                     names=["id", "low", "low"])  # fmt: skip
        with pytest.raises(FormatError) as info:
            validate_table(table)
        assert [(e.line, e.field) for e in info.value.errors] == [(None, "low")]


class TestWriteTable:
    @pytest.mark.parametrize("suffix", [".parquet", ".pq", ".arrow", ".feather"])
    def test_round_trip(self, tmp_path: Path, suffix: str) -> None:
        """Claims written as Parquet or Arrow IPC read back equal, in the schema."""
        claims = load_seeds()
        path = tmp_path / f"claims{suffix}"
        write_table(claims_to_table(claims), path)
        table = read_table(path)
        assert table.schema == CLAIM_SCHEMA
        assert table_to_claims(table) == claims

    @file_settings
    @given(claim_lists(max_size=4))
    def test_property_round_trip(self, tmp_path: Path, claims: list[Claim]) -> None:
        """Any claims survive a Parquet file unchanged."""
        path = tmp_path / "claims.parquet"
        write_table(claims_to_table(claims), path)
        assert strict(table_to_claims(read_table(path))) == strict(claims)

    def test_atomic(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A write that fails halfway leaves the old file as it was and no temporary file."""
        path = tmp_path / "claims.parquet"
        write_table(claims_to_table(load_seeds()), path)
        before = path.read_bytes()

        def crash(writer: pq.ParquetWriter, table: pa.Table, **kwargs: Any) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(pq.ParquetWriter, "write_table", crash)
        with pytest.raises(OSError, match="disk full"):
            write_table(claims_to_table(load_seeds()[:3]), path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["claims.parquet"]

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """A suffix that is neither Parquet nor Arrow IPC is refused."""
        with pytest.raises(FormatError, match="unknown file suffix"):
            write_table(claims_to_table([]), tmp_path / "claims.xlsx")


class TestReadTable:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a FormatError naming it."""
        with pytest.raises(FormatError, match="cannot open"):
            read_table(tmp_path / "absent.parquet")

    def test_not_parquet(self, tmp_path: Path) -> None:
        """A file that is not Parquet is a FormatError, not an Arrow error."""
        path = tmp_path / "claims.parquet"
        path.write_text("id,low\na,3\n", encoding="utf-8")
        with pytest.raises(FormatError, match="not a readable parquet file"):
            read_table(path)

    def test_bad_rows_name_the_file(self, tmp_path: Path) -> None:
        """Bad rows of a file are reported with the file's path."""
        path = tmp_path / "claims.parquet"
        write_table(table_of([flat_row(), flat_row(id="b", unit="furlong")]), path)
        with pytest.raises(FormatError) as info:
            read_table(path)
        assert info.value.path == str(path)
        assert [(e.line, e.field) for e in info.value.errors] == [(2, "unit")]

    def test_read_and_checked_a_slice_at_a_time(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file of many row groups is checked a few groups at a time, with the file's lines."""
        rows = [flat_row(id=f"r{i}", disputed_by=[], reported_dates=[]) for i in range(10)]
        rows[3]["claimant"] = " "
        rows[7]["reported_by"] = ["AFP", "AFP"]
        rows[8]["id"] = "r1"
        path = tmp_path / "claims.parquet"
        pq.write_table(table_of(rows), path, row_group_size=2)
        monkeypatch.setattr(convert_module, "SLICE_ROWS", 3)
        checked: list[int] = []
        original = checker_module.Checker.run

        def spy(self: Any) -> Any:
            checked.append(self.n)
            return original(self)

        monkeypatch.setattr(checker_module.Checker, "run", spy)
        with pytest.raises(FormatError) as info:
            read_table(path)
        assert checked == [4, 4, 2]  # two row groups of two rows at a time
        found = [(e.line, e.field, e.message, e.record) for e in info.value.errors]
        assert found == errors_of(table_of(rows))
        assert [(line, field) for line, field, _, _ in found] == [
            (4, "claimant"),
            (8, "reported_by"),
            (9, "id"),
        ]
        good = table_of([flat_row(id=f"r{i}") for i in range(5)])
        pq.write_table(good, path, row_group_size=1)
        table = read_table(path)
        assert table.schema == CLAIM_SCHEMA
        assert table == validate_table(good)

    def test_unchecked(self, tmp_path: Path) -> None:
        """``validate=False`` returns the file's table as it is."""
        path = tmp_path / "t.parquet"
        write_table(pa.table({"x": [1]}), path)
        assert read_table(path, validate=False).column_names == ["x"]

    def test_text_read_as_dictionaries(self, tmp_path: Path) -> None:
        """A Parquet file's text is checked as the same table in memory is, and returned as text."""
        path = tmp_path / "claims.parquet"
        write_table(table_of(BAD_CELLS), path)
        with pytest.raises(FormatError) as info:
            read_table(path)
        found = [(e.line, e.field, e.message, e.record) for e in info.value.errors]
        assert found == errors_of(table_of(BAD_CELLS))
        good = table_of([flat_row(id="a"), flat_row(id="b", claimant=None, reported_by=[])])
        write_table(good, path)
        table = read_table(path)
        assert table.schema == CLAIM_SCHEMA
        assert table == validate_table(good)
        assert read_table(path, validate=False).schema.field("published").type == pa.string()


class TestSyntheticTable:
    def test_every_row_is_a_claim(self) -> None:
        """Every synthetic row is a valid claim."""
        table = synthetic_table(1_000, seed=7)
        assert table.schema == CLAIM_SCHEMA
        assert len(table_to_claims(table)) == 1_000

    def test_deterministic(self) -> None:
        """The same size and seed give the same table; another seed another."""
        assert synthetic_table(500, seed=3).equals(synthetic_table(500, seed=3))
        assert not synthetic_table(500, seed=3).equals(synthetic_table(500, seed=4))

    @pytest.mark.parametrize("n", [0, 1, 999, 2_500])
    def test_size(self, n: int) -> None:
        """Exactly ``n`` rows with unique ids, across batches too."""
        table = synthetic_table(n, seed=1, batch_rows=1_000)
        ids = table.column("id").to_pylist()
        assert len(ids) == len(set(ids)) == n

    def test_batches_are_valid(self) -> None:
        """Batches join into one valid table."""
        batches = list(synthetic_batches(2_500, seed=2, batch_rows=1_000))
        assert [b.num_rows for b in batches] == [1_000, 1_000, 500]
        validate_table(pa.concat_tables(batches))

    def test_realistic_mix(self) -> None:
        """Intervals, open and approximate figures, equipment, undated rows and echoes all occur."""
        claims = table_to_claims(synthetic_table(5_000, seed=5))
        rules = Counter(c.figure.rule.value for c in claims)
        assert 0.1 < 1 - rules["exact"] / len(claims) < 0.3
        assert {"between", "at_least", "more_than", "about", "magnitude"} <= set(rules)
        assert any(c.figure.is_open for c in claims)
        assert {"tank", "aircraft", "drone"} <= {c.figure.unit for c in claims}
        assert 0 < sum(not c.is_dated for c in claims) < 0.05 * len(claims)
        echoes = Counter(
            (c.claimant, c.subject, c.period.as_of, c.figure) for c in claims if c.is_dated
        )
        assert max(echoes.values()) >= 3
        assert len({c.claimant for c in claims}) > 20
        assert sum(c.status.value == "disputed" for c in claims) > 0

    def test_true_counts_add_up(self) -> None:
        """No true count is below a part of it, nor below its military and civilian together."""
        import numpy as np

        from claimrecon.columnar.synthetic import _subjects, _World

        truth = _World(np, 5).truth
        index = {subject: i for i, subject in enumerate(zip(*_subjects(), strict=True))}
        assert (np.diff(truth, axis=1) >= 0).all()
        for (side, category, outcome, place, unit), i in index.items():
            if place is not None:
                assert (truth[i] <= truth[index[side, category, outcome, None, unit]]).all()
            if category == "unspecified":
                military = truth[index[side, "military", outcome, place, unit]]
                civilian = truth[index[side, "civilian", outcome, place, unit]]
                assert (military + civilian <= truth[i]).all()

    def test_series_mostly_grow(self) -> None:
        """Cumulative series mostly grow; a few go backwards."""
        table = synthetic_table(20_000, seed=11)
        series: dict[tuple[Any, ...], dict[date, int]] = {}
        for row in table.to_pylist():
            if row["rule"] == "exact" and row["as_of"] is not None:
                key = (row["claimant"], row["subject_side"], row["category"], row["outcome"])
                key += (row["location"], row["unit"], row["period_start"])
                series.setdefault(key, {})[row["as_of"]] = row["low"]
        backwards = 0
        for days in series.values():
            values = [days[d] for d in sorted(days)]
            backwards += any(b < a for a, b in pairwise(values))
        assert 0 < backwards < 0.15 * len(series)
