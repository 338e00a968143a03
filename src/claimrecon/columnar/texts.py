"""Flags of a flag table in listing order: as text without an object per flag, or as objects.

``claimrecon flag --format csv`` on a million claims lists hundreds of
thousands of flags.  :func:`flag_texts` gives the cells of that file straight
from a :class:`~claimrecon.columnar.flags.FlagTable`: one row per flag, the
same text the object path writes,
``to_csv_text(flag_records(flag(claims)), columns=FLAG_CSV_COLUMNS)`` (tests
pin the two files byte for byte), built by polars a column at a time.

* Messages are rendered from :data:`claimrecon.flags.MESSAGES`, the templates
  the object path fills with :meth:`str.format`: each field of a template is a
  text column, and the template's literal text is put around them.
* Whatever Python formats (a figure's reading and its JSON record, a
  subject's text, a date, a factor) is formatted once per *distinct* value
  with the object path's own functions, and mapped onto the rows.
* Rows sort as :func:`claimrecon.flags.sort_flags` sorts flags: by code,
  subject text, as-of text, claims and message.

:func:`flag_objects` builds the :class:`~claimrecon.flags.Flag` objects of
:meth:`FlagTable.to_flags <claimrecon.columnar.flags.FlagTable.to_flags>` from
the same listing: messages rendered and rows sorted by polars, then one object
a row, and one :class:`~claimrecon.figure.Figure` per distinct figure.

:func:`write_flags_csv` writes the rows as CSV (formula-like cells defused as
:func:`claimrecon.io.csvfile.neutralize` does), and :func:`write_flags_json`
as the indented JSON list ``claimrecon flag --format json`` writes (the same
text as ``to_json_text(flag_records(...))``), each to a file atomically or to
standard output.
"""

from __future__ import annotations

import json
import os
import string
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

import polars as pl

from claimrecon._gc import no_gc
from claimrecon.columnar.flags import FIG, IN_MEMORY, FlagTable
from claimrecon.figure import Figure, describe
from claimrecon.flags import (
    ALL_PLACES,
    CODES,
    MESSAGES,
    PART_WHAT,
    SEVERITIES,
    Flag,
    ratio,
    stance_text,
)
from claimrecon.io._atomic import atomic_write
from claimrecon.io.csvfile import FORMULA_START
from claimrecon.io.results import FLAG_CSV_COLUMNS

__all__ = ["CSV_COLUMNS", "flag_texts", "write_flags_csv", "write_flags_json"]

#: the columns of a flag CSV file, in order (a file with no flag has them too)
CSV_COLUMNS = FLAG_CSV_COLUMNS

_TEXT = pl.String()
#: one level of an indented JSON file, and what stands between two items of a list three down
_INDENT = "  "
_ITEM = ",\n" + _INDENT * 3
_SUBJECT = ("unit", "side", "category", "outcome")
#: what ``json.dumps(..., ensure_ascii=False)`` writes, with one encoder for every figure
#: (``json.dumps`` makes a new one at each call that passes options)
_ONE_LINE = json.JSONEncoder(ensure_ascii=False)
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=2)


def each(
    frame: pl.DataFrame,
    expr: pl.Expr,
    fn: Callable[[Any], str],
    where: pl.Expr | None = None,
) -> pl.Expr:
    """``fn`` of each value of ``expr``, computed once per distinct value (null stays null).

    With ``where``, only for the values of the rows it selects; the others become null.
    """
    shown = expr if where is None else expr.filter(where)
    values = frame.select(shown.drop_nulls().unique().alias("v")).to_series()
    texts = pl.Series([fn(v) for v in values.to_list()], dtype=_TEXT)
    return expr.replace_strict(values, texts, default=None, return_dtype=_TEXT)


def _render(template: str, fields: Mapping[str, pl.Expr]) -> pl.Expr:
    """A template of :data:`~claimrecon.flags.MESSAGES` as one text expression.

    A field with a format spec is looked up as ``name:spec``, so that a field
    formatted two ways (a factor to two places or to one) is never mixed up.
    A missing value reads as :meth:`str.format` writes it on the object path:
    ``None``, and ``nan`` for a factor (which the object path shows as NaN).
    """
    pieces: list[pl.Expr] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if literal:
            pieces.append(pl.lit(literal, dtype=_TEXT))
        if name is not None:
            if conversion:  # pragma: no cover - no template converts a field
                raise ValueError(f"a message field cannot convert: {name}!{conversion}")
            missing = "nan" if spec else "None"
            pieces.append(fields[f"{name}:{spec}" if spec else name].fill_null(missing))
    return pl.concat_str(pieces)


#: what a flag listing is for: a CSV file, an indented JSON file, or Flag objects
Form = Literal["csv", "json", "objects"]


def _figures(frame: pl.DataFrame, form: Form) -> tuple[pl.DataFrame, list[Figure]]:
    """Each flag's figures: ``_row`` with ``_d1``, ``_d2`` (their readings) and, by ``form``:

    * ``csv``: ``_figures_text``, their records as one JSON list on one line
      (null for a flag without figures);
    * ``json``: ``_figures_text``, the same list as an indented JSON file holds
      it (``[]`` for none);
    * ``objects``: ``_figs``, the flag's figures in order, each as its place in
      the list of distinct figures returned beside the frame.

    A figure is built, read (:func:`~claimrecon.figure.describe`) and written
    as a record once per distinct figure.
    """
    named = {c: pl.col(c).cast(_TEXT) for c in ("unit", "rule", "qualifier")}
    slots = [
        frame.select("_row", _pos=pl.lit(i, dtype=pl.UInt32), **{c: f"f{i}_{c}" for c in FIG})
        .filter(pl.col("low").is_not_null())
        .with_columns(**named)
        for i in (1, 2)
    ]
    many = (
        frame.select("_row", "many")
        .filter(pl.col("many").is_not_null())
        .explode("many", empty_as_null=False)
        .filter(pl.col("many").is_not_null())
        .with_columns(_pos=pl.int_range(pl.len(), dtype=pl.UInt32).over("_row"))
        .unnest("many")
        .with_columns(**named)
        .select("_row", "_pos", *FIG)
    )
    shown = pl.concat([*slots, many], how="vertical_relaxed")
    distinct = shown.select(FIG).unique().with_row_index("_fig")
    figures = [Figure(*values) for values in distinct.drop("_fig").iter_rows()]
    texts = {"_reading": [describe(figure) for figure in figures]}
    if form != "objects":
        texts["_record"] = [_figure_record(figure, indented=form == "json") for figure in figures]
    distinct = distinct.with_columns(
        **{name: pl.Series(values, dtype=_TEXT) for name, values in texts.items()}
    )
    shown = shown.join(distinct, on=FIG, nulls_equal=True)
    out = frame.select("_row", "many")
    for i in (1, 2):
        slot = {f"_d{i}": "_reading"} | ({} if form == "objects" else {f"_r{i}": "_record"})
        out = out.join(
            shown.filter(pl.col("_pos") == i).select("_row", **slot), on="_row", how="left"
        )
    if form == "objects":
        in_order = (
            shown.sort("_row", "_pos").group_by("_row", maintain_order=True).agg(_figs="_fig")
        )
        return out.join(in_order, on="_row", how="left").drop("many"), figures
    # a flag shows one or two figures in its slots, or a list of them: a list is put together
    # by a group-by, the slots by concatenating two texts
    between, opening, closing = (
        (_ITEM, "[\n" + _INDENT * 3, "\n" + _INDENT * 2 + "]")
        if form == "json"
        else (", ", "[", "]")
    )
    listed = (
        shown.filter(pl.col("_row").is_in(many.get_column("_row").implode()))
        .sort("_row", "_pos")
        .group_by("_row", maintain_order=True)
        .agg(_many=pl.col("_record").str.join(between))
    )
    out = out.join(listed, on="_row", how="left")
    in_slots = pl.concat_str("_r1", pl.concat_str(pl.lit(between), "_r2"), ignore_nulls=True)
    text = pl.concat_str(
        pl.lit(opening),
        pl.when(pl.col("many").is_not_null()).then("_many").otherwise(in_slots),
        pl.lit(closing),
    )
    # no figure at all is an empty cell, as an empty list is, and [] in JSON
    none = pl.col("_r1").is_null() & pl.col("_many").is_null()
    empty = pl.lit("[]") if form == "json" else pl.lit(None, dtype=_TEXT)
    return out.select(
        "_row", "_d1", "_d2", _figures_text=pl.when(none).then(empty).otherwise(text)
    ), figures


def _figure_record(figure: Figure, *, indented: bool) -> str:
    """A figure's record as JSON: on one line, or as an indented JSON file holds it."""
    from claimrecon.io.results import converter

    record = converter.unstructure(figure)
    if not indented:
        return _ONE_LINE.encode(record)
    # three levels down in the file
    return _INDENTED.encode(record).replace("\n", "\n" + _INDENT * 3)


def _messages(frame: pl.DataFrame) -> pl.DataFrame:
    """Each flag's message (``_row``, ``message``), from its code's template."""
    c = pl.col

    def text(name: str) -> pl.Expr:
        return c(name).cast(_TEXT)

    def as_text(name: str) -> pl.Expr:  # a date or a number, as str() writes it
        return each(frame, c(name), str)

    def place(name: str, beside: str | None = None) -> pl.Expr:
        """:func:`~claimrecon.flags.place_text` of a place column (and the place beside it)."""
        nowhere = pl.lit("", dtype=_TEXT)
        if beside is not None:
            nowhere = (
                pl.when(c(beside).is_null()).then(nowhere).otherwise(pl.lit(f" in {ALL_PLACES}"))
            )
        return pl.when(c(name).is_null()).then(nowhere).otherwise(pl.lit(" in ") + text(name))

    def subject(side: str, category: str, outcome: str, where: pl.Expr) -> pl.Expr:
        return pl.concat_str(
            text(side), pl.lit(" "), text(category), pl.lit(" "), text(outcome),
            pl.lit(" ("), text("unit"), pl.lit(")"), where,
        )  # fmt: skip

    common = {
        "subject": subject("side", "category", "outcome", place("location")),
        "as_of": as_text("as_of"),
        "side": text("side"),
        "category": text("category"),
        "outcome": text("outcome"),
        "source": text("p_src1"),
    }
    partisan_basis = _render(
        MESSAGES["partisan_basis"],
        {
            "ref_outcome": text("p_outcome2"),
            "ref_figure": c("_d2"),
            "ceiling": as_text("p_ceiling"),
            "outcome": text("outcome"),
        },
    )
    fields: dict[str, dict[str, pl.Expr]] = {
        "divergent": {
            "sources": as_text("p_n"),
            "high_source": text("p_src2"),
            "high_figure": c("_d2"),
            "low_source": text("p_src1"),
            "low_figure": c("_d1"),
            "factor:.2f": each(frame, c("factor"), "{:.2f}".format, c("code") == "divergent"),
        },
        "inconsistent_source": {
            "low_figure": c("_d1"),
            "high_figure": c("_d2"),
            "factor:.2f": each(
                frame, c("factor"), "{:.2f}".format, c("code") == "inconsistent_source"
            ),
        },
        "partisan_enemy_claim": {
            "source_side": text("p_side1"),
            "figure": c("_d1"),
            "factor:.1f": each(
                frame, c("factor"), "{:.1f}".format, c("code") == "partisan_enemy_claim"
            ),
            "ref_source": text("p_src2"),
            "ref_stance": each(frame, text("p_stance2"), stance_text),
            "place": place("location"),
            "ref_place": pl.when(c("p_place2").eq_missing(c("location")))
            .then(pl.lit("", dtype=_TEXT))
            .otherwise(place("p_place2", "location")),
            "basis": pl.when(c("p_outcome2") == c("outcome"))
            .then(pl.lit("", dtype=_TEXT))
            .otherwise(partisan_basis),
        },
        "series_regression": {
            "before": c("_d1"),
            "before_as_of": as_text("p_date2"),
            "after": c("_d2"),
            "after_as_of": as_text("as_of"),
        },
        "part_exceeds_whole": {
            "what": pl.when(c("p_incident_in_total"))
            .then(pl.lit(PART_WHAT[True]))
            .otherwise(pl.lit(PART_WHAT[False])),
            "figure": c("_d1"),
            "whole_source": text("p_src2"),
            "whole_figure": c("_d2"),
            "whole_subject": subject(
                "p_w_side", "p_w_category", "p_w_outcome", place("p_place2", "location")
            ),
            "whole_as_of": as_text("p_date2"),
        },
        "part_sum": {
            "dimension": text("p_dimension"),
            "total": as_text("p_n"),
            "day": as_text("as_of"),
            "whole_source": text("p_src2"),
            "whole_figure": c("_d2"),
        },
        "disputed": {"figure": c("_d1"), "who": c("p_who").list.join(", ")},
        "undated": {"figure": c("_d1")},
        "single_source": {},
    }
    # a part_exceeds_whole flag about a sum of parts names the dimension it sums over
    template_of = (
        pl.when((c("code") == "part_exceeds_whole") & c("p_dimension").is_not_null())
        .then(pl.lit("part_sum"))
        .otherwise(c("code"))
    )
    # each template renders only its own flags, in one query: only the columns a template shows
    # are taken from its flags, not every column (the lists of claims among them)
    lazy = frame.lazy().with_columns(_template=template_of)
    rendered = [
        lazy.filter(pl.col("_template") == name).select(
            "_row", message=_render(MESSAGES[name], {**common, **own})
        )
        for name, own in fields.items()
    ]
    return pl.concat(rendered).collect(engine=IN_MEMORY)


def _listed(table: FlagTable, form: Form) -> tuple[pl.DataFrame, list[Figure]]:
    """The flag table with what ``form`` needs, in listing order (at least one flag).

    Every form has each flag's ``message`` and the figures of :func:`_figures`
    (which also returns the distinct figures).  Each flag's ids come as one
    text (``_claims_text``) for ``csv``, as the items of a JSON list
    (``_claims_json``) for ``json``, and as a list (``_ids``, null for none)
    for ``objects``.  The text forms also have the ``severity``, the as-of
    date and the factor as text, and the subject's names as text.
    """
    # each flag's claims sorted once: listed in that order, and flags sorted by them.  With
    # list.eval: polars 2.1 sorts the 314,036 lists of a million claims' flags this way in
    # 0.15 s, but takes 6 to 8 s for ``list.sort()`` as the only expression of a step
    frame = table.frame.with_row_index("_row").with_columns(
        _claims=pl.col("claims").list.eval(pl.element().sort())
    )
    shown, figures = _figures(frame, form)
    frame = frame.join(shown, on="_row", how="left")
    ids = (
        frame.select("_row", _rank="_claims")
        .explode("_rank", empty_as_null=False)
        .filter(pl.col("_rank").is_not_null())
        .with_columns(
            _id=pl.lit(table.ids).gather(pl.col("_rank")),
            # still in the order of the flags: polars groups a sorted key without hashing it
            _row=pl.col("_row").set_sorted(),
        )
    )
    if form == "json":
        ids = ids.with_columns(_id_json=json_string(ids, pl.col("_id")))
        joined = pl.col("_id_json").str.join(_ITEM).alias("_claims_json")
    elif form == "csv":
        joined = pl.col("_id").str.join("; ").alias("_claims_text")
    else:
        joined = pl.col("_id").alias("_ids")
    claims = ids.group_by("_row", maintain_order=True).agg(joined)
    # str() of the subject tuple: each name's repr() between parentheses
    reprs = [each(frame, pl.col(k).cast(_TEXT), repr) for k in _SUBJECT]
    subject = pl.concat_str(pl.lit("("), pl.concat_str(reprs, separator=", "), pl.lit(")"))
    messages = _messages(frame)
    if messages.height != frame.height:  # pragma: no cover - a code without a template
        raise AssertionError("every flag code has a message template")
    frame = frame.join(claims, on="_row", how="left").join(messages, on="_row")
    # flags sort by the text of their subject tuple and of their date, as objects do
    as_of = each(frame, pl.col("as_of"), str)
    frame = frame.with_columns(
        _code=pl.col("code").replace_strict(list(CODES), list(range(len(CODES)))),
        _subject=subject,
        _as_of_text=as_of,
        _as_of=as_of.fill_null("None"),
    ).sort("_code", "_subject", "_as_of", "_claims", "message")
    if form == "objects":
        return frame, figures
    return frame.with_columns(
        severity=pl.col("code").replace_strict(
            list(SEVERITIES), [s.value for s in SEVERITIES.values()], return_dtype=_TEXT
        ),
        as_of="_as_of_text",
        factor=each(frame, pl.col("factor"), str),
        **{k: pl.col(k).cast(_TEXT) for k in (*_SUBJECT, "location")},
    ), figures


def flag_objects(table: FlagTable) -> list[Flag]:
    """The flags of a flag table as objects, in listing order: :meth:`FlagTable.to_flags`.

    The messages are rendered and the flags sorted by polars, as for the
    files; Python then builds one :class:`~claimrecon.flags.Flag` a row, and
    one :class:`~claimrecon.figure.Figure` per distinct figure, which flags
    showing it share.
    """
    if not len(table):
        return []
    with no_gc():  # many new objects (rows, figures, flags) and no cycles
        return _flag_objects(table)


def _flag_objects(table: FlagTable) -> list[Flag]:
    frame, figures = _listed(table, "objects")
    rows = frame.select(
        "code",
        "_ids",
        "_figs",
        "message",
        *(pl.col(k).cast(_TEXT) for k in _SUBJECT),
        "as_of",
        "f_num",
        "f_den",
        pl.col("location").cast(_TEXT),
    )
    return [
        Flag(
            code,
            SEVERITIES[code],
            () if ids is None else tuple(ids),
            () if shown is None else tuple([figures[i] for i in shown]),
            message,
            tuple(subject),
            as_of,
            None if num is None else ratio(num, den),
            location,
        )
        for code, ids, shown, message, *subject, as_of, num, den, location in rows.iter_rows()
    ]


def flag_texts(table: FlagTable) -> pl.DataFrame:
    """One row of text per flag, in listing order: the cells of a flag CSV file.

    The columns are :data:`CSV_COLUMNS`; a cell the record has no value for is
    null.  The cells are not yet defused for spreadsheets (see
    :func:`write_flags_csv`).
    """
    if not len(table):
        return pl.DataFrame(schema=dict.fromkeys(CSV_COLUMNS, _TEXT))
    return _listed(table, "csv")[0].select(
        "code",
        "severity",
        claims="_claims_text",
        message="message",
        figures="_figures_text",
        **{c: c for c in CSV_COLUMNS[5:]},
    )


_FORMULA = "^[" + "".join(f"\\x{{{ord(ch):x}}}" for ch in FORMULA_START) + "]"


def write_flags_csv(table: FlagTable, output: str | os.PathLike[str] | None = None) -> None:
    """Write a flag table as ``claimrecon flag --format csv`` writes its flags.

    To ``output`` atomically, or to standard output when it is ``None``.
    """
    write_cells(flag_texts(table), output)


def write_cells(texts: pl.DataFrame, output: str | os.PathLike[str] | None) -> None:
    """Text cells written as :func:`claimrecon.io.results.to_csv_text` writes its rows.

    Each cell defused as :func:`~claimrecon.io.csvfile.neutralize` defuses it;
    a null or empty cell is written bare, as :mod:`csv` writes it.  To
    ``output`` atomically, or to standard output when it is ``None``.
    """
    cells = texts.select(
        pl.when(pl.col(c).str.contains(_FORMULA))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.when(pl.col(c) != "").then(pl.col(c)))
        .alias(c)
        for c in texts.columns
    )
    if output is None:
        sys.stdout.write(cells.write_csv(line_terminator="\r\n", null_value=""))
        return
    with atomic_write(output, newline="") as handle:
        cells.write_csv(handle, line_terminator="\r\n", null_value="")


def write_text(text: str, output: str | os.PathLike[str] | None) -> None:
    """Text to ``output`` atomically, or to standard output when it is ``None``."""
    write_pieces([text], output)


def write_pieces(pieces: Iterable[str], output: str | os.PathLike[str] | None) -> None:
    """Pieces of one text, one after another: never the whole text in memory at once.

    To ``output`` atomically, or to standard output when it is ``None``.
    """
    if output is None:
        sys.stdout.writelines(pieces)
        return
    with atomic_write(output, newline="") as handle:
        handle.writelines(pieces)


#: text JSON cannot hold as it is: a quote, a backslash or a control character
_NEEDS_ESCAPE = r'["\\\x00-\x1f]'


def json_string(frame: pl.DataFrame, expr: pl.Expr) -> pl.Expr:
    """Each text as a JSON string, as :func:`json.dumps` writes it with ``ensure_ascii=False``.

    Text with nothing to escape is put between quotes; the rest goes through
    :func:`json.dumps` once per distinct value.
    """
    escaped = each(
        frame,
        pl.when(expr.str.contains(_NEEDS_ESCAPE)).then(expr),
        lambda v: json.dumps(v, ensure_ascii=False),
    )
    quoted = pl.concat_str(pl.lit('"'), expr, pl.lit('"'))
    return pl.when(expr.str.contains(_NEEDS_ESCAPE)).then(escaped).otherwise(quoted)


def _record(frame: pl.DataFrame) -> pl.Expr:
    """Each flag as its record in an indented JSON list (``json.dumps(records, indent=2)``)."""
    one, two, three = _INDENT, _INDENT * 2, _INDENT * 3

    def field(name: str, value: pl.Expr, depth: str = two) -> list[pl.Expr]:
        return [pl.lit(f'{depth}"{name}": '), value]

    def text(name: str) -> pl.Expr:
        return json_string(frame, pl.col(name)).fill_null("null")

    def listed(column: str) -> pl.Expr:
        return pl.concat_str(pl.lit("[\n" + three), pl.col(column), pl.lit("\n" + two + "]"))

    factor = (
        pl.when(pl.col("factor").is_null())
        .then(pl.lit("null"))
        .when(pl.col("factor").is_in(["inf", "-inf", "nan"]))  # the writer writes these as text
        .then(pl.concat_str(pl.lit('"'), pl.col("factor"), pl.lit('"')))
        .otherwise(pl.col("factor"))
    )
    subject = [
        piece
        for i, k in enumerate(_SUBJECT)
        for piece in [pl.lit(",\n" if i else "{\n"), *field(k, text(k), three)]
    ]
    pieces = [
        pl.lit(one + "{\n"),
        *field("code", text("code")),
        pl.lit(",\n"),
        *field("severity", text("severity")),
        pl.lit(",\n"),
        *field(
            "claims",
            pl.when(pl.col("_claims_json").is_null())
            .then(pl.lit("[]"))
            .otherwise(listed("_claims_json")),
        ),
        pl.lit(",\n"),
        *field("figures", pl.col("_figures_text")),
        pl.lit(",\n"),
        *field("message", text("message")),
        pl.lit(",\n"),
        *field("as_of", text("as_of")),
        pl.lit(",\n"),
        *field("factor", factor),
        pl.lit(",\n"),
        *field("location", text("location")),
        pl.lit(",\n"),
        *field("subject", pl.concat_str(*subject, pl.lit("\n" + two + "}"))),
        pl.lit("\n" + one + "}"),
    ]
    return pl.concat_str(pieces)


def write_flags_json(table: FlagTable, output: str | os.PathLike[str] | None = None) -> None:
    """Write a flag table as ``claimrecon flag --format json`` writes its flags.

    The same text as ``to_json_text(flag_records(table.to_flags()))``: an
    indented JSON list of records, to ``output`` atomically, or to standard
    output when it is ``None``.
    """
    if not len(table):
        write_text("[]\n", output)
        return
    frame, _ = _listed(table, "json")
    write_pieces(json_list(frame.select(_record(frame)).to_series()), output)


def json_list(records: pl.Series, size: int = 10_000) -> Iterator[str]:
    """An indented JSON list of records already written as JSON, a slice of records at a time."""
    yield "[\n"
    for start in range(0, len(records), size):
        yield ("" if start == 0 else ",\n") + ",\n".join(records.slice(start, size).to_list())
    yield "\n]\n"
