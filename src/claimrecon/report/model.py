"""What a report shows, computed once and shared by the HTML and Markdown writers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import attrs

from claimrecon.attribution import Annotated, Attribution, annotate, attribute
from claimrecon.claim import Claim
from claimrecon.flags import Flag, flag
from claimrecon.reconcile import Estimate, Policy, reconcile
from claimrecon.sides import DEFAULT_SIDES, SideRegistry

SubjectKey = tuple[str, str, str, str]


@attrs.frozen
class SubjectView:
    """One subject's claims, estimates and flags."""

    key: SubjectKey
    rows: tuple[Annotated, ...]
    estimates: tuple[Estimate, ...]
    flags: tuple[Flag, ...]

    @property
    def title(self) -> str:
        """``'armenia military killed (person)'``."""
        unit, side, category, outcome = self.key
        return f"{side} {category} {outcome.replace('_', ' ')} ({unit})"

    @property
    def slug(self) -> str:
        """A file-name-safe name for the subject's chart."""
        return "-".join(self.key).replace("_", "-")

    def flags_of(self, claim_id: str) -> list[str]:
        """The codes of the flags that concern a claim."""
        return sorted({f.code for f in self.flags if claim_id in f.claims})


@attrs.frozen
class ReportData:
    """Everything a report shows."""

    title: str
    inputs: tuple[str, ...]
    claims: tuple[Claim, ...]
    attribution: Attribution
    flags: tuple[Flag, ...]
    estimates: tuple[Estimate, ...]
    subjects: tuple[SubjectView, ...]
    policy: Policy


def build(
    claims: Sequence[Claim],
    *,
    inputs: Sequence[str] = (),
    policy: Policy | str = "best",
    registry: SideRegistry = DEFAULT_SIDES,
    title: str = "claimrecon report",
) -> ReportData:
    """Attribute, flag and reconcile the claims, and group everything by subject."""
    rows = annotate(claims, registry)
    attribution = attribute(claims, registry)
    flags = flag(claims, registry=registry)
    estimates = reconcile(claims, policy, registry=registry)
    by_subject: dict[SubjectKey, list[Annotated]] = defaultdict(list)
    for r in rows:
        by_subject[r.subject_key].append(r)
    subjects = tuple(
        SubjectView(
            key,
            tuple(
                sorted(
                    members,
                    key=lambda r: (r.claim.period.as_of is None, str(r.claim.period.as_of), r.id),
                )
            ),
            tuple(e for e in estimates if e.subject == key),
            tuple(
                f
                for f in flags
                if f.subject == key or any(c in {m.id for m in members} for c in f.claims)
            ),
        )
        for key, members in sorted(by_subject.items())
    )
    return ReportData(
        title,
        tuple(inputs),
        tuple(claims),
        attribution,
        tuple(flags),
        tuple(estimates),
        subjects,
        Policy(policy),
    )
