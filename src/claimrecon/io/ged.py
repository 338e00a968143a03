"""UCDP GED-like CSV: one claim an event row (``.ged.csv``).

The columns are those of the UCDP Georeferenced Event Dataset that a claim
can fill: ``id, relid, year, type_of_violence, conflict_name, side_a, side_b,
source_article, source_office, source_date, source_headline,
source_original, where_coordinates, country, date_start, date_end,
date_prec, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high,
low, number_of_sources`` (Sundberg & Melander 2013; UCDP GED codebook).
A file may have more columns (a real GED file has about 49) and fewer: only
``id``, ``low`` and ``high`` are required.  A column named like a claim field
GED has no column for (``status``, ``url``, ``note``, ...) is an error, not
that field; so is a row with more or fewer cells than the header, and a cell
in a column without a header (a column without a header and without cells is
ignored).

Reading, one claim a row:

* figure: ``low`` to ``high`` (exact when equal; an empty ``high``, which
  GED itself never has, is an open upper bound); ``best`` becomes the number
  as stated and must lie between them.  People killed, always.
* subject: if exactly one ``deaths_*`` column is nonzero (or, when none is,
  exactly one is filled): ``deaths_a``/``deaths_b`` give the military dead of
  ``side_a``/``side_b``, ``deaths_civilians`` civilians of every side,
  ``deaths_unknown`` every side, unspecified.  Otherwise every side
  (``all``), unspecified.  A side name that is a side code (``armenia``) is
  taken as is, any other is looked up in the side registry
  (:data:`~claimrecon.sides.DEFAULT_SIDES` unless given); a name it does not
  know gives side ``unknown`` and is kept as an extra.
* ``source_original`` is the claimant, its side looked up in the registry;
  ``source_office`` (offices separated by ``;``) is the chain, outermost
  first; ``source_date`` holds one date per office (the hops' dates), or,
  with no office, the publication date.  Dates that do not pair one to one
  with the offices are kept as the extra ``source_date``.
* ``date_start`` is the period start, ``date_end`` the as-of date
  (``YYYY-MM-DD``, or GED's ``YYYY-MM-DD 00:00:00.000``); the kind is
  ``incident``; ``date_prec`` 1-3 is day, 4 month, 5 year.
* ``where_coordinates`` (GED's place name) is the location and
  ``source_article`` the document.
* The columns a claim has no field for (``relid``, ``type_of_violence``,
  ``conflict_name``, ``source_headline``, ``country``, ``side_a`` and
  ``side_b`` unless their name became the subject's side, any other column)
  are kept as extras, and so are ``year`` and ``number_of_sources`` when they
  differ from what the claim says (the as-of year, the number of offices).

Writing, one row a claim, people killed only (any other claim is a
:class:`FormatError` naming it and its ``unit`` or ``outcome``, and nothing is
written): ``low`` and ``high`` the bounds (``high`` empty when open);
``best`` the number as stated when it lies within the bounds ("about 400"
is 400, "at least 30" is 30), else ``low``, the most conservative figure
(so an exact figure's best is its value); ``best`` goes to ``deaths_a``
(with the subject side code as ``side_a``; ``side_b`` and ``deaths_b`` when
an extra ``side_a`` holds another actor) for a military figure, to
``deaths_civilians`` for civilians, to ``deaths_unknown`` otherwise; the
other ``deaths_*`` cells hold 0 (empty when the figure is 0);
``date_prec`` 1, 4 or 5; ``number_of_sources`` the number of hops.  When a
military claim has both extras ``side_a`` and ``side_b``, its side goes to
one of them that the reader takes for that side, written as the extra has
it: first one the reader keeps as an extra again (an actor it does not know,
for side ``unknown``); a claim whose two actors both name another side is a
:class:`FormatError`.

An extra named like a GED column fills that column when claimrecon leaves it
empty (``source_date`` of hops without dates is empty too), and is written
there when it says what claimrecon writes there, as the reader reads it
(``2020.0`` is ``2020``, ``2020-10-21 00:00:00.000`` is ``2020-10-21``).
``year`` and ``number_of_sources`` that differ from the claim's (whole
numbers: the reader reads no other) are written in place of the claim's: the
reader keeps them as extras again.  Any other
extra named like a column claimrecon fills is a :class:`FormatError` naming
the claim and the column, and nothing is written: no extra is dropped.
Other extras follow as columns of their own.

Keeps: id, bounds, the number as stated when within the bounds, the subject
side of military figures, location, as-of, period start, precision,
claimant, the chain with its hops' dates, the publication date of a claim
without a chain, the document, extras (as text; empty ones dropped, and one
that says what its GED column says is read back as that column).

Loses: rule and qualifier (bounds become exact, between or at least), the
number as stated when outside the bounds (becomes ``best``), the kind
(every row is an incident), the subject side of civilian and unspecified
figures (becomes ``all``), the claimant side (looked up again from the
claimant's name), the publication date of a claim with a chain, evidence
span and text, url, status, disputes, note.  Of a real GED row: the split
of its deaths across several columns (becomes one total), the actor name
that became the subject's side (written back as the side's code), and
``date_prec`` 2 and 3 (become 1, day).

Reconciled estimates (:class:`claimrecon.reconcile.Estimate`) go to GED rows
through :func:`write_ged_estimates` (low, best, high as reconciled, with the
grade, policy and the claims used and set aside in columns of their own).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from claimrecon.claim import UNKNOWN, Category, Claim, Outcome, Precision
from claimrecon.errors import FormatError, RecordError
from claimrecon.figure import Figure, Rule
from claimrecon.io._table import (
    check_ids,
    claim_from,
    read_records,
    text_value,
    write_table,
)
from claimrecon.io.rows import COLUMNS as FLAT_COLUMNS
from claimrecon.sides import DEFAULT_SIDES, SideRegistry, normalize_name
from claimrecon.units import PEOPLE

if TYPE_CHECKING:  # io consumes the engine's estimates without importing the engine
    from claimrecon.reconcile import Estimate

__all__ = [
    "ESTIMATE_COLUMNS",
    "GED_COLUMNS",
    "actor_side",
    "best_of",
    "check_countable",
    "place_extras",
    "read_ged",
    "write_ged",
    "write_ged_estimates",
]

#: the columns claimrecon writes, in GED's names
GED_COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "type_of_violence",
    "conflict_name",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_coordinates",
    "country",
    "date_start",
    "date_end",
    "date_prec",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "number_of_sources",
)
REQUIRED = ("id", "low", "high")
DEATHS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
#: GED separates the offices and the dates of its sources with ";"
SEPARATOR = ";"
#: columns a reader turns into claim fields; any other is kept as an extra
_READ = frozenset(
    {"id", "low", "high", "best", "source_original", "source_office", "date_start", "date_end"}
    | {"date_prec", "where_coordinates", "source_article", *DEATHS}
)
#: flat-row fields no GED column is named like: a column of such a name is an error, not a field
_RESERVED = frozenset(FLAT_COLUMNS) - frozenset(GED_COLUMNS)
_PRECISION_OF = {"1": Precision.DAY, "2": Precision.DAY, "3": Precision.DAY}
_PRECISION_OF |= {"4": Precision.MONTH, "5": Precision.YEAR}
_PRECISION_CODE = {Precision.DAY: "1", Precision.MONTH: "4", Precision.YEAR: "5"}
#: flat-row field -> the GED column it is read from, for errors
_FIELDS = {
    "stated": "best",
    "as_of": "date_end",
    "period_start": "date_start",
    "reported_by": "source_office",
    "reported_dates": "source_date",
    "published": "source_date",
    "claimant": "source_original",
    "location": "where_coordinates",
    "document": "source_article",
}
_SIDE_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
#: a whole number, in ASCII digits (``\d`` and ``int()`` would read "٣" and "５"), maybe as a
#: float a spreadsheet wrote ("4.0")
_WHOLE = re.compile(r"^[0-9]+(?:\.0*)?$")
_GED_DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]00:00:00(?:\.0+)?)?$")


def actor_side(name: str, sides: SideRegistry = DEFAULT_SIDES) -> tuple[str, bool]:
    """The side an actor name speaks for, and whether the name was recognised.

    A side code (``armenia``) is taken as is; any other name is looked up in
    ``sides``; a name it does not know is side ``unknown``, not recognised.
    """
    name = name.strip()
    if _SIDE_CODE.match(name):
        return name, True
    if name and sides.knows(name):
        return sides.side_of(name), True
    return UNKNOWN, False


def best_of(figure: Figure) -> int:
    """GED's ``best`` for a figure: the number as stated if within the bounds, else ``low``."""
    stated = figure.stated
    if (
        stated is not None
        and figure.low <= stated
        and (figure.high is None or stated <= figure.high)
    ):
        return stated
    return figure.low


# -- reading --------------------------------------------------------------------


class _Row:
    """One GED record's cells, collecting every error instead of stopping."""

    def __init__(self, cells: Mapping[str, str], line: int) -> None:
        self.cells = cells
        self.line = line
        self.record = cells.get("id", "").strip() or None
        self.errors: list[RecordError] = []

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def free(self, column: str) -> str | None:
        """A free-text cell as it is, or None when blank."""
        cell = self.cells.get(column, "")
        return cell if cell.strip() else None

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RecordError(self.line, column, message, self.record))

    def whole(self, column: str) -> int | None:
        cell = self.text(column)
        if not cell:
            return None
        if not _WHOLE.match(cell):
            self.fail(column, f"must be a whole number: {cell!r}")
            return None
        return int(cell.split(".")[0])

    def listed(self, column: str) -> list[str]:
        cell = self.text(column)
        parts = [p.strip() for p in cell.split(SEPARATOR)] if cell else []
        return parts


def ged_date(cell: str) -> str | None:
    """A GED date cell as ISO text (``2020-10-21 00:00:00.000`` -> ``2020-10-21``)."""
    cell = cell.strip()
    if not cell:
        return None
    match = _GED_DATE.match(cell)
    return match.group(1) if match else cell


def read_ged(path: str | os.PathLike[str], *, sides: SideRegistry = DEFAULT_SIDES) -> list[Claim]:
    """Read every event row of a GED-like CSV file as a claim.

    Raises :class:`FormatError` listing every bad row with its line and column.
    """
    errors: list[RecordError] = []
    claims: list[tuple[int, Claim]] = []
    parts: dict[Any, Any] = {}  # the claims' parts, shared (see rows.from_row)
    for number, cells in read_records(path, REQUIRED, errors, reserved=("a GED", _RESERVED)):
        row = _Row(cells, number)
        claim = _claim(row, sides, parts)
        errors += row.errors
        if claim is not None:
            claims.append((number, claim))
    result = check_ids(claims, errors)
    if errors:
        raise FormatError(str(path), errors)
    return result


def _figure_fields(r: _Row) -> dict[str, Any]:
    low, high, best = r.whole("low"), r.whole("high"), r.whole("best")
    if low is None:
        if not r.text("low"):
            r.fail("low", "is required")
        return {}
    if best is not None and (best < low or (high is not None and best > high)):
        r.fail("best", f"must lie between low ({low}) and high ({high}): {best}")
    if high == low:
        return {"low": low, "high": high, "rule": Rule.EXACT.value, "stated": low}
    rule = Rule.AT_LEAST if high is None else Rule.BETWEEN
    stated = best if best is not None else (low if high is None else None)
    return {"low": low, "high": high, "rule": rule.value, "stated": stated}


def _deaths_column(r: _Row) -> str | None:
    deaths = {column: r.whole(column) for column in DEATHS}
    nonzero = [c for c, v in deaths.items() if v]
    if len(nonzero) == 1:
        return nonzero[0]
    filled = [c for c, v in deaths.items() if v is not None]
    return filled[0] if not nonzero and len(filled) == 1 else None


def _subject_fields(r: _Row, sides: SideRegistry) -> tuple[dict[str, Any], set[str]]:
    """The subject's fields, and the side columns they consumed."""
    column = _deaths_column(r)
    if column in ("deaths_a", "deaths_b"):
        side_column = "side_a" if column == "deaths_a" else "side_b"
        name = r.text(side_column)
        if normalize_name(name) == "civilians":  # one-sided violence: side B is civilians
            return {"subject_side": "all", "category": "civilian"}, {side_column}
        side, known = actor_side(name, sides)
        return {"subject_side": side, "category": "military"}, {side_column} if known else set()
    category = "civilian" if column == "deaths_civilians" else "unspecified"
    return {"subject_side": "all", "category": category}, set()


def _claim(r: _Row, sides: SideRegistry, parts: dict[Any, Any]) -> Claim | None:
    flat: dict[str, Any] = {"id": r.text("id") or None, "outcome": "killed", "unit": PEOPLE}
    flat |= _figure_fields(r)
    subject, consumed = _subject_fields(r, sides)
    flat |= subject
    offices = r.listed("source_office")
    if any(not o for o in offices):
        r.fail("source_office", f"names an empty office: {r.text('source_office')!r}")
    dates = [ged_date(d) for d in r.listed("source_date")]
    if offices and len(dates) == len(offices):
        flat["reported_dates"] = dates
        consumed.add("source_date")
    elif not offices and len(dates) == 1:
        flat["published"] = dates[0]
        consumed.add("source_date")
    flat["reported_by"] = offices
    claimant = r.free("source_original")
    flat |= {
        "claimant": claimant,
        "claimant_side": sides.side_of(claimant),
        "as_of": ged_date(r.text("date_end")),
        "period_start": ged_date(r.text("date_start")),
        "kind": "incident",
        "location": r.free("where_coordinates"),
        "document": r.free("source_article"),
    }
    prec = r.text("date_prec")
    if prec:
        if _WHOLE.match(prec) and prec.split(".")[0] in _PRECISION_OF:  # "4.0", not "4.9"
            flat["precision"] = _PRECISION_OF[prec.split(".")[0]].value
        else:
            r.fail("date_prec", f"must be a GED date precision 1 to 5: {prec!r}")
    year = r.whole("year")
    as_of = flat["as_of"]
    if year is None or (as_of is not None and as_of.startswith(f"{year:04d}-")):
        consumed.add("year")  # the as-of date says it
    n = r.whole("number_of_sources")
    if n is None or n == len(offices):
        consumed.add("number_of_sources")  # the chain says it
    extras = {
        column: cell
        for column, cell in r.cells.items()
        if column not in _READ and column not in consumed and cell != ""
    }
    return claim_from(extras | flat, r.line, _FIELDS, r.errors, parts)


# -- writing --------------------------------------------------------------------


def check_countable(claim: Claim, errors: list[RecordError], separator: str, fmt: str) -> None:
    """Add an error unless the claim counts people killed and its names avoid ``separator``."""
    if claim.figure.unit != PEOPLE:
        errors.append(
            RecordError(None, "unit", f"{fmt} counts people only: {claim.figure.unit!r}", claim.id)
        )
    if claim.subject.outcome is not Outcome.KILLED:
        errors.append(
            RecordError(
                None,
                "outcome",
                f"{fmt} counts the killed only: {claim.subject.outcome.value!r}",
                claim.id,
            )
        )
    for hop in claim.chain:
        if separator.strip() in hop.name:
            errors.append(
                RecordError(
                    None,
                    "reported_by",
                    f"{fmt} separates sources with {separator!r}: {hop.name!r}",
                    claim.id,
                )
            )


def _iso(moment: date | None) -> str:
    return "" if moment is None else moment.isoformat()


def _ged_row(claim: Claim, sides: SideRegistry, errors: list[RecordError]) -> dict[str, str]:
    figure, subject, period = claim.figure, claim.subject, claim.period
    best = best_of(figure)
    row = dict.fromkeys(GED_COLUMNS, "")
    target = {
        Category.MILITARY: "deaths_a",
        Category.CIVILIAN: "deaths_civilians",
        Category.UNSPECIFIED: "deaths_unknown",
    }[subject.category]
    if subject.category is Category.MILITARY:
        side, name = _side_column(claim, sides, errors)
        row[side] = name
        target = "deaths_a" if side == "side_a" else "deaths_b"
    for column in DEATHS:
        row[column] = str(best) if column == target else ("0" if best else "")
    row |= {
        "id": claim.id,
        "year": str(period.as_of.year) if period.as_of else "",
        "source_article": claim.evidence.document or "",
        "source_office": SEPARATOR.join(h.name for h in claim.chain),
        "source_date": (
            SEPARATOR.join(_iso(h.published) for h in claim.chain)
            if claim.chain
            else _iso(claim.published)
        ),
        "source_original": claim.claimant or "",
        "where_coordinates": subject.location or "",
        "date_start": _iso(period.start),
        "date_end": _iso(period.as_of),
        "date_prec": _PRECISION_CODE[period.precision],
        "best": str(best),
        "high": "" if figure.high is None else str(figure.high),
        "low": str(figure.low),
        "number_of_sources": str(len(claim.chain)) if claim.chain else "",
    }
    return row


def _side_column(claim: Claim, sides: SideRegistry, errors: list[RecordError]) -> tuple[str, str]:
    """The side column a military figure's side goes to, and the name written there.

    Side A, unless an extra ``side_a`` holds another actor (a row read whose
    dead were side B's) and no extra ``side_b`` does: then side B, so that
    side A's actor stays an extra.  With both extras, one the reader takes
    for the claim's side, as the extra has it: first one the reader keeps as
    an extra too (a name it does not know, for side ``unknown``), then one it
    reads as the side's name; if neither, an error.
    """
    side = claim.subject.side
    extras = claim.extras
    side_a, side_b = text_value(extras.get("side_a")), text_value(extras.get("side_b"))
    if not side_a:
        return "side_a", side
    if not side_b:
        return "side_b", side
    named = [("side_a", side_a), ("side_b", side_b)]
    read = [_side_read(name, sides) for _, name in named]
    for kept in (True, False):
        for (column, name), found in zip(named, read, strict=True):
            if found == (side, kept):
                return column, name
    message = (
        f"is an extra naming {side_a!r}, and side_b one naming {side_b!r}: both name other "
        f"actors than the claim's side ({side!r}), which GED writes in side_a or side_b"
    )
    errors.append(RecordError(None, "side_a", message, claim.id))
    return "side_a", side_a


def _side_read(name: str, sides: SideRegistry) -> tuple[str, bool] | None:
    """What the reader makes of a military figure's side column: ``(side, kept as an extra)``.

    A name it does not know is side ``unknown``, kept; None when it reads civilians.
    """
    if normalize_name(name) == "civilians":  # one-sided violence: not a military figure
        return None
    found, known = actor_side(name, sides)
    return found, not known


#: GED columns the reader reads as whole numbers
_WHOLE_COLUMNS = frozenset({"year", "number_of_sources", "best", "high", "low", *DEATHS})


def _read_back(column: str, cell: str) -> object:
    """A GED cell as the reader reads it: two cells read alike say the same."""
    text = cell.strip()
    if column in _WHOLE_COLUMNS:
        return int(text.split(".")[0]) if _WHOLE.match(text) else cell
    if column == "date_prec":
        whole = text.split(".")[0] if _WHOLE.match(text) else None
        return _PRECISION_OF.get(whole or "", cell)
    if column in ("date_start", "date_end"):
        return ged_date(cell)
    if column == "source_date":
        return [ged_date(part) for part in cell.split(SEPARATOR)]
    if column == "source_office":
        return [part.strip() for part in cell.split(SEPARATOR)]
    return text if column == "id" else cell


def _settle(claim: Claim, column: str, text: str, cell: str) -> str | None:
    """What to write in a GED column claimrecon fills, for an extra of its name."""
    if column == "source_date" and not cell.strip(SEPARATOR):
        return text  # hops without dates: the column is empty but for its separators
    if _read_back(column, text) == _read_back(column, cell):
        return cell
    if column in ("year", "number_of_sources") and _WHOLE.match(text.strip()):
        return text  # not what the claim says, so the reader keeps it as this extra again
    return None


#: what to write in a column the writer fills, for an extra named like it: ``settle(claim,
#: column, extra, cell)`` is the cell to write, or None when the extra cannot be written
Settle = Callable[[Claim, str, str, str], str | None]


def place_extras(
    rows: list[tuple[Claim, dict[str, str]]],
    columns: tuple[str, ...],
    errors: list[RecordError],
    fmt: str,
    settle: Settle,
) -> list[str]:
    """Put each claim's extras in its row; return the header (extra columns last).

    An extra named like a column fills that column when it is empty (an empty
    extra is none: the readers read an empty cell so).  In a column the
    writer filled, ``settle`` says what to write: the writer's cell when the
    extra says the same as the reader reads it, the extra when the reader
    keeps it as that extra again, or ``None``: then an error naming the claim
    and the column is added to ``errors``, never is the extra dropped.  (No
    extra is named like a field of the flat row: a claim cannot have one.)
    """
    header = list(columns)
    for claim, row in rows:
        for key, value in claim.extra:
            text = text_value(value)
            if key not in columns:
                row[key] = text
                if key not in header:
                    header.append(key)
                continue
            cell = row[key]
            if not cell:
                row[key] = text
            elif text and text != cell:
                settled = settle(claim, key, text, cell)
                if settled is None:
                    message = (
                        f"is an extra named like the {fmt} column, which holds {cell!r} for "
                        f"this claim: {text!r} cannot be written there (rename the extra)"
                    )
                    errors.append(RecordError(None, key, message, claim.id))
                else:
                    row[key] = settled
    return header


def write_ged(
    claims: Iterable[Claim],
    path: str | os.PathLike[str],
    *,
    sides: SideRegistry = DEFAULT_SIDES,
) -> None:
    """Write claims of people killed as GED-like rows, atomically; nothing is written on error.

    An extra named like a column claimrecon fills that says something else
    than the claim is an error (see :mod:`claimrecon.io.ged`); ``sides`` is
    the registry the file will be read with, which tells which actor names
    in ``side_a`` and ``side_b`` the reader takes for a claim's side.
    """
    errors: list[RecordError] = []
    rows: list[tuple[Claim, dict[str, str]]] = []
    for claim in claims:
        check_countable(claim, errors, SEPARATOR, "GED")
        rows.append((claim, _ged_row(claim, sides, errors)))
    header = place_extras(rows, GED_COLUMNS, errors, "GED", _settle)
    if errors:
        raise FormatError(str(path), errors)
    write_table(path, header, [[row.get(h, "") for h in header] for _, row in rows])


#: the columns an estimate row adds after GED's
ESTIMATE_COLUMNS: tuple[str, ...] = ("grade", "policy", "kind", "set_aside", "note")


def write_ged_estimates(estimates: Iterable[Estimate], path: str | os.PathLike[str]) -> None:
    """Write reconciled estimates of people killed as GED-like rows, atomically.

    One row an estimate, in the estimates' sort order, numbered from 1 in
    ``id``: ``low``, ``best`` and ``high`` as reconciled (``high`` empty when
    open); ``best`` in the ``deaths_*`` column of the subject, as for claims
    (``side_a`` the side of a military figure); ``relid`` the subject
    (``unit:side:category:outcome``); ``date_start``, ``date_end`` and
    ``year`` the period; ``where_coordinates`` the location;
    ``number_of_sources`` the independent sources used; ``source_article``
    the ids of the claims used (``;``-separated).  Columns after GED's:
    ``grade``, ``policy``, ``kind``, ``set_aside`` (the ids of the claims
    set aside, ``;``-separated; the trace holds the reasons) and ``note``.

    A discounted estimate (no credible claim, so no figure) is left out; an
    estimate of anything but people killed is a :class:`FormatError`, and
    nothing is written.  The file holds estimates, not claims: :func:`read_ged`
    refuses it, as its ``kind`` and ``note`` columns are named like claim fields.
    """
    errors: list[RecordError] = []
    rows: list[list[str]] = []
    header = [*GED_COLUMNS, *ESTIMATE_COLUMNS]
    for estimate in sorted(estimates, key=lambda e: e.sort_key):
        subject = f"{estimate.unit}:{estimate.side}:{estimate.category}:{estimate.outcome}"
        if estimate.unit != PEOPLE or estimate.outcome != Outcome.KILLED.value:
            message = f"GED counts people killed only: {estimate.unit} {estimate.outcome}"
            field = "unit" if estimate.unit != PEOPLE else "outcome"
            errors.append(RecordError(None, field, message, subject))
            continue
        if estimate.low is None or estimate.best is None:
            continue
        row = dict.fromkeys(header, "")
        target = {
            Category.MILITARY.value: "deaths_a",
            Category.CIVILIAN.value: "deaths_civilians",
        }.get(estimate.category, "deaths_unknown")
        best = estimate.best
        for column in DEATHS:
            row[column] = str(best) if column == target else ("0" if best else "")
        if target == "deaths_a":
            row["side_a"] = estimate.side
        row |= {
            "id": str(len(rows) + 1),
            "relid": subject,
            "year": str(estimate.as_of.year) if estimate.as_of else "",
            "source_article": SEPARATOR.join(estimate.used),
            "where_coordinates": estimate.location or "",
            "date_start": _iso(estimate.start),
            "date_end": _iso(estimate.as_of),
            "date_prec": _PRECISION_CODE[Precision.DAY],
            "best": str(best),
            "high": "" if estimate.high is None else str(estimate.high),
            "low": str(estimate.low),
            "number_of_sources": str(estimate.sources),
            "grade": estimate.grade.value,
            "policy": estimate.policy.value,
            "kind": estimate.kind.value,
            "set_aside": SEPARATOR.join(estimate.set_aside),
            "note": estimate.note or "",
        }
        rows.append([row[h] for h in header])
    if errors:
        raise FormatError(str(path), errors)
    write_table(path, header, rows)
