"""The columnar twin of :func:`claimrecon.flags.flag`: the same checks as polars expressions.

Every check is a group-by, a sorted window or a join over keys, never a loop
over pairs or a Python callback per claim: disagreement within a group is its
largest low against its smallest high, cumulative series are checked with a
running maximum per source and subject, a part meets its whole through an
as-of join.  Python runs once per *flag* (to build the result), not per claim.

The result is a :class:`FlagTable`; :meth:`FlagTable.to_flags` gives exactly
the :class:`~claimrecon.flags.Flag` objects that the object path gives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Final

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import attrs
import polars as pl

from claimrecon.claim import ALL_SIDES, THIRD_PARTY, UNKNOWN
from claimrecon.columnar._parallel import side_by_side
from claimrecon.columnar.prepare import KEY, ORDER_COLUMNS, names_of
from claimrecon.flags import Flag

__all__ = ["FlagTable", "flag_frame", "frame_schema"]

FIG = ["low", "high", "unit", "rule", "stated", "qualifier"]
#: the engine every lazy query here runs on.  polars 2 may choose its streaming engine for a
#: query left to "auto"; measured at 1M claims (``benchmarks/``, runs alternated in one
#: process), these queries run faster in memory: flagging took 0.82 to 0.95 s against 0.89
#: to 1.1 s, the cumulative series' days 72 ms against 99 ms
IN_MEMORY: Final = "in-memory"
NO_PLACE = "\x00"  # stands for "no location" in joins, where null never matches
KOW = "killed_or_wounded"


@attrs.frozen
class FlagTable:
    """Flags as a polars frame: one row per flag, with flat columns.

    The columns are always those of :func:`frame_schema`, in its order:
    ``code``; ``claims``, each claim as its rank among the ids (``ids[r]`` is
    its id, ``ids`` being the sorted ids); the subject (``unit``, ``side``,
    ``category``, ``outcome``) and ``location``; ``as_of``; ``factor`` (``f_num`` over
    ``f_den``); the figures (``f1_low`` ... ``f2_qualifier``, or ``many`` for a
    subject's several figures); and what the message says (the ``p_``
    columns), null where a flag has no use for one.

    The rows, and the ranks in ``claims``, come in no set order: the engine
    runs its checks in parallel.  :meth:`to_flags` and the writers of
    :mod:`claimrecon.columnar.texts` list flags in :func:`claimrecon.flag`'s
    order; sort the frame yourself to compare two of them row by row.
    """

    frame: pl.DataFrame
    ids: pl.Series = attrs.field(factory=lambda: pl.Series("id", [], dtype=pl.String))

    def __len__(self) -> int:
        return self.frame.height

    def to_flags(self) -> list[Flag]:
        """The flags as objects, sorted as :func:`claimrecon.flag` sorts them."""
        from claimrecon.columnar.texts import flag_objects  # it builds on this module

        return flag_objects(self)


# -- helpers ---------------------------------------------------------------------------------


def _first(
    frame: pl.DataFrame,
    by: Sequence[str],
    *,
    descending_low: bool = False,
    high_first: bool = False,
) -> pl.DataFrame:
    """The first row per group of ``by`` in order (by high, or by low descending, then order).

    Only the claims that speak for their statements compete; of those tied on
    the lead value, the first by the order columns wins (see :func:`_lexmin`).
    """
    # an echo never beats what it echoes, and has its figure: only those who speak count
    # (statements taken from ``said`` are all speakers already: no copy for them)
    if not frame.get_column("is_rep").all():
        frame = frame.filter(pl.col("is_rep"))
    frame = _with_group_id(frame, by, "_group")
    if high_first:
        frame = frame.filter(pl.col("high") == pl.col("high").min().over("_group"))
    elif descending_low:
        frame = frame.filter(pl.col("low") == pl.col("low").max().over("_group"))
    return _lexmin(frame, ["_group"], ORDER_COLUMNS).drop("_group")


def _with_group_id(frame: pl.DataFrame, by: Sequence[str], name: str) -> pl.DataFrame:
    """``frame`` with one integer per group of ``by`` as column ``name``.

    Windows and joins over one integer are cheaper than over many columns.
    Several columns are hashed to 64 bits, as statements are (see
    :func:`~claimrecon.columnar.prepare.prepare`): among n groups two share a
    number with a chance of about n²/2⁶⁵, under one in a million for the five
    million day-groups of ten million claims.
    """
    if len(by) == 1:
        return frame.with_columns(pl.col(by[0]).alias(name))
    return frame.with_columns(frame.select(by).hash_rows(seed=11).alias(name))


def _lexmin(frame: pl.DataFrame, group: Sequence[str], columns: Sequence[str]) -> pl.DataFrame:
    """The first row per group by ``columns`` (nulls last), without sorting.

    Column by column, only the rows equal to their group's smallest value stay
    (null stands above every value); a group leaves as soon as it has one row,
    so most groups are settled by the first column or two.  The last column
    must tell any two rows of a group apart.
    """
    settled = []
    frame = _with_group_id(frame, group, "_key")
    for column in columns:
        frame = frame.with_columns(_n=pl.len().over("_key"))
        settled.append(frame.filter(pl.col("_n") == 1))
        frame = frame.filter(pl.col("_n") > 1)
        if not frame.height:
            break
        least = pl.col(column).min().over("_key")
        frame = frame.filter(
            (pl.col(column) == least) | (least.is_null() & pl.col(column).is_null())
        )
    settled.append(frame)
    return pl.concat(settled, how="vertical_relaxed").drop("_key", "_n")


def _fig(prefix: str = "") -> pl.Expr:
    return pl.struct([pl.col(f"{prefix}{c}").alias(c) for c in FIG])


def _figs(*prefixes: str) -> dict[str, pl.Expr]:
    """The figures of a flag as flat columns ``f1_low`` ... ``f2_qualifier`` (no structs)."""
    return {
        f"f{i}_{c}": pl.col(f"{prefix}{c}")
        for i, prefix in enumerate(prefixes, start=1)
        for c in FIG
    }


def _params(**values: str | pl.Expr) -> dict[str, pl.Expr]:
    """What a flag's message says, as flat ``p_`` columns."""
    return {f"p_{k}": pl.col(v) if isinstance(v, str) else v for k, v in values.items()}


def _factors(found: pl.DataFrame) -> pl.Series:
    """``f_num / f_den`` of every flag, as :func:`claimrecon.flags.ratio` gives it.

    Divided as two series, element by element: polars divides an expression by
    a column it holds as one repeated value (as a join or a literal can leave
    one) by multiplying with its reciprocal, one unit in the last place away
    from the quotient Python gives.
    """
    num = found.get_column("f_num").cast(pl.Float64)
    den = found.get_column("f_den").cast(pl.Float64)
    quotient = num / den
    return pl.select(
        pl.when(pl.lit(den) == 0).then(float("inf")).otherwise(pl.lit(quotient)).alias("factor")
    ).to_series()


def _payload(rows: pl.DataFrame, prefix: str) -> pl.DataFrame:
    """The columns a flag shows of the claim it compares with, under ``prefix``.

    Its figure, source, stance, period and order columns, beside its ``rid``.
    """
    shown = dict.fromkeys([*ORDER_COLUMNS, *FIG, "stance", "is_rep", "stmt"])
    del shown["rid"]
    return rows.select("rid", *(pl.col(c).alias(f"{prefix}{c}") for c in shown))


def _tightest(pairs: pl.DataFrame, by: str, payload: pl.DataFrame, prefix: str) -> pl.DataFrame:
    """Per ``by``, the row of ``pairs`` whose claim (``rid``) comes first in order.

    The claims ``pairs`` names are ranked once, by the order columns of their
    ``payload`` (see :func:`_payload`), so ties are settled by one integer per
    row; the winning rows come out with their claim's payload.
    """
    ranked = payload.filter(pl.col("rid").is_in(pairs.get_column("rid").implode()))
    ranked = ranked.sort(_order(prefix), nulls_last=True).with_row_index("_rank")
    ties = pairs.join(ranked.select("rid", "_rank"), on="rid")
    first = ties.filter(pl.col("_rank") == pl.col("_rank").min().over(by))
    return first.join(ranked.drop("_rank"), on="rid").drop("_rank")


def _order(prefix: str) -> list[str]:
    """:data:`ORDER_COLUMNS` of a prefixed frame whose ``rid`` kept its name."""
    return [c if c == "rid" else f"{prefix}{c}" for c in ORDER_COLUMNS]


def _name(value: str, frame: pl.DataFrame) -> pl.Expr:
    """A name as a literal of the frame's names (the Enum of :func:`.prepare.prepare`)."""
    return pl.lit(value, dtype=names_of(frame))


def _place(expr: pl.Expr) -> pl.Expr:
    return expr.fill_null(NO_PLACE)


def _out(frame: pl.DataFrame | pl.LazyFrame, code: str) -> pl.DataFrame:
    """Shape a check's result into the FlagTable columns (a lazy result is run here)."""
    if isinstance(frame, pl.LazyFrame):
        return _out(frame.collect(engine=IN_MEMORY), code)
    return frame.select(
        pl.lit(code).alias("code"),
        pl.col("claims"),
        *KEY,
        pl.col("location"),
        pl.col("as_of"),
        pl.lit(None, dtype=pl.Float64).alias("factor"),  # see _factors
        pl.col("f_num").cast(pl.Int64),
        pl.col("f_den").cast(pl.Int64),
        pl.col(r"^f[12]_.*$"),
        pl.col(r"^p_.*$"),
        *([pl.col("many")] if "many" in frame.columns else []),
    )


def _pair_members(
    claims_of: pl.DataFrame, pairs: pl.DataFrame, other: str, by: str = "stmt"
) -> pl.LazyFrame:
    """The ids of every claim of a flagged statement and of the one it is held against.

    ``pairs`` has one row per flag (keyed by ``by``) with the flagged ``stmt``
    and the other statement in column ``other``; ``claims_of`` has each
    statement's claims (``stmt``, ``members``: the ranks of their ids).  The
    result has ``by`` and ``claims``, in no set order (readers sort them).
    The two statements are never one, so no id is listed twice.

    Both statements of a flag go down one column, meet their claims in one
    join and are gathered again per flag: about twice as fast as two joins
    and a concatenation of their lists (polars joins two lists row by row at
    about 0.3 microseconds a row).  The result is lazy: a check joins it to
    its flags in one query, which polars runs beside the other joins.
    """
    return (
        pairs.lazy()
        .select(_flag=by, _one="stmt", _two=other)
        .unpivot(index="_flag", on=["_one", "_two"], value_name="stmt")
        .join(claims_of.lazy(), on="stmt")
        .group_by("_flag")
        .agg(claims=pl.col("members").list.explode(keep_nulls=False, empty_as_null=False))
        .rename({"_flag": by})
    )


# -- the checks ------------------------------------------------------------------------------


def flag_frame(
    rows: pl.DataFrame, *, window_days: int = 1, ids: pl.Series | None = None
) -> FlagTable:
    """Run every check on prepared rows (see :func:`claimrecon.columnar.prepare.prepare`).

    ``ids`` are the rows' ids in the order of their ``rid``, when the caller
    has them already (:class:`~claimrecon.columnar.engine.PreparedClaims`).
    """
    live = rows.filter(~pl.col("retracted")) if rows.get_column("retracted").any() else rows
    # each statement's claims, and the claim that speaks for it (echoes differ only in
    # qualifier and id), in one pass; a claim's rid is the rank of its id, so the speakers
    # are marked by position, without a join.  Sorted first, the statements are runs: at
    # 10M claims (4.4 million statements) a hash group-by took 1.7 s, sort and runs 1.3 s;
    # at 1M both take 80 ms
    speaker = pl.col("qualifier_text").to_physical().cast(pl.UInt64) * 2**32 + pl.col("rid")
    claims_of = (
        live.select("stmt", "rid", _speaker=speaker)
        .sort("stmt")
        .lazy()
        .with_columns(pl.col("stmt").set_sorted())
        .group_by("stmt", maintain_order=True)
        .agg(members=pl.col("rid"), speaker=pl.col("_speaker").min())
        .collect(engine=IN_MEMORY)
    )
    marks = pl.zeros(rows.height, pl.Boolean, eager=True)
    marks = marks.scatter(claims_of.get_column("speaker") % 2**32, True)  # the speaker's rid
    live = live.with_columns(is_rep=pl.lit(marks).gather(pl.col("rid")))
    claims_of = claims_of.drop("speaker")
    # one row per dated statement: its echoes have every number it has, so the checks that
    # compare numbers work on statements and list every echo only for what they flag (by
    # rank, so the ids and denials stay behind)
    said = live.select(pl.exclude("id", "disputed_by")).filter(
        pl.col("is_rep") & pl.col("as_of").is_not_null() & (pl.col("side") != UNKNOWN)
    )
    checks: list[Callable[[], pl.DataFrame | None]] = [
        lambda: _divergent(claims_of, said),
        lambda: _inconsistent(claims_of, said),
        lambda: _partisan(claims_of, said, window_days),
        lambda: _series(claims_of, said),
        lambda: _parts(claims_of, said),
        lambda: _sums(claims_of, said),
        lambda: _disputed(live),
        lambda: _undated(live),
        lambda: _single_source(live),
    ]
    # on many claims two checks at a time: each leaves a core idle between its operations
    with ThreadPoolExecutor(max_workers=side_by_side(rows.height)) as pool:
        parts = list(pool.map(lambda check: check(), checks))
    frames = [p for p in parts if p is not None and p.height]
    if ids is None:  # a claim's rid is the rank of its id: ordering by it sorts the ids
        ids = rows.select(pl.col("id").sort_by("rid")).to_series()
    schema = frame_schema(names_of(rows))
    if not frames:
        return FlagTable(pl.DataFrame(schema=schema), ids)
    found = pl.concat(frames, how="diagonal_relaxed")
    found = found.with_columns(_factors(found))
    return FlagTable(
        found.select(
            pl.col(c).cast(t) if c in found.columns else pl.lit(None, dtype=t).alias(c)
            for c, t in schema.items()
        ),
        ids,
    )


def frame_schema(names: pl.DataType) -> dict[str, pl.DataType]:
    """Every column of a flag table, in order, whichever checks found something.

    ``names`` is the :class:`polars.Enum` of the prepared claims' names.  A
    column a flag has no use for is null in its row.
    """
    figure: dict[str, pl.DataType] = {
        "low": pl.Int64(),
        "high": pl.Int64(),
        "unit": names,
        "rule": names,
        "stated": pl.Int64(),
        "qualifier": names,
    }
    return {
        "code": pl.String(),
        "claims": pl.List(pl.UInt32()),
        **dict.fromkeys([*KEY, "location"], names),
        "as_of": pl.Date(),
        "factor": pl.Float64(),
        "f_num": pl.Int64(),
        "f_den": pl.Int64(),
        **{f"f{i}_{c}": t for i in (1, 2) for c, t in figure.items()},
        "p_n": pl.Int64(),
        **dict.fromkeys(["p_src1", "p_src2", "p_side1", "p_stance2", "p_outcome2"], names),
        "p_ceiling": pl.Int64(),
        "p_date2": pl.Date(),
        "p_incident_in_total": pl.Boolean(),
        **dict.fromkeys(["p_w_side", "p_w_category", "p_w_outcome", "p_place2"], names),
        "p_dimension": pl.String(),
        "p_who": pl.List(pl.String()),
        "many": pl.List(pl.Struct(figure)),
    }


def _divergent(claims_of: pl.DataFrame, said: pl.DataFrame) -> pl.DataFrame | None:
    group = [*KEY, "location", "kind", "start", "as_of"]
    # statements, not claims: an echo has its statement's source and bounds; the groups are
    # numbered once, and their claims gathered from their statements only where they disagree
    said = _with_group_id(said, group, "_g")
    agg = (
        said.group_by("_g")
        .agg(
            n=pl.col("source").n_unique(),
            min_high=pl.col("high").min(),
            max_low=pl.col("low").max(),
        )
        .filter(
            (pl.col("n") >= 2)
            & pl.col("min_high").is_not_null()
            & (pl.col("max_low") > pl.col("min_high"))
        )
    )
    if not agg.height:
        return None
    # the statements of the groups that disagree, beside their group's figures: only what
    # finds the extremes, by row (at 10M, nearly every one of 4.3 million statements)
    said = said.with_row_index("_i")
    rows = said.select("_i", "_g", "stmt", "low", "high").join(agg, on="_g")
    ids = (
        rows.select("_g", "stmt")
        .join(claims_of, on="stmt")
        .group_by("_g")
        .agg(claims=pl.col("members").list.explode(keep_nulls=False, empty_as_null=False))
    )

    def first(gives: pl.Expr) -> pl.DataFrame:
        """The first in order of the statements that give their group one of its extremes."""
        chosen = rows.filter(gives).select("_i", "n")
        whole = said.select(pl.all().gather(chosen.get_column("_i"))).drop("_i")
        return _lexmin(whole.hstack(chosen.drop("_i")), ["_g"], ORDER_COLUMNS)

    lowest = first(pl.col("high") == pl.col("min_high"))  # the group's smallest high
    highest = first(pl.col("low") == pl.col("max_low"))  # and its largest low
    lowest, highest = _across_sources(said.drop("_i"), lowest, highest)
    out = (
        lowest.select("_g", *group, "n", src1="source", **{f"l_{c}": c for c in FIG})
        .join(highest.select("_g", src2="source", **{f"h_{c}": c for c in FIG}), on="_g")
        .join(ids, on="_g")
    )
    out = out.with_columns(
        f_num=pl.col("h_low"),
        f_den=pl.col("l_high"),
        **_figs("l_", "h_"),
        **_params(n="n", src1="src1", src2="src2"),
    )
    return _out(out, "divergent")


def _across_sources(
    said: pl.DataFrame, lowest: pl.DataFrame, highest: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Where one source gives both of a group's extremes, two sources that disagree, or none.

    The twin of :func:`claimrecon.flags._across_sources`: the source's largest
    low is held against the other sources' smallest high, its smallest high
    against their largest low; of the pairs that disagree the wider is kept
    (the larger ratio, compared exactly in 128-bit integers; the first on a
    tie), and a group with neither is dropped.  ``lowest`` and ``highest`` have
    a row per group (``_g``), as ``said`` has its statements.
    """
    same = lowest.select("_g", "source").join(highest.select("_g", "source"), on=["_g", "source"])
    if not same.height:
        return lowest, highest
    others = said.join(same.rename({"source": "_s"}), on="_g")
    others = others.filter(pl.col("source") != pl.col("_s")).drop("_s")
    closed = others.filter(pl.col("high").is_not_null())
    below = closed.filter(pl.col("high") == pl.col("high").min().over("_g"))
    above = others.filter(pl.col("low") == pl.col("low").max().over("_g"))
    below, above = (_lexmin(f, ["_g"], ORDER_COLUMNS) for f in (below, above))
    wide = pl.Int128
    pairs = (
        same.select("_g")
        .join(below.select("_g", _b_high="high"), on="_g", how="left")
        .join(above.select("_g", _a_low="low"), on="_g", how="left")
        .join(highest.select("_g", _h_low="low"), on="_g")
        .join(lowest.select("_g", _l_high="high"), on="_g")
        .with_columns(
            one=(pl.col("_h_low") > pl.col("_b_high")).fill_null(False),  # (below, highest)
            two=(pl.col("_a_low") > pl.col("_l_high")).fill_null(False),  # (lowest, above)
            wider=pl.col("_a_low").cast(wide) * pl.col("_b_high").cast(wide)
            > pl.col("_h_low").cast(wide) * pl.col("_l_high").cast(wide),
        )
        .with_columns(take_two=pl.col("two") & (~pl.col("one") | pl.col("wider").fill_null(True)))
    )
    gone = pairs.filter(~pl.col("one") & ~pl.col("two")).select("_g")
    new_low = pairs.filter(pl.col("one") & ~pl.col("take_two")).select("_g")
    new_high = pairs.filter(pl.col("take_two")).select("_g")
    n = lowest.select("_g", "n")
    lowest = pl.concat(
        [
            lowest.join(pl.concat([gone, new_low]), on="_g", how="anti"),
            below.join(new_low, on="_g").join(n, on="_g").select(lowest.columns),
        ]
    )
    highest = pl.concat(
        [
            highest.join(pl.concat([gone, new_high]), on="_g", how="anti"),
            above.join(new_high, on="_g").join(n, on="_g").select(highest.columns),
        ]
    )
    return lowest, highest


def _inconsistent(claims_of: pl.DataFrame, said: pl.DataFrame) -> pl.DataFrame | None:
    # the groups of _divergent, each source apart: its largest low against its smallest high
    group = [*KEY, "location", "kind", "start", "as_of"]
    said = _with_group_id(said, ["source", *group], "_g")
    # most sources give one statement a group: only the groups with several are looked into,
    # found as neighbours among the sorted numbers: at 1M, where no source gives two, the check
    # takes 22 ms, and 49 ms with a hash table of the numbers (best of fifteen)
    numbers = said.get_column("_g").sort()
    after = numbers.slice(1)
    several = after.filter(after == numbers.slice(0, max(len(numbers) - 1, 0)))
    if not len(several):
        return None
    said = said.filter(pl.col("_g").is_in(several.implode()))
    agg = (
        said.group_by("_g")
        .agg(min_high=pl.col("high").min(), max_low=pl.col("low").max())
        .filter(pl.col("max_low") > pl.col("min_high"))  # null when no high is closed
    )
    if not agg.height:
        return None
    rows = said.join(agg, on="_g")
    # the first in order of the statements with the smallest high, and of those with the
    # largest low; every claim of every statement of the source in the group
    lowest = _lexmin(rows.filter(pl.col("high") == pl.col("min_high")), ["_g"], ORDER_COLUMNS)
    highest = _lexmin(rows.filter(pl.col("low") == pl.col("max_low")), ["_g"], ORDER_COLUMNS)
    ids = (
        rows.lazy()
        .select("_g", "stmt")
        .join(claims_of.lazy(), on="stmt")
        .group_by("_g")
        .agg(claims=pl.col("members").list.explode(keep_nulls=False, empty_as_null=False))
    )
    out = (
        lowest.lazy()
        .select("_g", *group, "source", **{f"l_{c}": c for c in FIG})
        .join(highest.lazy().select("_g", **{f"h_{c}": c for c in FIG}), on="_g")
        .join(ids, on="_g")
        .with_columns(
            f_num=pl.col("h_low"),
            f_den=pl.col("l_high"),
            **_figs("l_", "h_"),
            **_params(src1="source"),
        )
    )
    return _out(out, "inconsistent_source")


PERIOD = ["unit", "side", "category", "outcome", "location", "kind", "start", "as_of"]


def _ceilings(refs: pl.DataFrame) -> pl.DataFrame:
    """Each reference count as the ceiling it puts on an enemy claim of each outcome."""
    kow = _name(KOW, refs)
    same = refs.with_columns(e_outcome=pl.col("outcome"), ceiling=pl.col("high"))
    killed = refs.filter(pl.col("outcome") == "killed").with_columns(
        e_outcome=kow, ceiling=pl.col("high") * 4
    )
    wounded = refs.filter(pl.col("outcome") == "wounded").with_columns(
        e_outcome=kow, ceiling=(pl.col("high") * 4 + 2) // 3
    )
    return pl.concat([same, killed, wounded])


def _pairs(enemy: pl.DataFrame, refs: pl.DataFrame, window_days: int) -> pl.DataFrame:
    """Enemy statements beside every reference that bounds them (same period and place).

    ``enemy`` has ``stmt``, ``low`` and the :data:`PERIOD` columns; ``refs`` has the
    :data:`PERIOD` columns, ``high`` and any payload; the result has ``stmt``, ``low``,
    ``ceiling`` and the payload, one row per reference the enemy's low exceeds.
    """
    refs = _ceilings(refs)
    refs = refs.rename({c: f"r_{c}" for c in refs.columns if c not in ("e_outcome", "ceiling")})
    # the four joins below are independent: one lazy query runs them side by side
    refs_lazy = refs.lazy()
    left = enemy.lazy().select("stmt", "low", *PERIOD)
    totals = left.filter(pl.col("kind") == "cumulative")
    # each running total beside every day of its window, as one row per day (no lists)
    cumulative = pl.concat(
        totals.with_columns(j_as_of=pl.col("as_of") + pl.duration(days=days))
        for days in range(window_days + 1)
    )
    incident = left.filter(pl.col("kind") == "incident").with_columns(
        j_as_of=pl.col("as_of"), j_start=pl.col("start")
    )
    joined = []
    base = ["unit", "side", "category", "outcome"]
    right = ["r_unit", "r_side", "r_category", "e_outcome"]
    for kind, frame, period, ref_period in (
        ("cumulative", cumulative, ["j_as_of"], ["r_as_of"]),
        ("incident", incident, ["j_as_of", "j_start"], ["r_as_of", "r_start"]),
    ):
        pool = refs_lazy.filter(pl.col("r_kind") == kind)
        # a reference for all places bounds the claim; one for a place, only that place
        everywhere = frame.join(
            pool.filter(pl.col("r_location").is_null()),
            left_on=[*base, *period],
            right_on=[*right, *ref_period],
            nulls_equal=True,
        )
        here = frame.filter(pl.col("location").is_not_null()).join(
            pool.filter(pl.col("r_location").is_not_null()),
            left_on=[*base, "location", *period],
            right_on=[*right, "r_location", *ref_period],
            nulls_equal=True,
        )
        bounds = pl.col("low") > pl.col("ceiling")
        if kind == "cumulative":  # a total from a later start counts a shorter time: no bound
            # unstated: either, but a claim with no start began by its as-of day
            began = pl.coalesce("start", "as_of")
            bounds &= ~(pl.col("r_start") > began).fill_null(False)
        joined += [everywhere.filter(bounds), here.filter(bounds)]
    keep = ["stmt", "low", "ceiling", *(c for c in refs.columns if c.startswith("r_payload_"))]
    return pl.concat([f.select(keep) for f in joined], how="vertical_relaxed").collect(
        engine=IN_MEMORY
    )


def _statements(live: pl.DataFrame) -> pl.DataFrame:
    """One row per statement: its representative claim (first in order).

    Echoes share every ordering column but the qualifier and the id, so the
    representative is the echo first by those (``is_rep``, set once per run).
    """
    return live.filter(pl.col("is_rep"))


def _partisan(claims_of: pl.DataFrame, said: pl.DataFrame, window_days: int) -> pl.DataFrame | None:
    enemy_rows = said.filter(pl.col("stance") == "enemy")
    refs = said.filter(
        pl.col("stance").is_in(["own", "third_party"]) & pl.col("high").is_not_null()
    )
    if not enemy_rows.height or not refs.height:
        return None
    enemy = enemy_rows.select("stmt", "low", *PERIOD)
    # references grouped by what they count, when and where, each group with its lowest high
    # and the first in order of the references that give it: a claim is held against the
    # groups, never against every reference in them.  The groups are numbered in the order of
    # those references, so that of the groups that bound a claim tightest the first wins.
    # (A window over one hashed group number: a group-by on the eight columns and a join back
    # on nine took about half as long again.)
    lowest = _with_group_id(refs, PERIOD, "_g")
    lowest = lowest.filter(pl.col("high") == pl.col("high").min().over("_g"))
    lowest = _first(lowest, ["_g"]).drop("_g").sort(ORDER_COLUMNS, nulls_last=True)
    lowest = lowest.with_row_index("payload_gid")
    pairs = _pairs(enemy, lowest.select(*PERIOD, "high", "payload_gid"), window_days)
    if not pairs.height:
        return None
    best = (
        pairs.filter(pl.col("ceiling") == pl.col("ceiling").min().over("stmt"))
        .group_by("stmt")
        .agg(pl.col("ceiling").first(), gid=pl.col("r_payload_gid").min())
    )
    tightest = best.join(
        _payload(lowest, "r_").with_columns(gid=lowest.get_column("payload_gid")), on="gid"
    )
    ids = _pair_members(claims_of, tightest, "r_stmt")
    out = (  # one flag per enemy statement: ``tightest`` has one row per statement
        enemy_rows.lazy()
        .join(tightest.lazy(), on="stmt")
        .join(ids, on="stmt")
        .with_columns(
            f_num=pl.col("low"),
            f_den=pl.col("ceiling"),
            **_figs("", "r_"),
            **_params(
                src1="source",
                side1="source_side",
                src2="r_source",
                stance2="r_stance",
                outcome2="r_outcome",
                ceiling="ceiling",
                place2="r_location",
            ),
        )
    )
    return _out(out, "partisan_enemy_claim")


def _series(claims_of: pl.DataFrame, said: pl.DataFrame) -> pl.DataFrame | None:
    # one integer per series (a source's running total on one subject and place, from one
    # start), so that sorting and windows work on two columns, not eight
    totals = _with_group_id(
        said.filter(pl.col("kind") == "cumulative"), ["source", *KEY, "location", "start"], "sid"
    )
    # each series' days in order, with the day's highest low and lowest high.  Sorted, a day's
    # statements are neighbours: most series say one figure a day, and then each row is its
    # day already (at 1M, all 434,502), with no group-by
    slim = totals.select("sid", "as_of", "low", "high").sort("sid", "as_of")
    first = pl.col("sid") != pl.col("sid").shift(1)  # where a series starts
    new_day = first | (pl.col("as_of") != pl.col("as_of").shift(1))
    day = slim.select(new_day.fill_null(True).cum_sum().set_sorted()).to_series()
    if not slim.height or day[-1] == slim.height:
        days = slim.lazy().rename({"low": "top", "high": "bottom"})
    else:
        days = (
            slim.lazy()
            .with_columns(_day=day)
            .group_by("_day", maintain_order=True)
            .agg(
                pl.col("sid").first(),
                pl.col("as_of").first(),
                top=pl.col("low").max(),
                bottom=pl.col("high").min(),
            )
            .drop("_day")
        )
    # the days are in order within each series, and each series starts a new run: one window
    # gives the running maximum, and plain shifts, masked where a series starts, do the rest
    days = days.with_columns(run=pl.col("top").cum_max().over("sid")).with_columns(
        # a series' first day always holds its running maximum: filling never crosses series
        best_day=pl.when(pl.col("top") == pl.col("run")).then(pl.col("as_of")).forward_fill(),
    )
    fell = (
        days.with_columns(
            prev_max=pl.when(first).then(None).otherwise(pl.col("run").shift(1)),
            prev_day=pl.when(first).then(None).otherwise(pl.col("best_day").shift(1)),
        )
        .filter(pl.col("bottom") < pl.col("prev_max"))  # only the days a total fell below
        .collect(engine=IN_MEMORY)
    )
    falling = totals.join(
        fell.select("sid", "as_of", "prev_max", "prev_day"), on=["sid", "as_of"]
    ).filter(pl.col("high").is_not_null() & (pl.col("high") < pl.col("prev_max")))
    if not falling.height:
        return None
    worst = _first(falling, ["sid", "as_of"], high_first=True)
    earlier = totals.join(
        worst.select("sid", e_day="prev_day", e_low="prev_max", day="as_of"),
        left_on=["sid", "as_of", "low"],
        right_on=["sid", "e_day", "e_low"],
    )
    before = _first(earlier, ["sid", "day"])
    # each statement once per flag, then all its claims: a statement's echoes are never
    # joined to its claims once per echo
    stmts = pl.concat(
        [falling.select("sid", day="as_of", stmt="stmt"), earlier.select("sid", "day", "stmt")]
    ).unique()
    ids = (  # lazy: gathered beside the join below, in one query
        stmts.lazy()
        .join(claims_of.lazy(), on="stmt")
        .group_by("sid", "day")
        .agg(claims=pl.col("members").list.explode(keep_nulls=False, empty_as_null=False))
    )
    out = (
        worst.lazy()
        .rename({"as_of": "day"})
        .join(
            before.lazy().select("sid", "day", date2="as_of", **{f"b_{c}": c for c in FIG}),
            on=["sid", "day"],
        )
    )
    out = out.join(ids, on=["sid", "day"]).with_columns(
        as_of=pl.col("day"),
        f_num=pl.col("b_low"),
        f_den=pl.col("high"),
        **_figs("b_", ""),
        **_params(src1="source", date2="date2"),
    )
    return _out(out, "series_regression")


def _expand_wholes(stmts: pl.DataFrame) -> pl.DataFrame:
    """Each statement beside every subject and place that covers it.

    A running total's own subject covers it everywhere when it counts one
    place; an incident's own subject covers it in its place and everywhere.
    """
    side, cat, out = pl.col("side"), pl.col("category"), pl.col("outcome")
    frame = (
        stmts.with_columns(
            w_side=pl.when(side.is_in([ALL_SIDES, UNKNOWN]))
            .then(pl.concat_list([side]))
            .otherwise(pl.concat_list([side, _name(ALL_SIDES, stmts)])),
            w_category=pl.when(cat == "unspecified")
            .then(pl.concat_list([cat]))
            .otherwise(pl.concat_list([cat, _name("unspecified", stmts)])),
            w_outcome=pl.when(out.is_in(["killed", "wounded"]))
            .then(pl.concat_list([out, _name(KOW, stmts)]))
            .otherwise(pl.concat_list([out])),
            w_place=pl.when(pl.col("location").is_null())
            .then(pl.concat_list([_name(NO_PLACE, stmts)]))
            .otherwise(pl.concat_list([_name(NO_PLACE, stmts), pl.col("location")])),
        )
        .explode("w_side", empty_as_null=False)
        .explode("w_category", empty_as_null=False)
        .explode("w_outcome", empty_as_null=False)
        .explode("w_place", empty_as_null=False)
    )
    own = (pl.col("w_side") == side) & (pl.col("w_category") == cat) & (pl.col("w_outcome") == out)
    # a running total is not its own whole, but a place's total is within its subject's
    # everywhere (``w_own`` keeps the subject alone: incidents meet incidents of other subjects)
    itself = own & (pl.col("w_place") == _place(pl.col("location")))
    return frame.with_columns(w_own=own).filter(~itself | (pl.col("kind") == "incident"))


def _parts(claims_of: pl.DataFrame, said: pl.DataFrame) -> pl.DataFrame | None:
    slim = ["stmt", "low", *PERIOD]
    stmts = said.select(slim)
    rows = said.select(
        "rid", *KEY, "kind", "start", "as_of", "high", place=_place(pl.col("location"))
    )
    totals = rows.filter(pl.col("kind") == "cumulative")
    incidents = rows.filter(pl.col("kind") == "incident")
    w_key = ["unit", "w_side", "w_category", "w_outcome", "w_place"]
    t_key = [*KEY, "place"]
    # each whole's days, with the earliest start of the day's totals and whether one has none:
    # a day covers a part when one of its totals starts no later than the part (see
    # claimrecon.flags._covers)
    each_day = (
        totals.lazy()
        .group_by([*t_key, "as_of"])
        .agg(
            w_min=pl.col("high").min(),
            s_min=pl.col("start").min(),
            s_open=pl.col("start").is_null().any(),
        )
        .select(*t_key, "w_min", "s_min", "s_open", w_day="as_of")
        .sort("w_day")
    )
    # covering subjects are worked out once per distinct subject, not once per claim, and
    # only those that some claim counts are kept
    subjects, present, days = pl.collect_all(  # side by side
        [
            stmts.lazy().select(*KEY, "location", "kind").unique(),
            rows.lazy().select(pl.col(t_key).name.prefix("x_")).unique(),
            each_day,
        ],
        engine=IN_MEMORY,
    )
    # a part can only exceed a whole that some day counts fewer than it: the others never
    # meet the whole's days (most parts, where wholes count their parts).  The floor is met
    # once per covering subject, not once per statement (half the time at 1M)
    floors = days.group_by(t_key).agg(floor=pl.col("w_min").min())
    cover = (
        _expand_wholes(subjects)
        .join(present, left_on=w_key, right_on=[f"x_{c}" for c in t_key], how="semi")
        .join(floors, left_on=w_key, right_on=t_key, how="left")
    )
    # one "gid" per statement and covering subject: the unit of a flag, one integer to group by
    wholes = stmts.join(cover, on=[*KEY, "location", "kind"], nulls_equal=True).with_row_index(
        "gid"
    )
    pending = wholes.filter(pl.col("low") > pl.col("floor")).select(
        # the last day a whole may start and still cover the part, and the first day to look at
        "gid",
        *w_key,
        "low",
        bound=pl.coalesce("start", "as_of"),
        look="as_of",
    )
    # the whole's first day on or after the part's that covers it: one as-of join, then again
    # from the day after for the parts whose day did not cover them (rare: starts differ)
    met_days = []
    while True:  # at least once, so that no part still gives the columns
        near = (
            pending.sort("look")
            .join_asof(
                days,
                left_on="look",
                right_on="w_day",
                by_left=w_key,
                by_right=t_key,
                strategy="forward",
                check_sortedness=False,
            )
            .filter(pl.col("w_day").is_not_null())
        )
        covers = pl.col("s_open") | (pl.col("s_min") <= pl.col("bound"))
        met_days.append(near.filter(covers))
        pending = near.filter(~covers).select(
            *(c for c in pending.columns if c != "look"),
            look=pl.col("w_day") + pl.duration(days=1),
        )
        if not pending.height:
            break
    candidates = (
        pl.concat(met_days, how="vertical_relaxed")
        .filter(pl.col("w_min") < pl.col("low"))
        .select("gid", *w_key, "low", "bound", day="w_day")
    )
    # the whole's running totals on the days some part meets, each held against the parts
    # whose period it covers: none that starts after the part (or after its as-of day)
    placed = said.with_columns(place=_place(pl.col("location")))
    day_key = [*t_key, "as_of"]
    met = candidates.select(
        pl.col(w).alias(t) for w, t in zip([*w_key, "day"], day_key, strict=True)
    ).unique()
    totals_met = (
        placed.filter((pl.col("kind") == "cumulative") & pl.col("high").is_not_null())
        .join(met, on=day_key, how="semi")
        .select(*day_key, "rid", "high", w_start="start")
    )
    found = [_covering(candidates, totals_met, w_key, day_key)]
    inc = wholes.filter((pl.col("kind") == "incident") & ~pl.col("w_own"))
    if inc.height and incidents.height:
        one = [*t_key, "start", "as_of"]
        firsts = _first(placed.filter(pl.col("kind") == "incident"), one, high_first=True)
        found.append(
            inc.select("gid", *w_key, "low", "start", "as_of").join(
                firsts.select(*one, "rid", "high"),
                left_on=[*w_key, "start", "as_of"],
                right_on=one,
                nulls_equal=True,
            )
        )
    below = pl.concat(
        [f.select("gid", "low", "rid", "high") for f in found], how="vertical_relaxed"
    ).filter(pl.col("high").is_not_null() & (pl.col("high") < pl.col("low")))
    if not below.height:
        return None
    group = ["gid"]
    best = below.filter(pl.col("high") == pl.col("high").min().over(group))
    tight = _tightest(best.drop("high"), "gid", _payload(said, "b_"), "b_")
    tight = tight.join(wholes.select("gid", "stmt", *w_key), on="gid")
    flagged = tight.select("stmt").unique()
    ids = _pair_members(claims_of, tight, "b_stmt", by="gid")
    reps = said.lazy().join(flagged.lazy(), on="stmt")
    out = tight.lazy().drop("low").join(ids, on=group).join(reps, on="stmt")
    out = out.with_columns(
        f_num=pl.col("low"),
        f_den=pl.col("b_high"),
        **_figs("", "b_"),
        **_params(
            incident_in_total=(pl.col("kind") == "incident") & (pl.col("b_kind") == "cumulative"),
            src1="source",
            src2="b_source",
            date2="b_as_of",
            w_side="w_side",
            w_category="w_category",
            w_outcome="w_outcome",
            place2="b_location",
            dimension=pl.lit(None, dtype=pl.String),
        ),
    )
    return _out(out, "part_exceeds_whole")


def _covering(
    candidates: pl.DataFrame, totals: pl.DataFrame, w_key: list[str], day_key: list[str]
) -> pl.DataFrame:
    """Each part's covering totals of its whole's day with the lowest high, when below its low.

    ``candidates`` has a part per row (``gid``, ``w_key``, ``day``, ``low`` and
    ``bound``, the last day a total may start and still cover it); ``totals``
    has the day's closed totals (``day_key``, ``rid``, ``high``, ``w_start``).
    The lowest covering high is found without meeting every total: the totals
    with no start give one minimum a day, those with a start a running minimum
    in order of start, which an as-of join reads at the part's bound.  Only the
    parts below it then meet the totals that give it.
    """
    stated = (
        totals.filter(pl.col("w_start").is_not_null())
        .group_by([*day_key, "w_start"])
        .agg(h=pl.col("high").min())
        .sort([*day_key, "w_start"])
        .with_columns(s_low=pl.col("h").cum_min().over(day_key))
        .sort("w_start")
    )
    unstated = (
        totals.filter(pl.col("w_start").is_null()).group_by(day_key).agg(o_low=pl.col("high").min())
    )
    lowest = (
        candidates.sort("bound")
        .join_asof(
            stated.select(*day_key, "s_low", s_start="w_start"),
            left_on="bound",
            right_on="s_start",
            by_left=[*w_key, "day"],
            by_right=day_key,
            strategy="backward",
            check_sortedness=False,
        )
        .join(unstated, left_on=[*w_key, "day"], right_on=day_key, how="left")
        .with_columns(c_low=pl.min_horizontal("s_low", "o_low"))
        .filter(pl.col("c_low") < pl.col("low"))
        .select("gid", *w_key, "day", "low", "bound", "c_low")
    )
    return (
        lowest.join(totals, left_on=[*w_key, "day", "c_low"], right_on=[*day_key, "high"])
        .filter(pl.col("w_start").is_null() | (pl.col("w_start") <= pl.col("bound")))
        .with_columns(high=pl.col("c_low"))
    )


def _sums(claims_of: pl.DataFrame, said: pl.DataFrame) -> pl.DataFrame | None:
    totals = said.filter(pl.col("kind") == "cumulative").with_columns(
        place=_place(pl.col("location"))
    )
    day = [*KEY, "place", "as_of"]
    # one number per subject, place and day: the parts' days are found by it (see _covered_sums)
    totals = _with_group_id(totals, day, "dg")
    tops = _first(totals, ["dg"], descending_low=True)
    concrete = sorted(
        set(tops.get_column("side").unique().to_list()) - {ALL_SIDES, UNKNOWN, THIRD_PARTY}
    )
    found = []
    for dimension, column, parts, whole in (
        ("sides", "side", concrete, ALL_SIDES),
        ("categories", "category", ["military", "civilian"], "unspecified"),
        ("outcomes", "outcome", ["killed", "wounded"], KOW),
    ):
        others = [c for c in day if c != column]
        # each part's largest low that day, summed: what a whole covering them all is held
        # against, and more than the sum of the parts a whole from a later start covers
        sums = (
            tops.filter(pl.col(column).is_in(parts))
            .group_by(others)
            .agg(
                n=pl.len(),
                total=pl.col("low").sum(),
                t_high=pl.col("high").sum(),
                t_open=pl.col("high").is_null().any(),
                stmts=pl.col("stmt"),
                t_bound=pl.coalesce("start", "as_of").min(),
            )
            .filter(pl.col("n") >= 2)
        )
        if not sums.height:
            continue
        pending = (
            totals.filter(pl.col(column) == _name(whole, tops))
            .join(sums.drop("n"), on=others)
            .filter(pl.col("high").is_not_null() & (pl.col("high") < pl.col("total")))
        )
        if not pending.height:
            continue
        # a whole that covers each part's largest low has those for its sum (most wholes);
        # the others sum the parts they cover
        covering = pl.col("start").is_null() | (pl.col("start") <= pl.col("t_bound"))
        below = pending.filter(covering).drop("t_bound")
        later = pending.filter(~covering).drop("total", "t_high", "t_open", "stmts", "t_bound")
        if later.height:
            covered = _covered_sums(totals, tops, later, others, column, parts)
            below = pl.concat([below, covered.select(below.columns)])
        if not below.height:
            continue
        tight = _first(below, day, high_first=True)
        # the parts summed and every whole below their sum, each with all its echoes
        stmts = pl.concat(
            [
                tight.select(*day, "stmts").explode("stmts", empty_as_null=False),
                below.select(*day, stmts="stmt"),
            ]
        )
        ids = (
            stmts.join(claims_of.rename({"stmt": "stmts"}), on="stmts")
            .group_by(day, maintain_order=True)
            .agg(
                claims=pl.col("members")
                .list.explode(keep_nulls=False, empty_as_null=False)
                .unique()
            )
        )
        out = tight.join(ids, on=day, nulls_equal=True).with_columns(
            f_num=pl.col("total"),
            f_den=pl.col("high"),
            f1_low=pl.col("total"),
            f1_high=pl.when(pl.col("t_open")).then(None).otherwise(pl.col("t_high")),
            f1_unit=pl.col("unit"),
            f1_rule=pl.when(pl.col("t_open"))
            .then(_name("at_least", tops))
            .when(pl.col("t_high") == pl.col("total"))
            .then(_name("exact", tops))
            .otherwise(_name("between", tops)),
            f1_stated=pl.when(pl.col("t_open") | (pl.col("t_high") == pl.col("total"))).then(
                pl.col("total")
            ),
            f1_qualifier=pl.lit(None, dtype=names_of(tops)),
            **{f"f2_{c}": pl.col(c) for c in FIG},
            **_params(n="total", src2="source", dimension=pl.lit(dimension)),
        )
        found.append(_out(out, "part_exceeds_whole"))
    return pl.concat(found, how="diagonal_relaxed") if found else None


def _covered_sums(
    totals: pl.DataFrame,
    tops: pl.DataFrame,
    wholes: pl.DataFrame,
    others: list[str],
    column: str,
    parts: list[str],
) -> pl.DataFrame:
    """The ``wholes`` below the sum of the parts' totals they cover, each with its own sum.

    The twin of :func:`claimrecon.flags._covered_tops`: a whole covers a
    part's total of its day when it starts no later than the part's bound
    (its start, or its as-of day where it states none; see
    :func:`claimrecon.flags._covers`).  Per part and day the totals are
    ranked as :func:`claimrecon.flags._highest_low` ranks them; the first of
    each bound is carried down to the earlier bounds (a running minimum of
    the rank, by bound descending), and the wholes of a day from one start
    read it there with an as-of join.  Only the parts of the wholes' days are
    ranked, those no whole covers left out, and each day's wholes from one
    start are summed once.

    ``totals`` are the running totals with their day's number ``dg`` (see
    :func:`_sums`), ``tops`` the first of each day; ``wholes`` are some of the
    totals, each stating a start (a whole with none covers every part), whose
    parts differ from them in ``column`` and share the ``others`` columns of
    their day.  The result has the columns of ``wholes`` and, per whole,
    ``total`` (the sum of the lows), ``t_high`` and ``t_open`` (the sum of the
    highs, and whether one is open) and ``stmts`` (the statements summed).
    """
    # the parts' days the wholes meet, each with the earliest start of those wholes: no whole
    # covers a part's total from before it
    days = (
        tops.filter(pl.col(column).is_in(parts))
        .select("dg", *others)
        .join(wholes.group_by(others).agg(s_min=pl.col("start").min()), on=others)
        .select("dg", "s_min")
    )
    rows = (
        totals.join(days, on="dg")
        .with_columns(bound=pl.coalesce("start", "as_of"))
        .filter(pl.col("bound") >= pl.col("s_min"))
    )
    firsts = _first(rows, ["dg", "bound"], descending_low=True)
    ranked = firsts.sort(
        ["low", *ORDER_COLUMNS],
        descending=[True] + [False] * len(ORDER_COLUMNS),
        nulls_last=True,
    ).with_row_index("_rank")
    # each part's bounds from the latest down: the first in rank so far is the top of what a
    # whole starting on that bound covers (a part's first row always holds its running minimum:
    # filling never crosses parts)
    ladder = ranked.select("dg", *others, "bound", "_rank", "stmt", "low", "high").sort(
        ["dg", "bound"], descending=[False, True]
    )
    ladder = ladder.with_row_index("_i").with_columns(_run=pl.col("_rank").cum_min().over("dg"))
    top = ladder.select(
        pl.when(pl.col("_rank") == pl.col("_run")).then(pl.col("_i")).forward_fill()
    ).to_series()
    ladder = ladder.select("dg", *others, "bound").hstack(
        ladder.select(pl.col("stmt", "low", "high").gather(top).name.prefix("t_"))
    )
    starts = [*others, "start"]
    sums = (
        wholes.select(starts)
        .unique()
        .join(ladder.select(*others, pg="dg").unique(), on=others)
        .sort("start")
        .join_asof(
            ladder.select("bound", "t_stmt", "t_low", "t_high", pg="dg").sort("bound"),
            left_on="start",
            right_on="bound",
            by="pg",
            strategy="forward",
            check_sortedness=False,
        )
        .filter(pl.col("t_low").is_not_null())
        .group_by(starts)
        .agg(
            n=pl.len(),
            total=pl.col("t_low").sum(),
            t_high=pl.col("t_high").sum(),
            t_open=pl.col("t_high").is_null().any(),
            stmts=pl.col("t_stmt"),
        )
        .filter(pl.col("n") >= 2)
        .drop("n")
    )
    return wholes.join(sums, on=starts).filter(pl.col("high") < pl.col("total"))


def _disputed(live: pl.DataFrame) -> pl.DataFrame | None:
    disputed = live.filter(pl.col("disputed"))
    if not disputed.height:
        return None
    reps = _statements(live.join(disputed.select("stmt").unique(), on="stmt"))
    agg = disputed.group_by("stmt").agg(
        claims=pl.col("rid"),  # a claim is one row: listed once
        who=pl.col("disputed_by")
        .list.explode(keep_nulls=False, empty_as_null=False)
        .unique()
        .sort(),
    )
    out = reps.join(agg, on="stmt").with_columns(
        f_num=pl.lit(None, dtype=pl.Int64),
        f_den=pl.lit(None, dtype=pl.Int64),
        **_figs(""),
        **_params(src1="source", who="who"),
    )
    return _out(out, "disputed")


def _undated(live: pl.DataFrame) -> pl.DataFrame | None:
    undated = live.filter(pl.col("as_of").is_null())
    if not undated.height:
        return None
    reps = _statements(undated)
    agg = undated.group_by("stmt").agg(claims=pl.col("rid"))
    out = reps.join(agg, on="stmt").with_columns(
        f_num=pl.lit(None, dtype=pl.Int64),
        f_den=pl.lit(None, dtype=pl.Int64),
        **_figs(""),
        **_params(src1="source"),
    )
    return _out(out, "undated")


def _single_source(live: pl.DataFrame) -> pl.DataFrame | None:
    # one source when its smallest name is its largest: cheaper than counting distinct names
    source = pl.col("source")
    agg = (
        live.group_by(KEY)
        .agg(alone=source.min() == source.max(), src1=source.first())
        .filter(pl.col("alone"))
        .drop("alone")
    )
    if not agg.height:
        return None
    # the claims and figures of the subjects flagged only, not a list of every subject's claims
    # (at 10M, 0.25 s against 0.4 s when none is flagged)
    alone = live.join(agg.select(KEY), on=KEY)
    ids = alone.group_by(KEY).agg(claims=pl.col("rid"))  # a claim is one row: listed once
    figs = (
        alone.select(*KEY, *(c for c in FIG if c != "unit"), "qualifier_text")
        .unique()
        .sort(["low", "high", "rule", "stated", "qualifier_text"], nulls_last=True)
        .group_by(KEY, maintain_order=True)
        .agg(many=_fig())
    )
    out = (
        agg.join(ids, on=KEY)
        .join(figs, on=KEY)
        .with_columns(
            location=pl.lit(None, dtype=names_of(live)),
            as_of=pl.lit(None, dtype=pl.Date),
            f_num=pl.lit(None, dtype=pl.Int64),
            f_den=pl.lit(None, dtype=pl.Int64),
            **_params(src1="src1"),
        )
    )
    return _out(out, "single_source")
