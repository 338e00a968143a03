"""Estimates of an estimate table as text, in listing order, without an object per estimate.

``claimrecon reconcile --format csv`` on a million claims lists tens of
thousands of estimates whose traces hold a million entries.
:func:`estimate_texts` gives the cells of that file straight from an
:class:`~claimrecon.columnar.reconcile.EstimateTable`: one row per estimate,
the same text
``to_csv_text(estimate_records(estimates, trace=False), columns=ESTIMATE_CSV_COLUMNS)``
writes, built by polars a column at a time.  :func:`write_estimates_json`
writes the indented JSON list of ``claimrecon reconcile --format json``, trace
included, the same text as ``to_json_text(estimate_records(estimates))``.
Tests pin both files to the object path's, byte for byte.

* Estimates are listed as :func:`claimrecon.reconcile` lists them (by
  subject, place, kind and date), each trace in order of claim and action.
* Dates are written once per distinct day with :meth:`datetime.date.isoformat`,
  and texts that JSON must escape once per distinct text with :func:`json.dumps`.
"""

from __future__ import annotations

import json
import os
from datetime import date

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import polars as pl

from claimrecon.columnar.reconcile import BASE, EstimateTable, in_order
from claimrecon.columnar.texts import (
    each,
    json_list,
    json_string,
    write_cells,
    write_pieces,
    write_text,
)
from claimrecon.io.results import ESTIMATE_CSV_COLUMNS
from claimrecon.reconcile import TraceAction

__all__ = ["ESTIMATE_CSV_COLUMNS", "estimate_texts", "write_estimates_csv", "write_estimates_json"]


_TEXT = pl.String()
_INDENT = "  "
_ASIDE = pl.col("action") == TraceAction.SET_ASIDE.value


def _day(frame: pl.DataFrame, column: str) -> pl.Expr:
    return each(frame, pl.col(column), date.isoformat)


def estimate_texts(table: EstimateTable) -> pl.DataFrame:
    """One row of text per estimate, in listing order: the cells of an estimate CSV file.

    The columns are :data:`ESTIMATE_CSV_COLUMNS`; a cell with no value is
    null.  ``used`` and ``set_aside`` list the trace's ids joined by ``"; "``.
    The cells are not yet defused for spreadsheets (see
    :func:`write_estimates_csv`).
    """
    rows, entries = in_order(table)
    ids = entries.group_by("_row").agg(
        used=pl.col("id").filter(~_ASIDE).str.join("; "),
        set_aside=pl.col("id").filter(_ASIDE).str.join("; "),
    )
    return (
        rows.join(ids, on="_row", how="left")
        .sort("_row")
        .select(
            *(pl.col(c).cast(_TEXT) for c in BASE),
            kind=pl.col("e_kind").cast(_TEXT),
            start=_day(rows, "e_start"),
            as_of=_day(rows, "e_as_of"),
            low=pl.col("low").cast(_TEXT),
            best=pl.col("best").cast(_TEXT),
            high=pl.col("high").cast(_TEXT),
            grade=pl.col("grade").cast(_TEXT),
            policy=pl.lit(table.policy.value, dtype=_TEXT),
            sources=pl.col("sources").cast(_TEXT),
            note=pl.col("note").cast(_TEXT),
            used=pl.col("used"),
            set_aside=pl.col("set_aside"),
        )
    )


def write_estimates_csv(table: EstimateTable, output: str | os.PathLike[str] | None = None) -> None:
    """Write an estimate table as ``claimrecon reconcile --format csv`` writes its estimates.

    To ``output`` atomically, or to standard output when it is ``None``.
    """
    write_cells(estimate_texts(table), output)


def _items(values: pl.Expr, depth: int) -> pl.Expr:
    """Texts already in JSON, as the items of an indented JSON list at ``depth`` (in a group)."""
    inner, outer = _INDENT * (depth + 1), _INDENT * depth
    return pl.concat_str(
        pl.lit("[\n" + inner), values.str.join(",\n" + inner), pl.lit("\n" + outer + "]")
    )


def _field(name: str, value: pl.Expr, depth: int = 2) -> list[pl.Expr]:
    return [pl.lit(f'{_INDENT * depth}"{name}": '), value]


def _record(rows: pl.DataFrame, policy: str) -> pl.Expr:
    """Each estimate as its record in an indented JSON list (``json.dumps(records, indent=2)``).

    ``rows`` has the estimates with their trace, ids used and ids set aside
    already as JSON lists (``_trace``, ``_used``, ``_set_aside``).
    """

    def text(expr: pl.Expr) -> pl.Expr:
        return json_string(rows, expr.cast(_TEXT)).fill_null("null")

    def number(name: str) -> pl.Expr:
        return pl.col(name).cast(_TEXT).fill_null("null")

    def listed(name: str) -> pl.Expr:
        return pl.col(name).fill_null("[]")

    fields = {
        **{c: text(pl.col(c)) for c in BASE},
        "kind": text(pl.col("e_kind")),
        "start": text(_day(rows, "e_start")),
        "as_of": text(_day(rows, "e_as_of")),
        "low": number("low"),
        "best": number("best"),
        "high": number("high"),
        "grade": text(pl.col("grade")),
        "policy": pl.lit(json.dumps(policy), dtype=_TEXT),
        "sources": number("sources"),
        "trace": listed("_trace"),
        "note": text(pl.col("note")),
        "used": listed("_used"),
        "set_aside": listed("_set_aside"),
    }
    pieces: list[pl.Expr] = [pl.lit(_INDENT + "{\n")]
    for i, (name, value) in enumerate(fields.items()):
        pieces += [pl.lit(",\n" if i else ""), *_field(name, value)]
    pieces.append(pl.lit("\n" + _INDENT + "}"))
    return pl.concat_str(pieces)


def write_estimates_json(
    table: EstimateTable, output: str | os.PathLike[str] | None = None
) -> None:
    """Write an estimate table as ``claimrecon reconcile --format json`` writes its estimates.

    The same text as ``to_json_text(estimate_records(table.to_estimates()))``:
    an indented JSON list of records, each with its trace, to ``output``
    atomically, or to standard output when it is ``None``.
    """
    if not len(table):
        write_text("[]\n", output)
        return
    rows, entries = in_order(table)
    # each trace entry as a JSON object at depth 3, its fields at depth 4
    key = {k: _INDENT * 4 + f'"{k}": ' for k in ("claim", "action", "reason")}
    entries = entries.with_columns(_id=json_string(entries, pl.col("id"))).with_columns(
        _entry=pl.concat_str(
            pl.lit("{\n" + key["claim"]),
            pl.col("_id"),
            pl.lit(",\n" + key["action"]),
            _dumped(entries, "action"),  # a few distinct texts: each dumped once
            pl.lit(",\n" + key["reason"]),
            _dumped(entries, "reason"),
            pl.lit("\n" + _INDENT * 3 + "}"),
        ),
    )
    lists = entries.group_by("_row").agg(
        _trace=_items(pl.col("_entry"), 2),
        _used=pl.when((~_ASIDE).any()).then(_items(pl.col("_id").filter(~_ASIDE), 2)),
        _set_aside=pl.when(_ASIDE.any()).then(_items(pl.col("_id").filter(_ASIDE), 2)),
    )
    rows = rows.join(lists, on="_row", how="left").sort("_row")
    write_pieces(json_list(rows.select(_record(rows, table.policy.value)).to_series()), output)


def _dumped(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A text column of few distinct values as JSON strings, each written by :func:`json.dumps`."""
    return each(frame, pl.col(column), lambda v: json.dumps(v, ensure_ascii=False))
