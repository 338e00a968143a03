"""ACLED-like CSV: one claim an event row (``.acled.csv``).

The columns are those of an ACLED export: ``event_id_cnty, event_date, year,
time_precision, disorder_type, event_type, sub_event_type, actor1,
assoc_actor_1, actor2, assoc_actor_2, interaction, civilian_targeting, iso,
region, country, admin1, admin2, admin3, location, latitude, longitude,
geo_precision, source, source_scale, notes, fatalities, tags, timestamp``.
Only ``event_id_cnty``, ``event_date`` and ``fatalities`` are required; a
UTF-8 byte order mark (as ACLED's exports have) is skipped.  A column named
like a claim field ACLED has no column for (``id``, ``status``, ``claimant``,
``published``, ...) is an error, not that field; so is a row with more or
fewer cells than the header, and a cell in a column without a header (a
column without a header and without cells is ignored).

ACLED keeps one integer, ``fatalities``: "if reports differ or a vague
estimate is given, use the most conservative estimate" (ACLED codebook).

Reading, one claim a row:

* figure: exactly ``fatalities`` people killed;
* subject: civilians when ``civilian_targeting`` is "Civilian targeting",
  of the side named in ``actor2``'s ACLED form "Civilians (Azerbaijan)"
  (looked up in the side registry, :data:`~claimrecon.sides.DEFAULT_SIDES`
  unless given; a side code is taken as is; plain "Civilians" is every
  side), else every side (``all``), unspecified, since ``fatalities`` counts
  everyone killed in the event;
* ``source`` (sources joined with ``"; "``) is the chain, outermost first,
  undated; no claimant;
* ``event_date`` (``2020-10-21`` or ``21 October 2020``) is the as-of date
  and the start of the incident; ``time_precision`` 1 and 2 are day, 3 month;
* ``location`` the location, ``notes`` the note;
* every other column is kept as an extra, ``actor2`` too unless it named
  the civilians' side, ``year`` only if it differs from the event date's.

Writing, one row a claim, people killed only (any other claim is a
:class:`FormatError` naming it and its ``unit`` or ``outcome``, and nothing is
written): ``fatalities`` is the figure's low bound, the conservative figure;
``source`` the chain's names with the claimant last (unless already in the
chain); civilians are "Civilian targeting" with ``actor2`` "Civilians
(<side>)"; ``time_precision`` 1 for a day, 3 for a month or a year.

An extra named like an ACLED column fills that column when claimrecon leaves
it empty, and is written there when it says what claimrecon writes there, as
the reader reads it (``21 October 2020`` is ``2020-10-21``).  ``year`` that
differs from the event date's, and ``actor2`` of civilians that the reader
takes for the claim's side (``Civilians (Narnia)`` for side ``unknown``, any
other actor for ``all``), are written in place of claimrecon's: the reader
keeps them as extras again.  Any other extra named like a column claimrecon
fills is a :class:`FormatError` naming the claim and the column, and nothing
is written: no extra is dropped.  Other extras follow as columns of their own.

Keeps: id, the low bound, the subject side of civilians, location, as-of,
day and month precision, the chain's names, note, extras (as text; empty
ones dropped, and one that says what its ACLED column says is read back as
that column).

Loses: the high bound, rule, qualifier and number as stated (the figure
becomes exactly its low bound), the claimant (becomes the innermost source)
and its side, the hops' dates, the publication date, the period start (the
event date), the kind (incident), year precision (becomes month), military
as a category and the side of any figure but civilians' (every side,
unspecified), evidence, document, url, status, disputes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from claimrecon.claim import Category, Claim, Precision
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._table import check_ids, claim_from, read_records, write_table
from claimrecon.io.ged import Settle, actor_side, check_countable, place_extras
from claimrecon.io.rows import COLUMNS
from claimrecon.sides import DEFAULT_SIDES, SideRegistry
from claimrecon.units import PEOPLE

__all__ = ["ACLED_COLUMNS", "acled_date", "read_acled", "write_acled"]

#: the columns of an ACLED export, in its order
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
REQUIRED = ("event_id_cnty", "event_date", "fatalities")
#: ACLED joins the sources of an event with "; "
SEPARATOR = "; "
CIVILIAN_TARGETING = "Civilian targeting"
_READ = frozenset(
    {"event_id_cnty", "event_date", "time_precision", "civilian_targeting", "location"}
    | {"source", "notes", "fatalities"}
)
#: flat-row fields no ACLED column is named like: a column of such a name is an error
_RESERVED = frozenset(COLUMNS) - frozenset(ACLED_COLUMNS)
_PRECISION_OF = {"1": Precision.DAY, "2": Precision.DAY, "3": Precision.MONTH}
_PRECISION_CODE = {Precision.DAY: "1", Precision.MONTH: "3", Precision.YEAR: "3"}
_FIELDS = {
    "id": "event_id_cnty",
    "low": "fatalities",
    "high": "fatalities",
    "as_of": "event_date",
    "period_start": "event_date",
    "reported_by": "source",
    "location": "location",
    "note": "notes",
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
#: dates and counts in ASCII digits (``\d`` and ``int()`` would read "٣" and "５")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_WRITTEN = re.compile(r"^([0-9]{1,2})[ -]([A-Za-z]+)[ -]([0-9]{4})$")
_CIVILIANS = re.compile(r"^civilians(?:\s*\((?P<side>.+)\))?$", re.IGNORECASE)
_WHOLE = re.compile(r"^[0-9]+(?:\.0*)?$")


def acled_date(text: str) -> date:
    """An ACLED event date: ``2020-10-21`` or ``21 October 2020`` (``21-Oct-2020``)."""
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _WRITTEN.match(text)
        month_name = match.group(2).lower() if match else ""
        if not match or month_name not in _MONTHS:
            raise ValueError(f"must be a date like 2020-10-21 or 21 October 2020: {text!r}")
        day, month, year = int(match.group(1)), _MONTHS[month_name], int(match.group(3))
    try:
        return date(year, month, day)
    except ValueError as err:
        raise ValueError(f"is not a date of the calendar ({err}): {text!r}") from None


# -- reading --------------------------------------------------------------------


def _text(cell: str | None) -> str | None:
    """A free-text cell as it is, or None when blank."""
    return cell if cell is not None and cell.strip() else None


def read_acled(path: str | os.PathLike[str], *, sides: SideRegistry = DEFAULT_SIDES) -> list[Claim]:
    """Read every event row of an ACLED-like CSV file as a claim.

    Raises :class:`FormatError` listing every bad row with its line and column.
    """
    errors: list[RecordError] = []
    claims: list[tuple[int, Claim]] = []
    parts: dict[Any, Any] = {}  # the claims' parts, shared (see rows.from_row)
    for number, row in read_records(path, REQUIRED, errors, reserved=("an ACLED", _RESERVED)):
        claim = _claim(row, number, sides, errors, parts)
        if claim is not None:
            claims.append((number, claim))
    result = check_ids(claims, errors)
    if errors:
        raise FormatError(str(path), errors)
    return result


def _claim(
    row: dict[str, str],
    line: int,
    sides: SideRegistry,
    errors: list[RecordError],
    parts: dict[Any, Any],
) -> Claim | None:
    def cell(column: str) -> str:
        return row.get(column, "").strip()

    record = cell("event_id_cnty") or None
    bad: list[RecordError] = []

    def fail(column: str, message: str) -> None:
        bad.append(RecordError(line, column, message, record))

    flat: dict[str, Any] = {"id": record, "outcome": "killed", "unit": PEOPLE, "kind": "incident"}
    fatalities = cell("fatalities")
    if not fatalities:
        fail("fatalities", "is required")
    elif not _WHOLE.match(fatalities):
        fail("fatalities", f"must be a whole number: {fatalities!r}")
    else:
        flat["low"] = flat["high"] = int(fatalities.split(".")[0])
    event_date: date | None = None
    if cell("event_date"):
        try:
            event_date = acled_date(cell("event_date"))
        except ValueError as err:
            fail("event_date", str(err))
    flat["as_of"] = flat["period_start"] = None if event_date is None else event_date.isoformat()
    precision = cell("time_precision")
    if precision:
        if _WHOLE.match(precision) and precision.split(".")[0] in _PRECISION_OF:
            flat["precision"] = _PRECISION_OF[precision.split(".")[0]].value
        else:
            fail("time_precision", f"must be an ACLED time precision 1 to 3: {precision!r}")
    consumed: set[str] = set()
    civilians = cell("civilian_targeting").lower() == CIVILIAN_TARGETING.lower()
    flat["category"] = "civilian" if civilians else "unspecified"
    flat["subject_side"] = "all"
    match = _CIVILIANS.match(cell("actor2"))
    if civilians and match:
        side, known = ("all", True) if match["side"] is None else actor_side(match["side"], sides)
        flat["subject_side"] = side
        if known:
            consumed.add("actor2")
    sources = [s.strip() for s in cell("source").split(SEPARATOR.strip())] if cell("source") else []
    if any(not s for s in sources):
        fail("source", f"names an empty source: {cell('source')!r}")
    flat["reported_by"] = sources
    flat["location"] = _text(row.get("location"))
    flat["note"] = _text(row.get("notes"))
    year = cell("year")
    if not year or (event_date is not None and year == str(event_date.year)):
        consumed.add("year")
    extras = {
        column: value
        for column, value in row.items()
        if column not in _READ and column not in consumed and value != ""
    }
    claim = claim_from(extras | flat, line, _FIELDS, bad, parts)
    errors += bad
    return claim


# -- writing --------------------------------------------------------------------


def _acled_row(claim: Claim) -> dict[str, str]:
    subject, as_of = claim.subject, claim.period.as_of
    row = dict.fromkeys(ACLED_COLUMNS, "")
    sources = [hop.name for hop in claim.chain]
    if claim.claimant is not None and claim.claimant not in sources:
        sources.append(claim.claimant)
    if subject.category is Category.CIVILIAN:
        row["civilian_targeting"] = CIVILIAN_TARGETING
        row["actor2"] = "Civilians" if subject.side == "all" else f"Civilians ({subject.side})"
    row |= {
        "event_id_cnty": claim.id,
        "event_date": "" if as_of is None else as_of.isoformat(),
        "year": "" if as_of is None else str(as_of.year),
        "time_precision": _PRECISION_CODE[claim.period.precision],
        "location": subject.location or "",
        "source": SEPARATOR.join(sources),
        "notes": claim.note or "",
        "fatalities": str(claim.figure.low),
    }
    return row


def _civilians_side(actor2: str, sides: SideRegistry) -> str:
    """The side the reader takes civilians for, by ``actor2`` (any other actor: every side)."""
    match = _CIVILIANS.match(actor2.strip())
    if match is None or match["side"] is None:
        return "all"
    return actor_side(match["side"], sides)[0]


def _read_back(column: str, cell: str) -> object:
    """An ACLED cell as the reader reads it: two cells read alike say the same."""
    text = cell.strip()
    if column in ("fatalities", "time_precision"):
        whole = text.split(".")[0] if _WHOLE.match(text) else None
        if column == "time_precision":
            return _PRECISION_OF.get(whole or "", cell)
        return cell if whole is None else int(whole)
    if column == "event_date":
        try:
            return acled_date(text)
        except ValueError:
            return cell
    if column == "source":
        return [part.strip() for part in cell.split(SEPARATOR.strip())]
    if column == "civilian_targeting":
        return text.lower()
    return text if column in ("event_id_cnty", "year") else cell


def _settler(sides: SideRegistry) -> Settle:
    """What to write in an ACLED column claimrecon fills, for an extra of its name."""

    def settle(claim: Claim, column: str, text: str, cell: str) -> str | None:
        if _read_back(column, text) == _read_back(column, cell):
            return cell
        if column == "year" and text.strip():
            return text  # not the event date's year, so the reader keeps it as this extra again
        subject = claim.subject
        if column == "actor2" and subject.category is Category.CIVILIAN:
            # the civilians' side as the reader takes it: kept as this extra again unless known
            return text if _civilians_side(text, sides) == subject.side else None
        return None

    return settle


def write_acled(
    claims: Iterable[Claim],
    path: str | os.PathLike[str],
    *,
    sides: SideRegistry = DEFAULT_SIDES,
) -> None:
    """Write claims of people killed as ACLED-like rows, atomically; nothing is written on error.

    ``fatalities`` is the most conservative figure, the low bound.  An extra
    named like a column claimrecon fills that says something else than the
    claim is an error (see :mod:`claimrecon.io.acled`); ``sides`` is the
    registry the file will be read with, which tells which side an ``actor2``
    such as "Civilians (Azerbaijan)" names.
    """
    errors: list[RecordError] = []
    rows: list[tuple[Claim, dict[str, str]]] = []
    for claim in claims:
        check_countable(claim, errors, SEPARATOR, "ACLED")
        if claim.claimant is not None and ({";", ">"} & set(claim.claimant)):
            message = f"becomes a source, which cannot hold ';' or '>': {claim.claimant!r}"
            errors.append(RecordError(None, "claimant", message, claim.id))
        rows.append((claim, _acled_row(claim)))
    header = place_extras(rows, ACLED_COLUMNS, errors, "ACLED", _settler(sides))
    if errors:
        raise FormatError(str(path), errors)
    write_table(path, header, [[row.get(h, "") for h in header] for _, row in rows])
