"""The columnar twin of :func:`claimrecon.attribution.annotate`: sources, sides and stances.

:func:`prepare` turns a claims table (Arrow or polars, the flat row of
:mod:`claimrecon.columnar.schema`) into a polars frame with one row per claim
and the columns the engine works on.  Everything that depends on a name (the
canonical source, the side the registry gives it) is looked up once per
distinct name, and units once per distinct unit, never once per claim.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import polars as pl

from claimrecon._gc import no_gc
from claimrecon.attribution import source_names
from claimrecon.claim import (
    ALL_SIDES,
    THIRD_PARTY,
    UNKNOWN,
    Category,
    Claim,
    Kind,
    Outcome,
)
from claimrecon.errors import FormatError, InvalidClaimError, RecordError
from claimrecon.figure import Rule
from claimrecon.sides import SideRegistry
from claimrecon.units import canonical_unit

__all__ = [
    "CONSTANTS",
    "ECHO_COLUMNS",
    "KEY",
    "NAME_COLUMNS",
    "ORDER_COLUMNS",
    "ORIGINAL_COLUMNS",
    "claims_frame",
    "names_of",
    "original_columns",
    "prepare",
    "prepare_columns",
    "to_frame",
    "with_original",
]

#: what is counted: unit, side, category, outcome
KEY = ["unit", "side", "category", "outcome"]
#: what makes two claims echoes of one statement (see Annotated.echo_key)
ECHO_COLUMNS = [
    "source",
    "source_side",
    *KEY,
    "location",
    "kind",
    "start",
    "as_of",
    "low",
    "high",
    "rule",
    "stated",
]
#: the total order of Annotated.order_key: sort by these, nulls last ("rid" ranks the ids)
ORDER_COLUMNS = [*ECHO_COLUMNS, "qualifier_text", "rid"]
#: the columns that hold names, coded as one sorted :class:`polars.Enum`
NAME_COLUMNS = [
    "unit",
    "side",
    "category",
    "outcome",
    "location",
    "kind",
    "rule",
    "source",
    "source_side",
    "stance",
    "qualifier",
    "qualifier_text",
]
#: names the engine writes itself, so that comparing a column with one never misses
CONSTANTS = (
    "",
    "\x00",
    ALL_SIDES,
    THIRD_PARTY,
    UNKNOWN,
    *Category,
    *Outcome,
    *Kind,
    *Rule,
    "own",
    "enemy",
    "third_party",
    "unknown",
    "mixed",
)

#: the columns of the flat row the engine reads; the others are never converted
NEEDED = (
    "id",
    "claimant",
    "claimant_side",
    "reported_by",
    "subject_side",
    "category",
    "outcome",
    "unit",
    "low",
    "high",
    "rule",
    "stated",
    "qualifier",
    "as_of",
    "period_start",
    "kind",
    "location",
    "status",
    "disputed_by",
)


#: the polars types of the engine columns built from claim objects
_ENGINE_TYPES: dict[str, pl.DataType] = {
    **{c: pl.String() for c in NEEDED},
    "disputed_by": pl.List(pl.String()),
    "low": pl.Int64(),
    "high": pl.Int64(),
    "stated": pl.Int64(),
    "as_of": pl.Date(),
    "period_start": pl.Date(),
}


def to_frame(data: Any) -> pl.DataFrame:
    """A polars frame of the claim rows' engine columns from an Arrow table or a frame."""
    if isinstance(data, pl.DataFrame):
        return data.select([c for c in NEEDED if c in data.columns])
    pa = sys.modules.get("pyarrow")  # an Arrow table means pyarrow is loaded already
    if pa is not None and isinstance(data, pa.Table):
        table = data.select([c for c in NEEDED if c in data.column_names])
        return pl.from_arrow(table)  # type: ignore[return-value]
    return to_frame(pl.from_pandas(data))


def claims_frame(claims: Sequence[Claim]) -> pl.DataFrame:
    """The engine columns of claim objects as a polars frame, without a full Arrow table.

    Claims are valid by construction (a count is at most
    :data:`~claimrecon.claim.MAX_COUNT`), so nothing is checked.  Gives the
    frame :func:`with_original` gives of ``to_frame(claims_to_table(claims))``:
    each claim's :attr:`~claimrecon.claim.Claim.original_source` is read off
    the object, so its chain never becomes a list column (at 100,000 claims,
    about a quarter of the time).
    """
    with no_gc():  # long lists of values and no cycles: collecting would only slow it
        columns = _claim_columns(claims)
        disputers = _disputers(claims)
    return pl.DataFrame(
        [
            *(
                _text_lists(name, *disputers, len(claims))
                if name == "disputed_by"
                else pl.Series(name, columns[name], dtype=pl.Int32, strict=True).cast(pl.Date)
                if name in ("as_of", "period_start")
                else pl.Series(name, columns[name], dtype=_ENGINE_TYPES[name], strict=True)
                for name in NEEDED
                if name not in ("claimant", "reported_by")
            ),
            pl.Series("original", columns["original"], dtype=pl.String, strict=True),
        ]
    )


def _disputers(claims: Sequence[Claim]) -> tuple[list[int], list[str]]:
    """Who disputes each claim, flat, and beside each name its claim's row: no list per claim."""
    disputers = [claim.disputed_by for claim in claims]
    return (
        [row for row, names in enumerate(disputers) for _ in names],
        [name for names in disputers for name in names],
    )


def _text_lists(name: str, rows: list[int], items: list[str], height: int) -> pl.Series:
    """A ``List(String)`` column of ``height`` rows from its items and each item's row.

    polars builds a list column from nested Python lists about twenty times
    slower than it groups a flat column, so the items go in flat, each beside
    its row, and the rows with none get an empty list.
    """
    flat = pl.DataFrame([pl.Series("row", rows, pl.UInt32), pl.Series(name, items, pl.String)])
    grouped = flat.group_by("row").agg(pl.col(name))
    every = pl.DataFrame([pl.int_range(height, dtype=pl.UInt32, eager=True).alias("row")])
    return (
        every.join(grouped, on="row", how="left", maintain_order="left")
        .get_column(name)
        .fill_null(pl.lit([], dtype=pl.List(pl.String())))
    )


#: 1970-01-01 as a proleptic Gregorian ordinal: a date's polars value is its ordinal minus this
_EPOCH = date(1970, 1, 1).toordinal()


def _claim_columns(claims: Sequence[Claim]) -> dict[str, list[Any]]:
    # the enumerations are StrEnums: polars reads each member as its text, no .value needed;
    # each part of a claim is looked up once, not once per column of it
    subjects = [c.subject for c in claims]
    figures = [c.figure for c in claims]
    periods = [c.period for c in claims]
    return {
        "id": [c.id for c in claims],
        "original": [c.original_source for c in claims],  # see with_original
        "claimant_side": [c.claimant_side for c in claims],
        "subject_side": [s.side for s in subjects],
        "category": [s.category for s in subjects],
        "outcome": [s.outcome for s in subjects],
        "unit": [f.unit for f in figures],
        "low": [f.low for f in figures],
        "high": [f.high for f in figures],
        "rule": [f.rule for f in figures],
        "stated": [f.stated for f in figures],
        "qualifier": [f.qualifier for f in figures],
        # dates as days since 1970 (polars' own), twice as fast as polars reading date objects
        "as_of": [None if (d := p.as_of) is None else d.toordinal() - _EPOCH for p in periods],
        "period_start": [
            None if (d := p.start) is None else d.toordinal() - _EPOCH for p in periods
        ],
        "kind": [p.kind for p in periods],
        "location": [s.location for s in subjects],
        "status": [c.status for c in claims],
    }


def _check_units(frame: pl.DataFrame, units: list[str]) -> dict[str, str]:
    """Each distinct unit made canonical once; every bad row reported at once."""
    mapping: dict[str, str] = {}
    bad: list[str] = []
    for unit in units:
        try:
            mapping[unit] = canonical_unit(unit)
        except InvalidClaimError:
            bad.append(unit)
    if bad:
        rows = frame.with_row_index("row").filter(pl.col("unit").cast(pl.String).is_in(bad))
        raise FormatError(
            "<table>",
            [
                RecordError(
                    int(r["row"]) + 1,
                    "unit",
                    f"must be a unit of claimrecon's registry: {r['unit']!r}",
                    r["id"],
                )
                for r in rows.iter_rows(named=True)
            ],
        )
    return mapping


#: the columns of the flat row whose values become names as they are (the others are mapped)
_NAMED_AS_GIVEN = (
    "claimant_side",
    "subject_side",
    "category",
    "outcome",
    "rule",
    "kind",
    "location",
    "qualifier",
)


def with_original(frame: pl.DataFrame) -> pl.DataFrame:
    """The engine columns of a claims frame, with each claim's original claimant as ``original``.

    The original claimant is :attr:`Claim.original_source <claimrecon.claim.Claim.original_source>`:
    the claimant, or where none is named the last hop of the chain (the wire
    whose own reporting it is).  ``original`` takes the place of ``claimant``
    and ``reported_by``, which the engine reads for nothing else.
    :func:`claims_frame` gives claim objects in this shape.
    """
    return frame.select(original_columns())


#: the engine columns of :func:`with_original`, in its order
ORIGINAL_COLUMNS = (*(c for c in NEEDED if c not in ("claimant", "reported_by")), "original")


def original_columns() -> list[pl.Expr]:
    """:data:`ORIGINAL_COLUMNS` as expressions on :data:`NEEDED`, for a frame or a lazy scan.

    A scan of a file that selects these reads the claimant and the chain only
    to find ``original``: at ten million claims it never holds those two
    columns whole (about 430 MB of text and lists).
    """
    original = pl.coalesce(pl.col("claimant").cast(pl.String), pl.col("reported_by").list.last())
    return [*map(pl.col, ORIGINAL_COLUMNS[:-1]), original.alias("original")]


def prepare(data: Any, registry: SideRegistry) -> pl.DataFrame:
    """One row per claim of a claims table (or frame) with its source, side, stance and statement.

    See :func:`prepare_columns`, which this calls on the table's engine columns.
    """
    return prepare_columns(with_original(to_frame(data)), registry)


def prepare_columns(frame: pl.DataFrame, registry: SideRegistry) -> pl.DataFrame:
    """One row per claim with its source, source side, stance and statement id.

    ``frame`` has the engine columns with ``original`` (see
    :func:`with_original`, :func:`claims_frame`).  Names (units, sides,
    categories, outcomes, places, kinds, rules, sources, stances, qualifiers)
    come out as one :class:`polars.Enum` whose categories are sorted, so that
    joins and group-bys work on small integers while a sort still puts names
    in the order of their text.  ``rid`` is the rank of the claim's id, so
    that ordering by ``rid`` is ordering by id.

    The names are gathered from the distinct values of the columns (units and
    sources mapped once per distinct value), and every name column is coded
    in the Enum by a lookup per distinct value (a categorical column by its
    codes): no column is written out as text on the way.
    """
    given = [*_NAMED_AS_GIVEN, "unit", "original"]
    distinct = {  # every column's distinct values, in one parallel pass
        column: values[0]
        for column, values in frame.select(pl.col(c).unique().drop_nulls().implode() for c in given)
        .to_dict()
        .items()
    }
    texts = {c: distinct[c].cast(pl.String).to_list() for c in given}
    units = _check_units(frame, texts["unit"])
    originals = texts["original"]
    canonical = source_names(originals, registry)
    registry_side = {n: registry.side_of(n) for n in originals}
    no_source = pl.col("original").is_null()
    unattributed = pl.concat_str([pl.lit("(unattributed: "), pl.col("id"), pl.lit(")")])
    names = set(map(str, CONSTANTS))
    for column in _NAMED_AS_GIVEN:
        names.update(texts[column])
    names.update(units.values())
    names.update(canonical.values())
    names.update(registry_side.values())
    names.update(frame.filter(no_source).select(unattributed).to_series())
    enum = pl.Enum(sorted(names))

    def name(value: str | None) -> pl.Expr:
        return pl.lit(value, dtype=enum)

    def named(
        column: str, mapping: dict[str, str] | None = None, code: pl.Expr | None = None
    ) -> pl.Expr:
        """Each value of a column as its name (``mapping[value]``, or the value itself)."""
        return _coded(column, distinct[column], texts[column], enum, mapping, code)

    claimant_side = named("claimant_side").fill_null(name(UNKNOWN))
    # each source's name and side, from the code of its original claimant's name, found once
    frame = frame.with_columns(
        *(named(c) for c in ("category", "outcome", "rule", "kind", "location")),
        _original=_codes("original", originals),
    ).with_columns(
        unit=named("unit", units),
        _source=named("original", canonical, code=pl.col("_original")),
        _side=named("original", registry_side, code=pl.col("_original")),
    )
    source = pl.col("_source")
    if frame.get_column("original").null_count():  # worked out only where a claim needs it
        # every unattributed name is in the Enum; not strict, as polars before 2.0 casts the
        # branch for every row, attributed or not
        source = pl.when(no_source).then(unattributed.cast(enum, strict=False)).otherwise(source)
    frame = frame.with_columns(
        source=source,
        source_side=pl.when(no_source)
        .then(name(UNKNOWN))
        .when(claimant_side != name(UNKNOWN))
        .then(claimant_side)
        .otherwise(pl.col("_side")),
        side=named("subject_side").fill_null(name(UNKNOWN)),
        # an incident given no start is one day, its as-of day (as claimrecon.Period reads it)
        start=pl.when((pl.col("kind") == "incident") & pl.col("period_start").is_null())
        .then(pl.col("as_of"))
        .otherwise(pl.col("period_start")),
        qualifier=named("qualifier"),
        qualifier_text=named("qualifier").fill_null(name("")),
        retracted=pl.col("status") == "retracted",
        disputed=pl.col("status") == "disputed",
    )
    cs, ss = pl.col("source_side"), pl.col("side")
    frame = frame.with_columns(
        stance=pl.when(cs == name(THIRD_PARTY))
        .then(name("third_party"))
        .when((cs == name(UNKNOWN)) | (ss == name(UNKNOWN)))
        .then(name("unknown"))
        .when(ss == name(ALL_SIDES))
        .then(name("mixed"))
        .when(cs == ss)
        .then(name("own"))
        .otherwise(name("enemy")),
    )
    frame = frame.select(
        pl.col("id").rank("ordinal").sub(1).cast(pl.UInt32).alias("rid"),
        "id",
        *ECHO_COLUMNS[:2],
        "stance",
        *ECHO_COLUMNS[2:],
        "qualifier",
        "qualifier_text",
        "retracted",
        "disputed",
        "disputed_by",
    )
    # a statement is what its echoes say alike: a 64-bit hash of those columns, row by row
    return frame.with_columns(frame.select(ECHO_COLUMNS).hash_rows(seed=7).alias("stmt"))


#: the most codes a categorical column is looked up by (codes count up in a process)
_LONGEST_TABLE = 1 << 22


def _coded(
    column: str,
    values: pl.Series,
    texts: list[str],
    enum: pl.Enum,
    mapping: dict[str, str] | None,
    code: pl.Expr | None = None,
) -> pl.Expr:
    """The names of a column's values, looked up once per distinct value, not once per row.

    ``values`` are the column's distinct values (nulls dropped) and ``texts``
    their text, in the same order; each becomes ``mapping[value]`` (or itself,
    with no mapping) as a value of ``enum``.  A categorical column is looked up
    by its codes, with no text per row; text is coded by a cast to an Enum of
    its distinct values; ``code`` gives those codes when a column is looked up
    more than once (see :func:`_codes`).
    """
    named = texts if mapping is None else [mapping[t] for t in texts]
    if not texts:  # no value: every cell is null
        return pl.lit(None, dtype=enum).alias(column)
    if code is None and (values.dtype == pl.Categorical or isinstance(values.dtype, pl.Enum)):
        codes = values.to_physical()
        size = int(codes.max()) + 1  # type: ignore[arg-type]
        if size <= _LONGEST_TABLE:
            table = pl.repeat(None, size, dtype=enum, eager=True)
            table = table.scatter(codes, pl.Series(named, dtype=enum))
            return pl.lit(table).gather(pl.col(column).to_physical()).alias(column)
    code = _codes(column, texts) if code is None else code
    return pl.lit(pl.Series(named, dtype=enum)).gather(code).alias(column)


def _codes(column: str, texts: list[str]) -> pl.Expr:
    """Each value of a text column as its place in ``texts``, its distinct values (not null)."""
    return pl.col(column).cast(pl.String).cast(pl.Enum(texts)).to_physical()


def names_of(rows: pl.DataFrame) -> pl.DataType:
    """The :class:`polars.Enum` of the names in prepared rows (or any frame with a name column)."""
    schema = rows.schema
    return next(schema[c] for c in NAME_COLUMNS if c in schema)
