"""A terse builder of claims for hand-written engine tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimrecon import Claim, Figure, Hop, Period, Status, Subject

WAR_START = date(2020, 9, 27)


def day(n: int) -> date:
    """2020-10-n."""
    return date(2020, 10, n)


def claim(
    claim_id: str,
    figure: Figure | int,
    side: str = "armenia",
    category: str = "military",
    outcome: str = "killed",
    *,
    as_of: date | None = date(2020, 10, 1),
    claimant: str | None = "Armenpress",
    chain: tuple[str, ...] = ("Kompas.com", "AFP"),
    incident: bool = False,
    location: str | None = None,
    disputed_by: tuple[str, ...] = (),
    retracted: bool = False,
) -> Claim:
    """A claim with sensible defaults: Armenpress's count of Armenian military dead."""
    fig = Figure.exact(figure) if isinstance(figure, int) else figure
    period = (
        Period.incident(as_of)
        if incident
        else Period.since(WAR_START, as_of=as_of)
        if as_of is not None
        else Period()
    )
    status = Status.DISPUTED if disputed_by else Status.RETRACTED if retracted else Status.REPORTED
    return Claim(
        id=claim_id,
        figure=fig,
        subject=Subject(side, category, outcome, location),
        period=period,
        claimant=claimant,
        chain=tuple(Hop(h) for h in chain),
        status=status,
        disputed_by=disputed_by,
    )


def flat_row(**changes: Any) -> dict[str, Any]:
    """A valid flat claim row (Azerbaijan's 61 civilians), with some fields changed."""
    row: dict[str, Any] = {
        "id": "k-1",
        "claimant": "Azerbaijan",
        "claimant_side": "azerbaijan",
        "reported_by": ["Example Daily", "Reuters"],
        "published": "2020-10-21T09:20:00+07:00",
        "subject_side": "azerbaijan",
        "category": "civilian",
        "outcome": "killed",
        "unit": "person",
        "low": 61,
        "high": 61,
        "as_of": "2020-10-20",
        "kind": "cumulative",
    }
    row.update(changes)
    return row


def nk772(**changes: Any) -> Claim:
    """The README's claim: 772 military dead per Nagorno-Karabakh, via Reuters, via an outlet."""
    claim = Claim(
        id="nk-772",
        figure=Figure.exact(772),
        subject=Subject("armenia", "military", "killed"),
        period=Period.since(WAR_START, as_of=date(2020, 10, 20)),
        claimant="Nagorno-Karabakh",
        claimant_side="armenia",
        chain=(Hop("Example Daily", date(2020, 10, 21)), Hop("Reuters", date(2020, 10, 20))),
        published=date(2020, 10, 21),
    )
    return claim.evolve(**changes) if changes else claim
