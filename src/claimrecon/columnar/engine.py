"""The columnar engine: flag and reconcile whole tables of claims with polars.

``flag_table`` and ``reconcile_table`` take an Arrow table, a polars or pandas
frame, or a Parquet/Feather path, and return a :class:`FlagTable` or an
:class:`EstimateTable`, whose ``to_flags()`` and ``to_estimates()`` give exactly
what :func:`claimrecon.flag` and :func:`claimrecon.reconcile` give on the same
claims as objects.  The public functions choose this path by themselves for
tables, frames, Parquet files and long lists of claims.

Why polars: measured on this project's 2-core machines (``benchmarks/``), the
same per-subject work ran faster in polars than in DuckDB, in one process,
with no server; every step here is a group-by, a join, an as-of join or a
window, so it maps onto SQL engines too (see the README).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import attrs
import polars as pl

from claimrecon.attribution import COLUMNAR_THRESHOLD, claim_list
from claimrecon.claim import Claim
from claimrecon.columnar.flags import FlagTable, flag_frame
from claimrecon.columnar.prepare import claims_frame, prepare, prepare_columns, to_frame
from claimrecon.columnar.reconcile import EstimateTable, reconcile_frame
from claimrecon.errors import ArgumentError, DuplicateIdError
from claimrecon.flags import check_window
from claimrecon.reconcile import Policy, policy_of
from claimrecon.sides import DEFAULT_SIDES, SideRegistry

__all__ = [
    "COLUMNAR_THRESHOLD",
    "EstimateTable",
    "FlagTable",
    "PreparedClaims",
    "as_table",
    "flag_table",
    "is_tabular",
    "prepare_claims",
    "reconcile_table",
]


_TABLE_SUFFIXES = (".parquet", ".pq", ".arrow", ".feather", ".ipc")


def is_tabular(data: object) -> bool:
    """Whether ``data`` is a table, a frame, a path to a file or claims prepared for the engine."""
    if isinstance(data, pl.DataFrame | pl.LazyFrame | PreparedClaims):
        return True
    pa = sys.modules.get("pyarrow")  # an Arrow table means pyarrow is loaded already
    if pa is not None and isinstance(data, pa.Table):
        return True
    if isinstance(data, str | os.PathLike):
        return True
    module = type(data).__module__
    return module.startswith("pandas")


def as_table(data: Any) -> Any:
    """An Arrow table or polars frame from any accepted input (claims, frame, path)."""
    import pyarrow as pa

    from claimrecon.columnar.convert import claims_to_table, read_table
    from claimrecon.columnar.validate import validate_table

    if isinstance(data, pl.LazyFrame):
        data = data.collect()  # then checked as any frame is
    if isinstance(data, str | os.PathLike):
        path = Path(data)
        if path.name.lower().endswith(_TABLE_SUFFIXES):
            return read_table(path)
        from claimrecon.io import read_claims

        return claims_to_table(read_claims(path))
    if isinstance(data, pl.DataFrame):
        return validate_table(data.to_arrow())
    if isinstance(data, pa.Table):
        return validate_table(data)
    if type(data).__module__.startswith("pandas"):
        return validate_table(pa.Table.from_pandas(data, preserve_index=False))
    return claims_to_table(claim_list(data))  # valid by construction: no second check


@attrs.frozen(eq=False)
class PreparedClaims:
    """Claims made ready for the engine once: checked, with sources, sides and stances.

    :func:`flag_table`, :func:`reconcile_table`, :func:`claimrecon.flag` and
    :func:`claimrecon.reconcile` take it as they take a table, without reading,
    checking or preparing the claims again, so flagging and reconciling the
    same claims pays for that once.  Make one with :func:`prepare_claims`.
    ``rows`` is the engine's frame (one row per claim, names as one sorted
    :class:`polars.Enum`); ``registry`` the side registry it was prepared with.
    """

    rows: pl.DataFrame
    registry: SideRegistry
    #: the claims' ids in order (a claim's ``rid`` is its place here), sorted once
    ids: pl.Series = attrs.field(
        default=attrs.Factory(lambda self: _sorted_ids(self.rows), takes_self=True)
    )

    def __len__(self) -> int:
        return self.rows.height


def prepare_claims(
    data: Any | Iterable[Claim],
    *,
    registry: SideRegistry = DEFAULT_SIDES,
    trust_seal: bool = True,
) -> PreparedClaims:
    """Check and prepare claims (anything :func:`as_table` reads) for the engine, once.

    A Parquet file claimrecon wrote and sealed (:mod:`claimrecon.columnar.seal`)
    is not checked again while its seal verifies; ``trust_seal=False`` checks
    it in full all the same.

    >>> from claimrecon import flag, load_seeds, reconcile
    >>> prepared = prepare_claims(load_seeds())
    >>> len(prepared), len(flag(prepared)) == len(flag(load_seeds()))
    (18, True)
    """
    if isinstance(data, PreparedClaims):
        return _same_registry(data, registry)
    if not is_tabular(data):  # claim objects, valid by construction
        rows = prepare_columns(claims_frame(claim_list(data)), registry)
    elif (frame := _checked_parquet(data, trust_seal)) is not None:  # canonical, valid: polars
        rows = prepare_columns(frame, registry)
        del frame
        ids = _sorted_ids(rows)
        if _repeated(ids):  # the exact path names every repeated id with its line
            return prepare_claims(as_table(data), registry=registry)
        return PreparedClaims(rows, registry, ids)
    else:
        # only the engine's columns are kept: the rest of the table is freed before the work,
        # and handed back by Arrow's allocator, which would otherwise keep it for later reads
        frame = to_frame(as_table(data))
        if (pa := sys.modules.get("pyarrow")) is not None:
            pa.default_memory_pool().release_unused()
        rows = prepare(frame, registry)
    ids = _sorted_ids(rows)
    if _repeated(ids):
        counts = rows.group_by("id").len().filter(pl.col("len") > 1)
        raise DuplicateIdError(sorted(counts.get_column("id").to_list()))
    return PreparedClaims(rows, registry, ids)


def _sorted_ids(rows: pl.DataFrame) -> pl.Series:
    """The ids in order: a claim's rid is the rank of its id, so no text is compared."""
    return rows.select(pl.col("id").sort_by("rid")).to_series()


def _repeated(ids: pl.Series) -> bool:
    """Whether an id of sorted ids is repeated: a repeat sits beside its twin."""
    return bool((ids == ids.shift(1)).any())


def _checked_parquet(data: object, trust_seal: bool) -> pl.DataFrame | None:
    """The engine's columns of a Parquet file that needs no normalizing, read by polars.

    ``None`` for anything else, and for a file the gate does not pass: those
    take :func:`as_table`, which reports every bad row or normalizes the rest.
    """
    if not isinstance(data, str | os.PathLike):
        return None
    from claimrecon.columnar.gate import read_checked_frame

    # ids are checked once ranked, more cheaply
    return read_checked_frame(data, unique_ids=False, trust_seal=trust_seal)


def _same_registry(prepared: PreparedClaims, registry: SideRegistry) -> PreparedClaims:
    """Prepared claims keep their registry: another one given with them is an error."""
    if registry is not prepared.registry and registry is not DEFAULT_SIDES:
        raise ArgumentError(
            "these claims were prepared with another side registry; prepare them again "
            "with prepare_claims(..., registry=...) to use this one"
        )
    return prepared


def flag_table(
    data: Any | Iterable[Claim], *, registry: SideRegistry = DEFAULT_SIDES, window_days: int = 1
) -> FlagTable:
    """Flag a table of claims (or anything :func:`as_table` reads) in one columnar pass."""
    check_window(window_days)
    prepared = prepare_claims(data, registry=registry)
    return flag_frame(prepared.rows, window_days=window_days, ids=prepared.ids)


def reconcile_table(
    data: Any | Iterable[Claim],
    policy: Policy | str = Policy.BEST,
    *,
    registry: SideRegistry = DEFAULT_SIDES,
) -> EstimateTable:
    """Reconcile a table of claims (or anything :func:`as_table` reads) in one columnar pass."""
    policy = policy_of(policy)  # before the claims are read
    return reconcile_frame(prepare_claims(data, registry=registry).rows, policy)
