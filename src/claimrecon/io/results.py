"""Flags, estimates and attributions as JSON-ready records and CSV rows (cattrs at the edge).

The engine's classes never mention JSON or CSV; this module turns them into
plain dicts with one cattrs converter, and flattens them for CSV.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any

import cattrs

from claimrecon._gc import no_gc
from claimrecon.attribution import Attribution
from claimrecon.figure import Figure
from claimrecon.flags import Flag
from claimrecon.io._atomic import atomic_write
from claimrecon.io.csvfile import neutralize
from claimrecon.reconcile import Estimate

__all__ = [
    "ATTRIBUTION_CSV_COLUMNS",
    "ESTIMATE_CSV_COLUMNS",
    "FLAG_CSV_COLUMNS",
    "attribution_records",
    "converter",
    "dump",
    "estimate_records",
    "flag_records",
    "to_csv_text",
    "to_json_text",
]

#: the columns of a flag CSV file, in order: a file with no flag has them too
FLAG_CSV_COLUMNS = (
    "code",
    "severity",
    "claims",
    "message",
    "figures",
    "as_of",
    "factor",
    "location",
    "unit",
    "side",
    "category",
    "outcome",
)
#: the columns of an estimate CSV file (a row per estimate, no trace), in order
ESTIMATE_CSV_COLUMNS = (
    "unit",
    "side",
    "category",
    "outcome",
    "location",
    "kind",
    "start",
    "as_of",
    "low",
    "best",
    "high",
    "grade",
    "policy",
    "sources",
    "note",
    "used",
    "set_aside",
)
#: the columns of an attribution CSV file (a row per statement of a source), in order
ATTRIBUTION_CSV_COLUMNS = ("source", "side", "stance", "claims", "echoes", "chains")

converter = cattrs.Converter()
converter.register_unstructure_hook(date, lambda d: d.isoformat())
converter.register_unstructure_hook(Enum, lambda e: e.value)
converter.register_unstructure_hook(
    Figure,
    lambda f: {
        "low": f.low,
        "high": f.high,
        "unit": f.unit,
        "rule": f.rule.value,
        "stated": f.stated,
        "qualifier": f.qualifier,
    },
)
converter.register_unstructure_hook(float, lambda x: x if math.isfinite(x) else str(x))


def flag_records(flags: Iterable[Flag]) -> list[dict[str, Any]]:
    """Flags as records: code, severity, claims, figures, message, as_of, factor, location, subject.

    Each record is what ``converter`` unstructures a flag to, with the subject
    as a mapping at the end.  It is built by hand, and each figure once, because
    a million claims can give hundreds of thousands of flags that share most of
    their figures (a test pins it to the converter's output).
    """
    figures: dict[Figure, dict[str, Any]] = {}
    with no_gc():  # many small dicts and lists, no cycles
        return [_flag_record(f, figures) for f in flags]


def _flag_record(f: Flag, figures: dict[Figure, dict[str, Any]]) -> dict[str, Any]:
    shown = []
    for figure in f.figures:
        found = figures.get(figure)
        if found is None:
            found = figures[figure] = converter.unstructure(figure)
        shown.append(dict(found))
    subject = f.subject
    return {
        "code": f.code,
        "severity": f.severity.value,
        "claims": list(f.claims),
        "figures": shown,
        "message": f.message,
        "as_of": None if f.as_of is None else f.as_of.isoformat(),
        "factor": None if f.factor is None else converter.unstructure(f.factor),
        "location": f.location,
        "subject": None
        if subject is None
        else dict(zip(("unit", "side", "category", "outcome"), subject, strict=True)),
    }


def estimate_records(estimates: Iterable[Estimate], *, trace: bool = True) -> list[dict[str, Any]]:
    """Estimates as records, with the ids used and set aside and the whole trace.

    With ``trace=False`` the records leave the trace out (the ids used and set
    aside stay): what a row per estimate can hold.  Each record is what
    ``converter`` unstructures the estimate to, then ``used`` and
    ``set_aside``; it is built by hand, as a million claims give tens of
    thousands of estimates (a test pins it to the converter's output).
    """
    with no_gc():  # many small dicts and lists, no cycles
        return [_estimate_record(e, trace) for e in estimates]


def _estimate_record(e: Estimate, trace: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "unit": e.unit,
        "side": e.side,
        "category": e.category,
        "outcome": e.outcome,
        "location": e.location,
        "kind": e.kind.value,
        "start": None if e.start is None else e.start.isoformat(),
        "as_of": None if e.as_of is None else e.as_of.isoformat(),
        "low": e.low,
        "best": e.best,
        "high": e.high,
        "grade": e.grade.value,
        "policy": e.policy.value,
        "sources": e.sources,
    }
    if trace:
        record["trace"] = [
            {"claim": t.claim, "action": t.action.value, "reason": t.reason} for t in e.trace
        ]
    record["note"] = e.note
    record["used"] = list(e.used)
    record["set_aside"] = list(e.set_aside)
    return record


def attribution_records(attribution: Attribution) -> list[dict[str, Any]]:
    """Independent sources with their statements, echoes and chains."""
    return [
        {
            "source": s.name,
            "side": s.side,
            "statements": [
                {
                    "claims": list(st.claims),
                    "stance": st.stance.value,
                    "echoes": st.echoes,
                    "chains": [list(c) for c in st.chains],
                }
                for st in s.statements
            ],
        }
        for s in attribution.sources
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(record: dict[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, dict) and key == "subject":
            for k, v in value.items():
                flat[k] = _cell(v)
        else:
            flat[key] = _cell(value)
    return flat


def to_csv_text(records: Sequence[dict[str, Any]], *, columns: Sequence[str] | None = None) -> str:
    """Records as CSV text (nested values as JSON), formula injection defused.

    ``columns`` come first, in order, then any other field of the records in
    the order they first appear: with the columns a file always has, a file of
    no record still has its header (:data:`FLAG_CSV_COLUMNS`,
    :data:`ESTIMATE_CSV_COLUMNS`, :data:`ATTRIBUTION_CSV_COLUMNS`).
    """
    with no_gc():  # a cell per field of every record, no cycles
        rows = [_flatten(r) for r in records]
        header = list(columns) if columns else []
        for row in rows:
            header.extend(k for k in row if k not in header)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralize(row.get(h, "")) for h in header])
        return buffer.getvalue()


def to_json_text(records: Any) -> str:
    """Records as indented JSON."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def dump(text: str, path: str | os.PathLike[str]) -> None:
    """Write text to a file atomically."""
    with atomic_write(path, newline="") as handle:
        handle.write(text)
