"""HXL: claims as CSV with a row of HXL hashtags under the headers (``.hxl.csv``).

Row 1 holds headers, row 2 the `HXL <https://hxlstandard.org>`_ hashtags,
then one claim a row, each of as many cells as the longer of the two (a row
cut short is an error, not padded with empty cells).  A hashtag is a tag plus
a *set* of attributes, read case-insensitively and in any order
(``#affected+min+Killed`` is ``#affected+killed+min``); the headers of known
hashtags are ignored.

A row holds one figure, in the pair of columns that says what it counts::

    #affected+<outcome>[+<unit>][+civilians|+military]+min   the low bound
    #affected+<outcome>[+<unit>][+civilians|+military]+max   the high bound (empty: open)

Outcomes are ``killed``, ``injured`` (wounded), ``missing``, ``captured``,
``displaced`` and ``killed_or_injured`` for people; ``destroyed``,
``damaged``, ``captured`` and ``shot_down`` with a unit attribute for
equipment (``+tank``, ``+aircraft``, ``+helicopter``, ``+drone``,
``+artillery``, ``+vehicle``, ``+missile``, ``+air_defense``, ``+ship``):
``#affected+destroyed+tank+military+min``.  No category attribute means
unspecified.  The writer writes ``#affected+killed+min`` and ``+max`` and
the pairs its claims need, in a fixed order, each row filling only its own.

Every other field has a column of its own:

==================  =========================  ==================  =========================
field               hashtag                    field               hashtag
==================  =========================  ==================  =========================
id (required)       ``#meta+id``               claimant            ``#org+name+claimant``
claimant side       ``#group+code+claimant``   subject side        ``#group+code+victim``
chain (" > ")       ``#meta+source``           hop dates (" > ")   ``#date+source``
published           ``#date+reported``         location            ``#loc+name``
period start        ``#date+start``            as-of               ``#date+end``
kind                ``#meta+kind``             date precision      ``#meta+precision``
rule                ``#meta+rule``             qualifier           ``#meta+qualifier``
stated              ``#meta+stated``           document            ``#meta+document``
evidence start      ``#meta+evidence+start``   evidence end        ``#meta+evidence+end``
evidence text       ``#meta+evidence+text``    url                 ``#meta+url``
status              ``#status``                disputed by ("; ")  ``#org+name+disputer``
note                ``#meta+note``
==================  =========================  ==================  =========================

Sides are claimrecon's side codes (``armenia``, ``all``, ``unknown``), hence
``+code`` rather than ``+name``: a side that is not a lower-case code is an
error.

Keeps: every field of a claim, so claims round-trip exactly, except that
extra columns come back as text and an empty extra cell is no extra at all.
Reading keeps a column with an unknown hashtag as an extra keyed by its
hashtag (lower case, as written: ``#country+code``), and an untagged column
as an extra keyed by its header; an untagged column without a header, or
named like a claim field (``id``, ``note``), is ignored, as HXL tools ignore
every untagged column.  Writing puts an extra under its name as
header, tagged with the name when the name is an unknown hashtag, untagged
otherwise.

Cells that a spreadsheet would run as a formula are written behind a ``'``
and read back unchanged, as in :mod:`claimrecon.io.csvfile`.

This module also holds :func:`read_table` and :func:`write_table`, the CSV
plumbing the CSV-based formats (HXL, GED, ACLED) share.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from claimrecon.claim import Category, Claim, Outcome
from claimrecon.errors import FormatError, InvalidClaimError, RecordError
from claimrecon.io._table import (
    Table,
    check_ids,
    claim_from,
    fit,
    read_records,
    read_table,
    remap_errors,
    text_value,
    write_table,
)
from claimrecon.io.rows import COLUMNS, RowErrors, from_row, to_text_row
from claimrecon.units import PEOPLE, canonical_unit

__all__ = [
    "HASHTAGS",
    "FigureColumn",
    "Hashtag",
    "Table",
    "check_ids",
    "claim_from",
    "fit",
    "read_hxl",
    "read_records",
    "read_table",
    "remap_errors",
    "text_value",
    "write_hxl",
    "write_table",
]

# -- hashtags -------------------------------------------------------------------

# libhxl's own pattern for a column's hashtag (hxl.model.Column.PATTERN)
_HASHTAG = re.compile(r"^\s*#([A-Za-z][_0-9A-Za-z]*)((?:\s*\+[A-Za-z][_0-9A-Za-z]*)*)\s*$")


class Hashtag(NamedTuple):
    """An HXL hashtag: a tag and a set of attributes, both lower case."""

    tag: str
    attributes: frozenset[str]

    @classmethod
    def parse(cls, text: str) -> Hashtag:
        """Read ``'#affected+killed+min'``; raise :class:`ValueError` if it is not a hashtag."""
        match = _HASHTAG.match(text)
        if not match:
            raise ValueError(f"{text!r} is not an HXL hashtag ('#tag+attribute+...')")
        attributes = [a.strip().lower() for a in match.group(2).split("+")[1:]]
        return cls(match.group(1).lower(), frozenset(attributes))

    @staticmethod
    def normalize(text: str) -> str:
        """The hashtag as written, in lower case and without spaces."""
        return re.sub(r"\s+", "", text).lower()


#: flat-row field -> (header, hashtag) of every column but the figure's
HASHTAGS: dict[str, tuple[str, str]] = {
    "id": ("id", "#meta+id"),
    "claimant": ("claimant", "#org+name+claimant"),
    "claimant_side": ("claimant side", "#group+code+claimant"),
    "reported_by": ("reported by", "#meta+source"),
    "reported_dates": ("reported dates", "#date+source"),
    "published": ("published", "#date+reported"),
    "subject_side": ("subject side", "#group+code+victim"),
    "location": ("location", "#loc+name"),
    "period_start": ("start", "#date+start"),
    "as_of": ("as of", "#date+end"),
    "kind": ("kind", "#meta+kind"),
    "precision": ("date precision", "#meta+precision"),
    "rule": ("rule", "#meta+rule"),
    "qualifier": ("qualifier", "#meta+qualifier"),
    "stated": ("stated", "#meta+stated"),
    "document": ("document", "#meta+document"),
    "evidence_start": ("evidence start", "#meta+evidence+start"),
    "evidence_end": ("evidence end", "#meta+evidence+end"),
    "evidence": ("evidence", "#meta+evidence+text"),
    "url": ("url", "#meta+url"),
    "status": ("status", "#status"),
    "disputed_by": ("disputed by", "#org+name+disputer"),
    "note": ("note", "#meta+note"),
}
_FIELD_OF: dict[Hashtag, str] = {Hashtag.parse(tag): f for f, (_, tag) in HASHTAGS.items()}

_OUTCOME_ATTRIBUTE: dict[Outcome, str] = {
    Outcome.KILLED: "killed",
    Outcome.WOUNDED: "injured",
    Outcome.MISSING: "missing",
    Outcome.CAPTURED: "captured",
    Outcome.DISPLACED: "displaced",
    Outcome.KILLED_OR_WOUNDED: "killed_or_injured",
    Outcome.DESTROYED: "destroyed",
    Outcome.DAMAGED: "damaged",
    Outcome.SHOT_DOWN: "shot_down",
}
_OUTCOME_OF = {a: o for o, a in _OUTCOME_ATTRIBUTE.items()} | {"wounded": Outcome.WOUNDED}
_CATEGORY_ATTRIBUTE = {Category.CIVILIAN: "civilians", Category.MILITARY: "military"}
_CATEGORY_OF = {a: c for c, a in _CATEGORY_ATTRIBUTE.items()} | {"civilian": Category.CIVILIAN}
_BOUNDS = ("min", "max")
_KNOWN_ATTRIBUTES = frozenset(_BOUNDS) | frozenset(_OUTCOME_OF) | frozenset(_CATEGORY_OF)

FigureKey = tuple[Outcome, Category, str]


class FigureColumn(NamedTuple):
    """What a figure column counts, and which bound it holds."""

    outcome: Outcome
    category: Category
    unit: str
    bound: str  # "min" or "max"

    @classmethod
    def of(cls, hashtag: Hashtag) -> FigureColumn | None:
        """The figure column a hashtag names, or None if it names none."""
        if hashtag.tag != "affected":
            return None
        attributes = hashtag.attributes
        bounds = [a for a in attributes if a in _BOUNDS]
        outcomes = [_OUTCOME_OF[a] for a in attributes if a in _OUTCOME_OF]
        categories = [_CATEGORY_OF[a] for a in attributes if a in _CATEGORY_OF]
        rest = attributes - _KNOWN_ATTRIBUTES
        if len(bounds) != 1 or len(outcomes) != 1 or len(categories) > 1 or len(rest) > 1:
            return None
        unit = PEOPLE
        if rest:
            try:
                unit = canonical_unit(next(iter(rest)))
            except InvalidClaimError:
                return None
        category = categories[0] if categories else Category.UNSPECIFIED
        return cls(outcomes[0], category, unit, bounds[0])

    @property
    def key(self) -> FigureKey:
        """What is counted, without the bound."""
        return self.outcome, self.category, self.unit

    @property
    def hashtag(self) -> str:
        """The hashtag claimrecon writes for this column."""
        parts = ["#affected", _OUTCOME_ATTRIBUTE[self.outcome]]
        if self.unit != PEOPLE:
            parts.append(self.unit)
        if self.category in _CATEGORY_ATTRIBUTE:
            parts.append(_CATEGORY_ATTRIBUTE[self.category])
        return "+".join([*parts, self.bound])

    @property
    def header(self) -> str:
        """The header claimrecon writes for this column."""
        words = [self.outcome.value.replace("_", " ")]
        if self.unit != PEOPLE:
            words.append(self.unit)
        if self.category is not Category.UNSPECIFIED:
            words.append(self.category.value)
        return " ".join([*words, self.bound])


def _figure_order(key: FigureKey) -> tuple[bool, str, int, int]:
    outcome, category, unit = key
    return unit != PEOPLE, unit, list(Outcome).index(outcome), list(Category).index(category)


# -- reading --------------------------------------------------------------------


class _Layout(NamedTuple):
    """What each column of an HXL file holds."""

    fields: dict[int, str]  # column -> flat-row field
    figures: dict[int, FigureColumn]
    extras: dict[int, str]  # column -> extra key
    names: dict[int, str]  # column -> its hashtag as written (its header if untagged)

    def min_name(self, key: FigureKey) -> str:
        """The hashtag of a figure's min column, as written."""
        return next(
            self.names[i] for i, f in self.figures.items() if f.key == key and f.bound == "min"
        )


def _layout(header: list[str], tags: list[str], line: int) -> tuple[_Layout, list[RecordError]]:
    errors: list[RecordError] = []
    layout = _Layout({}, {}, {}, {})
    if not any(t.strip().startswith("#") for t in tags):
        message = "must be the row of HXL hashtags (#meta+id, #affected+killed+min, ...)"
        return layout, [RecordError(line, None, message)]
    seen: dict[object, int] = {}
    for i, raw in enumerate(tags):
        column = i + 1
        name = header[i].strip() if i < len(header) else ""
        key: object
        if not raw.strip():
            if not name:
                continue  # an untagged column without a header: HXL tools ignore it too
            if name in COLUMNS:
                continue  # untagged, so not HXL data, and its name would shadow a field
            key = layout.extras[i] = layout.names[i] = name
        else:
            try:
                hashtag = Hashtag.parse(raw)
            except ValueError as err:
                errors.append(
                    RecordError(line, name or f"column {column}", f"column {column}: {err}")
                )
                continue
            layout.names[i] = Hashtag.normalize(raw)
            figure = FigureColumn.of(hashtag)
            if hashtag in _FIELD_OF:
                key = hashtag
                layout.fields[i] = _FIELD_OF[hashtag]
            elif figure is not None:
                key = figure
                layout.figures[i] = figure
            else:
                key = layout.extras[i] = layout.names[i]
        if key in seen:
            errors.append(
                RecordError(
                    line,
                    layout.names[i],
                    f"column {column} repeats column {seen[key]}: give each its own hashtag",
                )
            )
        seen[key] = column
    if "id" not in layout.fields.values():
        errors.append(RecordError(line, "#meta+id", "required hashtag is missing"))
    mins = {f.key for f in layout.figures.values() if f.bound == "min"}
    if not mins:
        errors.append(
            RecordError(
                line,
                "#affected+killed+min",
                "required hashtag is missing: no figure column (#affected+<outcome>+min)",
            )
        )
    for i, figure in layout.figures.items():
        if figure.bound == "max" and figure.key not in mins:
            errors.append(
                RecordError(line, layout.names[i], f"column {i + 1}: a max needs its min column")
            )
    return layout, errors


def read_hxl(path: str | os.PathLike[str]) -> list[Claim]:
    """Read every claim of an HXL-tagged CSV file.

    Raises :class:`FormatError` listing every bad row, each with its line and
    column (its hashtag).
    """
    table = read_table(path, header_rows=2)
    if len(table.headers) < 2:
        message = "missing the row of HXL hashtags under the headers"
        raise FormatError(str(path), [RecordError(2, None, message)])
    (_, header), (tag_line, tags) = table.headers
    layout, errors = _layout(header, tags, tag_line)
    if errors:
        raise FormatError(str(path), errors)
    width = max(len(header), len(tags))
    claims: list[tuple[int, Claim]] = []
    parts: dict[Any, Any] = {}  # the claims' parts, shared (see rows.from_row)
    for line, raw in table.records:
        cells = fit(raw, width, line, errors)
        claim = None if cells is None else _claim(cells, layout, line, errors, parts)
        if claim is not None:
            claims.append((line, claim))
    result = check_ids(claims, errors)
    if errors:
        raise FormatError(str(path), errors)
    return result


def _claim(
    cells: list[str],
    layout: _Layout,
    line: int,
    errors: list[RecordError],
    parts: dict[Any, Any],
) -> Claim | None:
    row = {field: cells[i] for i, field in layout.fields.items()}
    names = {field: layout.names[i] for i, field in layout.fields.items()}
    filled: dict[FigureKey, dict[str, int]] = {}
    for i, figure in layout.figures.items():
        if cells[i].strip():
            filled.setdefault(figure.key, {})[figure.bound] = i
    if len(filled) != 1:
        columns = [layout.names[i] for bounds in filled.values() for i in bounds.values()]
        message = (
            f"a row holds one figure; this one fills {', '.join(columns)}"
            if filled
            else "a row must hold one figure: every #affected column is empty"
        )
        field = columns[-1] if columns else "#affected+killed+min"
        errors.append(RecordError(line, field, message, row.get("id") or None))
        return None
    ((outcome, category, unit), bounds) = next(iter(filled.items()))
    row |= {"outcome": outcome.value, "category": category.value, "unit": unit}
    row["low"] = cells[bounds["min"]] if "min" in bounds else ""
    row["high"] = cells[bounds["max"]] if "max" in bounds else ""
    min_name = layout.min_name((outcome, category, unit))
    names |= dict.fromkeys(("low", "high", "outcome", "category", "unit"), min_name)
    if "max" in bounds:
        names["high"] = layout.names[bounds["max"]]
    try:
        claim = from_row(row, line=line, text=True, parts=parts)
    except RowErrors as err:
        errors.extend(remap_errors(err.errors, names))
        return None
    extra = [(key, cells[i]) for i, key in layout.extras.items() if cells[i] != ""]
    return claim.evolve(extra=extra) if extra else claim


# -- writing --------------------------------------------------------------------


def _extra_column(key: str) -> tuple[str, str]:
    """(header, hashtag) of an extra column: tagged if its name is an unknown hashtag."""
    try:
        hashtag = Hashtag.parse(key)
    except ValueError:
        return key, ""
    known = hashtag in _FIELD_OF or FigureColumn.of(hashtag) is not None
    return (key, key) if not known and Hashtag.normalize(key) == key else (key, "")


def write_hxl(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims as HXL-tagged CSV, atomically, one row a claim; nothing is written on error."""
    rows: list[dict[str, str]] = []
    # people killed, unspecified: every file has it, so even an empty one reads back
    figure_keys: set[FigureKey] = {(Outcome.KILLED, Category.UNSPECIFIED, PEOPLE)}
    extra_keys: dict[str, None] = {}
    for claim in claims:
        for key, _ in claim.extra:  # never named like a claim field: a claim cannot have one
            extra_keys.setdefault(key, None)
        figure_keys.add((claim.subject.outcome, claim.subject.category, claim.figure.unit))
        rows.append(to_text_row(claim))
    figures = sorted(figure_keys, key=_figure_order)
    header = [h for h, _ in HASHTAGS.values()]
    tags = [t for _, t in HASHTAGS.values()]
    for outcome, category, unit in figures:
        for bound in _BOUNDS:
            column = FigureColumn(outcome, category, unit, bound)
            header.append(column.header)
            tags.append(column.hashtag)
    for key in extra_keys:
        name, tag = _extra_column(key)
        header.append(name)
        tags.append(tag)

    def cells(row: dict[str, str]) -> list[str]:
        out = [row[field] for field in HASHTAGS]
        key = (Outcome(row["outcome"]), Category(row["category"]), row["unit"])
        for figure in figures:
            out += [row["low"], row["high"]] if figure == key else ["", ""]
        return out + [row.get(k, "") for k in extra_keys]

    write_table(path, header, [cells(r) for r in rows], tags=tags)
