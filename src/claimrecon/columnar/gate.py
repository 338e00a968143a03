"""A fast gate for Parquet files of claims that are already canonical and valid.

:func:`~claimrecon.columnar.convert.read_table` checks a file exactly: every
bad row is reported, and a file that is valid but not canonical (a unit
spelt ``"people"``, a missing ``rule``, a null ``approx``, an ``int32``
count) is normalized into :data:`~claimrecon.columnar.schema.CLAIM_SCHEMA`.
Most files the engine reads were written by claimrecon itself, and need none
of that.  :func:`read_checked_frame` reads such a file with polars alone and
decides whether it is *canonical and valid*: every rule of
:mod:`claimrecon.columnar.validate` holds, and nothing would be filled in or
normalized.  If so, it returns the engine's columns as a polars frame, the
one :func:`~claimrecon.columnar.prepare.with_original` gives of
``to_frame(read_table(path))``; if anything at all is off it returns
``None``, and the caller takes the exact path, which gives the exact error
list or the normalized table.

A file claimrecon wrote passed these rules as it was written, and carries a
seal saying so (:mod:`claimrecon.columnar.seal`): while the seal verifies,
the gate reads the engine's columns without checking them again.

The gate is conservative by design: it never says "valid" for a file the
exact path would reject or change, and it may say ``None`` for an unusual
file that is valid (an ``int32`` count, a date column of timestamps, text
held as a ``Categorical`` where the schema says text, a Parquet dataset
directory); that costs only speed.

How it checks:

* the file's schema, read from its footer: every column of the flat row
  once, with the type polars gives for its canonical Arrow type (an
  enumeration may come as ``Categorical`` or ``String``); other columns
  are allowed and never read, as the exact path passes them through, unless
  they may hold a float (NaN is no extra of a claim: the exact path checks);
* the engine's columns (:data:`~claimrecon.columnar.prepare.NEEDED`) are
  read into the frame it returns (the claimant and the chain become the
  original claimant once checked); the other columns of the flat row are
  read by a lazy query beside it, only to be checked, and dropped;
* rules on rows (bounds and rules of a figure, ``approx``, periods,
  evidence spans, dates per hop, a hop cited twice, disputers per status,
  the outcomes of a unit, blank or padded text, unique ids): polars
  expressions, each reduced to one boolean: a parallel ``select`` over the
  engine's columns, then a streamed ``select`` and ``group_by`` over the
  others, a slice of :data:`OTHER_SLICE_ROWS` rows at a time;
* rules on text values (units, sides, enumerations, names of hops and
  disputers, claimants, places, qualifiers, dates written as text, the JSON
  objects of ``extra``): once per *distinct* value, in Python, with the
  model's own functions; ``as_of`` is compared with the publication date by
  grouping the rows by ``published``: each group's latest ``as_of`` against
  that date, parsed once.

It reads with polars only and builds no Arrow array from Python values, so
that pyarrow never imports pandas on this path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import polars as pl
from polars.datatypes import DataTypeClass

from claimrecon.claim import (
    ALL_SIDES,
    EQUIPMENT_OUTCOMES,
    LIST_SEPARATOR,
    MAX_COUNT,
    PEOPLE_OUTCOMES,
    Hop,
    Status,
    Subject,
)
from claimrecon.columnar._parallel import side_by_side
from claimrecon.columnar._rules import ENUM_WORDS, STRIP_SPACE, json_object
from claimrecon.columnar.columns import (
    BOOL_COLUMNS,
    CLAIM_COLUMNS,
    DATE_COLUMNS,
    DICTIONARY_COLUMNS,
    EXTRA_COLUMN,
    INTEGER_COLUMNS,
    LIST_COLUMNS,
    TEXT_COLUMNS,
)
from claimrecon.columnar.prepare import NEEDED, original_columns, with_original
from claimrecon.columnar.seal import is_sealed
from claimrecon.figure import APPROXIMATE_RULES, Rule
from claimrecon.io.rows import _as_moment, _local_day
from claimrecon.units import PEOPLE, canonical_unit, is_equipment

__all__ = ["read_checked_frame"]

_PARQUET = (".parquet", ".pq")

_SPACES = "".join(f"\\x{{{ord(c):x}}}" for c in STRIP_SPACE)
#: text with one character that is not white space: text ``str.strip()`` leaves non-empty
_NOT_BLANK = f"[^{_SPACES}]"
#: text that ``str.strip()`` would change: white space first or last
_PADDED = f"^[{_SPACES}]|[{_SPACES}]$"

_ENUMS = {name: frozenset(words) for name, words in ENUM_WORDS.items()}


def _accepted_types(column: str) -> tuple[pl.DataType, ...]:
    """The polars types of a canonical column, as polars reads its Arrow type."""
    if column in INTEGER_COLUMNS:
        return (pl.Int64(),)
    if column in DICTIONARY_COLUMNS:
        return (pl.Categorical(), pl.String())
    if column in DATE_COLUMNS:
        return (pl.Date(),)
    if column in LIST_COLUMNS:
        return (pl.List(pl.String()),)
    if column in BOOL_COLUMNS:
        return (pl.Boolean(),)
    if column in TEXT_COLUMNS:
        return (pl.String(),)
    raise AssertionError(f"no type for column {column!r}")  # pragma: no cover


#: each column of the flat row and the polars types it may have
_TYPES: dict[str, tuple[pl.DataType, ...]] = {name: _accepted_types(name) for name in CLAIM_COLUMNS}
#: the columns no rule of the engine's own columns reads, read only to be checked
_OTHER = tuple(n for n in CLAIM_COLUMNS if n not in NEEDED)


def read_checked_frame(
    path: str | os.PathLike[str], *, unique_ids: bool = True, trust_seal: bool = True
) -> pl.DataFrame | None:
    """The engine's columns of a canonical, valid Parquet file of claims, or ``None``.

    Returns a polars frame with the columns
    :data:`~claimrecon.columnar.prepare.ORIGINAL_COLUMNS`, in that order, when
    the file holds every column of the flat row with its canonical type,
    breaks no rule and needs no default or normalization: the frame
    :func:`~claimrecon.columnar.prepare.with_original` gives of
    ``to_frame(read_table(path))``.  Returns ``None``
    for anything else (a bad row, a missing column, a unit not written as the
    registry's own name, a directory, a file that is not Parquet): the caller
    then reads the file with :func:`~claimrecon.columnar.convert.read_table`,
    which reports every bad row or normalizes the table.

    A file whose seal verifies (see :mod:`claimrecon.columnar.seal`) passed
    these very rules when claimrecon wrote it, and has not changed since: it
    is read without checking it again, unless ``trust_seal=False``.

    ``unique_ids=False`` leaves one rule to the caller: that no id is
    repeated.  :func:`~claimrecon.columnar.engine.prepare_claims` checks it
    after ranking the ids, more cheaply than a hash of every id here.
    """
    file = Path(path)
    if not file.name.lower().endswith(_PARQUET) or not file.is_file():
        return None
    return checked_file(file, unique_ids=unique_ids, trust_seal=trust_seal)


def checked_file(
    file: Path, *, unique_ids: bool = True, trust_seal: bool = True
) -> pl.DataFrame | None:
    """:func:`read_checked_frame` of a file whatever its name (a file being written, say)."""
    try:
        before = _identity(file)
        lazy = pl.scan_parquet(file, glob=False, hive_partitioning=False)
        if not _canonical_schema(lazy.collect_schema()):
            return None
        if trust_seal and is_sealed(file):
            # nothing to check: the claimant and the chain are read only to find ``original``
            frame = _one_chunk(lazy.select(original_columns()))
            if _identity(file) == before:  # the seal vouches for what was read: the same file
                return frame
            return checked_file(file, unique_ids=unique_ids, trust_seal=False)
        frame = _one_chunk(lazy.select(*NEEDED))
        broken = _broken_rules(frame, lazy.select(*_OTHER), unique_ids=unique_ids)
    except (OSError, pl.exceptions.PolarsError):
        return None
    return None if broken else with_original(frame)


def _one_chunk(columns: pl.LazyFrame) -> pl.DataFrame:
    """The columns read, one chunk each.

    A file of many row groups is read as many chunks, which the engine's steps
    would otherwise join again each time, more slowly and holding more.
    """
    return columns.collect().rechunk()


def _identity(file: Path) -> tuple[int, ...]:
    """What tells one state of a file from another: its device, inode, size and change time.

    A file replaced (claimrecon's writers rename a new file into place) or
    written to in place while it is read shows another identity after.
    """
    info = file.stat()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _canonical_schema(schema: pl.Schema) -> bool:
    """Whether every column of the flat row is there once, with its canonical type.

    A column of the file's own that may hold a float (NaN or infinite, which
    no extra of a claim may be) sends the file to the exact path, which
    checks its cells: this gate never reads such columns.
    """
    names = schema.names()
    if len(set(names)) != len(names):
        return False
    if any(_holds_floats(schema[name]) for name in names if name not in _TYPES):
        return False
    return all(name in schema and schema[name] in types for name, types in _TYPES.items())


def _holds_floats(kind: pl.DataType | DataTypeClass) -> bool:
    """Whether values of a polars type may hold a float, at any depth."""
    if kind.is_float():
        return True
    if isinstance(kind, pl.List | pl.Array):
        return _holds_floats(kind.inner)
    if isinstance(kind, pl.Struct):
        return any(_holds_floats(field.dtype) for field in kind.fields)
    return False


# -- rules on rows ------------------------------------------------------------

_PEOPLE_OUTCOMES = sorted(o.value for o in PEOPLE_OUTCOMES)
_EQUIPMENT_OUTCOMES = sorted(o.value for o in EQUIPMENT_OUTCOMES)


def _engine_rules() -> dict[str, pl.Expr]:
    """The rules on rows of the engine's columns: true where a row keeps one (null: broken)."""
    c = pl.col
    low, high, stated, rule = c("low"), c("high"), c("stated"), c("rule")
    rules: dict[str, pl.Expr] = {
        "id is not empty": c("id").str.len_bytes() > 0,
        "id is not padded": ~c("id").str.contains(_PADDED),
        "low is set and >= 0": low >= 0,
        "high is open or >= low": high.is_null() | (high >= low),
        "stated is >= 0": stated.is_null() | (stated >= 0),
        "counts are at most 2**53 - 1": (low <= MAX_COUNT)
        & (high.is_null() | (high <= MAX_COUNT))
        & (stated.is_null() | (stated <= MAX_COUNT)),
        "an exact figure has high == low": (rule != Rule.EXACT.value) | (high == low),
        "an exact figure states low": (rule != Rule.EXACT.value)
        | stated.is_null()
        | (stated == low),
        "an open rule has no high": ~rule.is_in([Rule.AT_LEAST.value, Rule.MORE_THAN.value])
        | high.is_null(),
        "a closed rule has a high": ~rule.is_in(
            [Rule.AT_MOST.value, Rule.FEWER_THAN.value, Rule.BETWEEN.value]
        )
        | high.is_not_null(),
        "an upper-bound rule has low 0": ~rule.is_in([Rule.AT_MOST.value, Rule.FEWER_THAN.value])
        | (low == 0),
        # units are checked to be the registry's own names, of which only PEOPLE counts people
        "the outcome fits the unit": pl.when(c("unit") == PEOPLE)
        .then(c("outcome").is_in(_PEOPLE_OUTCOMES))
        .otherwise(c("outcome").is_in(_EQUIPMENT_OUTCOMES)),
        "period_start is on or before as_of": c("period_start").is_null()
        | c("as_of").is_null()
        | (c("period_start") <= c("as_of")),
        "a chain cites no hop twice": c("reported_by").list.n_unique()
        == c("reported_by").list.len(),
        "disputed_by names disputers exactly when disputed": (c("status") == Status.DISPUTED.value)
        == (c("disputed_by").list.len() > 0),
    }
    for name in ("id", "low", "reported_by", "disputed_by"):
        rules[f"{name} is not null"] = c(name).is_not_null()
    return rules


def _other_rules() -> dict[str, pl.Expr]:
    """The rules on rows of the other columns, with ``as_of``, ``rule`` and ``hops`` beside."""
    c = pl.col
    start, end, evidence = c("evidence_start"), c("evidence_end"), c("evidence")
    dates = c("reported_dates").list.len()
    rules: dict[str, pl.Expr] = {
        "approx is what the rule says": c("approx")
        == c("rule").is_in(sorted(r.value for r in APPROXIMATE_RULES)),
        "reported_dates has one date per hop or none": (dates == 0) | (dates == c("hops")),
        "evidence_start is >= 0": start.is_null() | (start >= 0),
        "evidence_end is >= 0": end.is_null() | (end >= 0),
        "evidence_start and evidence_end come together": start.is_null() == end.is_null(),
        "evidence_end is >= evidence_start": end.is_null() | (end >= start),
        "evidence is not empty": evidence.is_null() | (evidence.str.len_bytes() > 0),
        "evidence is as long as its span": evidence.is_null()
        | start.is_null()
        | (evidence.str.len_chars().cast(pl.Int64) == end - start),
    }
    for name in ("document", "url", "note"):
        rules[f"{name} is not blank"] = c(name).is_null() | c(name).str.contains(_NOT_BLANK)
    for name in ("reported_dates", "approx"):
        rules[f"{name} is not null"] = c(name).is_not_null()
    return rules


def _whole(rules: dict[str, pl.Expr]) -> list[pl.Expr]:
    """Each rule reduced to one boolean: whether every row keeps it."""
    return [rule.fill_null(False).all().alias(name) for name, rule in rules.items()]


_ENGINE_RULES = _engine_rules()
_OTHER_RULES = _other_rules()
#: ids are unique: the one rule on rows that reduces a whole column
_UNIQUE_IDS = (pl.col("id").n_unique() == pl.len()).alias("ids are unique")


# -- rules on distinct values -------------------------------------------------


def _entries(name: str) -> pl.Expr:
    """The entries of a list column, row by row (a null entry kept, an empty list adds none)."""
    return pl.col(name).explode(keep_nulls=False, empty_as_null=False)


def _distinct(names: Iterable[str]) -> dict[str, pl.Expr]:
    # in order of first sight: polars' streaming engine finds the distinct texts of a long
    # column about twice as fast that way as without keeping an order
    return {
        name: (_entries(name) if name in LIST_COLUMNS else pl.col(name))
        .unique(maintain_order=True)
        .implode()
        for name in names
    }


#: the distinct values of each column a rule in Python reads: units, sides, enumerations,
#: names of hops and disputers, dates of hops, and names of claimants, places and qualifiers
#: (a handful of distinct texts over many rows)
_ENGINE_DISTINCT = _distinct(
    n
    for n in NEEDED
    if n in (*DICTIONARY_COLUMNS, *LIST_COLUMNS, "claimant", "location", "qualifier")
)
_OTHER_DISTINCT = _distinct(
    n for n in _OTHER if n in (*DICTIONARY_COLUMNS, *LIST_COLUMNS, EXTRA_COLUMN)
)


def _member(words: frozenset[str]) -> Callable[[Any], bool]:
    return lambda value: value in words


def _unit(value: Any) -> bool:
    # the rule on outcomes above takes PEOPLE for the one unit of people
    return (
        bool(value) and canonical_unit(value) == value and is_equipment(value) == (value != PEOPLE)
    )


def _text(value: Any) -> bool:
    # the model's own rule: None, or text that str.strip() leaves non-empty
    return value is None or bool(value.strip())


def _subject_side(value: Any) -> bool:
    if not value:  # an empty side takes the default
        return False
    Subject(side=value)
    return True


def _claimant_side(value: Any) -> bool:
    return value != ALL_SIDES and _subject_side(value)


def _hop(value: Any) -> bool:
    if value is None:
        return False
    Hop(value)
    return True


def _hop_date(value: Any) -> bool:
    if value is not None:  # an undated hop
        _as_moment(value)
    return True


def _extra(value: Any) -> bool:
    return value is None or json_object(value) is not None


def _disputer(value: Any) -> bool:
    # a null entry would be dropped: the file is not canonical
    return value is not None and bool(value.strip()) and LIST_SEPARATOR.strip() not in value


_VALUE_RULES: dict[str, Callable[[Any], bool]] = {
    **{name: _member(words) for name, words in _ENUMS.items()},
    "unit": _unit,
    "claimant_side": _claimant_side,
    "subject_side": _subject_side,
    "reported_by": _hop,
    "reported_dates": _hop_date,
    "disputed_by": _disputer,
    EXTRA_COLUMN: _extra,
    "claimant": _text,
    "location": _text,
    "qualifier": _text,
}


def _holds(check: Callable[[Any], bool], values: Iterable[Any]) -> bool:
    """Whether ``check`` holds for every value (a value it raises for breaks it).

    Any error counts as broken, not only the model's own: the exact path then
    reports (or raises) what it will.
    """
    try:
        return all(check(value) for value in values)
    except Exception:
        return False


def _published_after(groups: pl.DataFrame) -> bool:
    """Whether every publication date parses, and no row's ``as_of`` is after its own."""
    for published, latest in groups.iter_rows():
        if published is None:
            continue
        try:
            day = _local_day(published)
        except (ValueError, TypeError):
            return False
        if latest is not None and latest > day:
            return False
    return True


#: the other columns are checked this many rows at a time
OTHER_SLICE_ROWS = 250_000


def _other_columns(
    frame: pl.DataFrame, others: pl.LazyFrame
) -> tuple[dict[str, Any], pl.DataFrame]:
    """The rules on the other columns, and each publication date's latest ``as_of``.

    The other columns are streamed beside the engine's few they are compared
    with, :data:`OTHER_SLICE_ROWS` rows at a time: a slice is read, checked
    and dropped before the next, so that a file of one large row group is
    never held whole.  Measured with ``benchmarks/scale.py``: at a million
    claims in one row group, this pass peaks about 90 MB lower than one pass
    over the whole file and the engine's whole run about 40 MB lower; at ten
    million the gate alone peaks about 1.2 GB lower.
    """
    beside = frame.lazy().select("as_of", "rule", hops=pl.col("reported_by").list.len())
    rest = pl.concat([beside, others], how="horizontal_extend")  # of one height
    found: dict[str, Any] = {}
    dates = []
    for start in range(0, max(frame.height, 1), OTHER_SLICE_ROWS):
        piece = rest.slice(start, OTHER_SLICE_ROWS)
        checked, latest = pl.collect_all(
            [
                piece.select(
                    *_whole(_OTHER_RULES),
                    *(values.alias(f"values of {n}") for n, values in _OTHER_DISTINCT.items()),
                ),
                piece.group_by("published").agg(pl.col("as_of").max()),
            ],
            engine="streaming",
        )
        for name, value in checked.row(0, named=True).items():
            if name not in found:
                found[name] = value
            elif name.startswith("values of "):
                found[name] = list(dict.fromkeys([*found[name], *value]))
            else:
                found[name] = found[name] is True and value is True
        dates.append(latest)
    return found, pl.concat(dates).group_by("published").agg(pl.col("as_of").max())


def _broken_rules(
    frame: pl.DataFrame, others: pl.LazyFrame, *, unique_ids: bool = True
) -> list[str]:
    """The rules a file breaks, by name (none for a canonical, valid file).

    ``frame`` holds the engine's columns, ``others`` reads the other columns
    of the same rows from the file.
    """
    on_engine_columns = frame.lazy().select(
        *_whole(_ENGINE_RULES),
        _UNIQUE_IDS if unique_ids else pl.lit(True).alias(_UNIQUE_IDS.meta.output_name()),
        *(values.alias(f"values of {name}") for name, values in _ENGINE_DISTINCT.items()),
    )
    if side_by_side(frame.height) > 1:
        # the streamed pass leaves a core idle much of the time: the other runs meanwhile
        with ThreadPoolExecutor(max_workers=1) as pool:
            running = pool.submit(on_engine_columns.collect)
            other, dates = _other_columns(frame, others)
            engine = running.result()
    else:
        engine = on_engine_columns.collect()
        other, dates = _other_columns(frame, others)
    found = {**engine.row(0, named=True), **other}
    rules = (*_ENGINE_RULES, _UNIQUE_IDS.meta.output_name(), *_OTHER_RULES)
    broken = [name for name in rules if found[name] is not True]
    for name, check in _VALUE_RULES.items():
        if not _holds(check, found[f"values of {name}"]):
            broken.append(f"values of {name}")
    if not _published_after(dates):
        broken.append("as_of is not after publication")
    return broken
