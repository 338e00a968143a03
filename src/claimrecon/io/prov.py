"""W3C PROV-JSON: the attribution chains of claims (``.prov.json``, write-only).

Each claim becomes a small provenance graph in the terms of W3C PROV-DM
(https://www.w3.org/TR/prov-dm/), written with the ``prov`` package::

    claim:<id>                 entity, the claim as published (prov:type cr:Claim)
      wasAttributedTo          agent:<claimant>
      wasDerivedFrom           claim:<id>/hop/0     (prov:type prov:Quotation)
      hadPrimarySource         claim:<id>/statement
    claim:<id>/hop/<i>         entity, the claim as hop i (outermost 0) carried it
      wasAttributedTo          agent:<hop name>     (the outlet or wire)
      wasDerivedFrom           claim:<id>/hop/<i+1>, the innermost the statement (Quotation)
      hadPrimarySource         claim:<id>/statement
    claim:<id>/statement       entity, the claimant's own statement
      wasAttributedTo          agent:<claimant>

With no claimant there is no statement entity: the innermost hop is where
the chain starts.  With no chain the claim quotes the statement directly.
Publication dates become generation times (``wasGeneratedBy`` with no
activity): the claim's ``published``, each hop's date; a date without a time
is written as midnight.  One agent stands for each name, shared by every
claim that cites it.  Identifiers percent-encode ids and names
(``agent:Example%20Daily``); each agent and entity has its name as
``prov:label``.

The claim entity carries the figure and what it counts as ``cr:`` attributes
(namespace ``urn:claimrecon:vocab:``): ``low``, ``high`` (absent when
open), ``unit``, ``rule``, ``stated``, ``qualifier``, ``subject_side``,
``category``, ``outcome``, ``location``, ``as_of`` and ``period_start``
(``xsd:date``), ``kind``, ``precision``, ``claimant_side``, ``status``,
``disputed_by`` (joined with ``"; "``), ``document``, ``url``, ``note``.

Keeps: every field but the evidence span and text and the extra columns.
PROV-JSON is written only; claimrecon does not read it back.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from claimrecon.claim import LIST_SEPARATOR, Claim
from claimrecon.errors import FormatError, RecordError
from claimrecon.io._atomic import atomic_write

__all__ = ["AGENT_NS", "CLAIM_NS", "VOCAB_NS", "prov_document", "write_prov"]

#: namespace of claimrecon's terms (cr:Claim, cr:low ...)
VOCAB_NS = "urn:claimrecon:vocab:"
#: namespace of the claims' entities
CLAIM_NS = "urn:claimrecon:claim:"
#: namespace of the agents (claimants, outlets, wires)
AGENT_NS = "urn:claimrecon:agent:"


def _load_prov() -> Any:
    try:
        import prov.model
    except ModuleNotFoundError as err:  # pragma: no cover - prov is installed for the tests
        raise ModuleNotFoundError(
            "writing PROV-JSON needs the prov package: pip install 'claimrecon[prov]'"
        ) from err
    return prov.model


def _moment(value: date) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def _xsd_date(day: date | None, pm: Any) -> Any:
    return None if day is None else pm.Literal(day.isoformat(), pm.XSD_DATE)


def _attributes(claim: Claim, pm: Any, cr: Any) -> dict[str, Any]:
    figure, subject, period = claim.figure, claim.subject, claim.period
    values: dict[str, Any] = {
        "prov:type": cr["Claim"],
        "prov:label": f"{claim.id}: {figure}",
        "cr:low": figure.low,
        "cr:high": figure.high,
        "cr:unit": figure.unit,
        "cr:rule": figure.rule.value,
        "cr:stated": figure.stated,
        "cr:qualifier": figure.qualifier,
        "cr:subject_side": subject.side,
        "cr:category": subject.category.value,
        "cr:outcome": subject.outcome.value,
        "cr:location": subject.location,
        "cr:as_of": _xsd_date(period.as_of, pm),
        "cr:period_start": _xsd_date(period.start, pm),
        "cr:kind": period.kind.value,
        "cr:precision": period.precision.value,
        "cr:claimant_side": claim.claimant_side,
        "cr:status": claim.status.value,
        "cr:disputed_by": LIST_SEPARATOR.join(claim.disputed_by) or None,
        "cr:document": claim.evidence.document,
        "cr:url": claim.url,
        "cr:note": claim.note,
    }
    return {k: v for k, v in values.items() if v is not None}


def prov_document(claims: Iterable[Claim]) -> Any:
    """The claims' attribution chains as a ``prov.model.ProvDocument``.

    Raises :class:`FormatError` when two claims share an id (their entities would merge).
    """
    pm = _load_prov()
    doc = pm.ProvDocument()
    cr = doc.add_namespace("cr", VOCAB_NS)
    doc.add_namespace("claim", CLAIM_NS)
    doc.add_namespace("agent", AGENT_NS)
    agents: dict[str, Any] = {}

    def agent(name: str) -> Any:
        if name not in agents:
            agents[name] = doc.agent(f"agent:{quote(name, safe='')}", {"prov:label": name})
        return agents[name]

    seen: set[str] = set()
    errors: list[RecordError] = []
    for claim in claims:
        if claim.id in seen:
            errors.append(RecordError(None, "id", "repeats the id of an earlier claim", claim.id))
            continue
        seen.add(claim.id)
        base = f"claim:{quote(claim.id, safe='')}"
        entity = doc.entity(base, _attributes(claim, pm, cr))
        if claim.published is not None:
            doc.wasGeneratedBy(entity, None, _moment(claim.published))
        statement = None
        if claim.claimant is not None:
            claimant = agent(claim.claimant)
            doc.wasAttributedTo(entity, claimant)
            statement = doc.entity(
                f"{base}/statement",
                {
                    "prov:type": cr["Statement"],
                    "prov:label": f"{claim.claimant}'s statement",
                },
            )
            doc.wasAttributedTo(statement, claimant)
        reports = []
        for i, hop in enumerate(claim.chain):
            report = doc.entity(
                f"{base}/hop/{i}",
                {
                    "prov:type": cr["Report"],
                    "prov:label": f"{claim.id} as reported by {hop.name}",
                },
            )
            doc.wasAttributedTo(report, agent(hop.name))
            if hop.published is not None:
                doc.wasGeneratedBy(report, None, _moment(hop.published))
            reports.append(report)
        quoted = [entity, *reports] + ([statement] if statement is not None else [])
        for outer, inner in itertools.pairwise(quoted):
            doc.quotation(outer, inner)
        if statement is not None:
            for derived in [entity, *reports]:
                doc.primary_source(derived, statement)
    if errors:
        raise FormatError("<PROV document>", errors)
    return doc


def write_prov(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write the claims' attribution chains as PROV-JSON, atomically."""
    try:
        doc = prov_document(claims)
    except FormatError as err:
        raise FormatError(str(path), err.errors) from None
    text = doc.serialize(format="json", indent=2)
    with atomic_write(path, newline="\n") as handle:
        handle.write(text)
        handle.write("\n")
