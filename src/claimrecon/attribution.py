"""Attribution: who actually made each claim, who merely repeated it, and about whom.

A claim travels from its original claimant through wires and outlets.  The
*original source* of a claim is its claimant, or the innermost hop of its
chain when the text names no claimant (the wire's own reporting); names are
made canonical through a :class:`~claimrecon.sides.SideRegistry`, so
"Stepanakert" and "Artsakh" are one voice.

Claims that carry the same figure about the same subject and period from the
same original source are *echoes* of one *statement*: however many outlets
carry it, it is one independent source (the Every Casualty standard's
"different primary sources", and UCDP's one ``source_original`` per source).

Each claim also has a *stance*: ``own`` (a side about its own losses),
``enemy`` (a side about the other side's losses), ``third_party`` (a
non-belligerent), ``mixed`` (a side about every side at once) or ``unknown``.
"""

from __future__ import annotations

import enum
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Union

import attrs

from claimrecon.claim import ALL_SIDES, THIRD_PARTY, UNKNOWN, Claim, Status
from claimrecon.errors import ArgumentError, DuplicateIdError
from claimrecon.sides import DEFAULT_SIDES, SideRegistry, normalize_name

if TYPE_CHECKING:
    import polars as pl
    import pyarrow as pa

    from claimrecon.columnar.engine import PreparedClaims

__all__ = [
    "Annotated",
    "Attribution",
    "Source",
    "Stance",
    "Statement",
    "annotate",
    "attribute",
    "check_unique_ids",
    "representative",
    "route",
    "source_names",
    "stance_of",
]


class Stance(enum.StrEnum):
    """Who is claiming about whose losses."""

    OWN = "own"
    ENEMY = "enemy"
    THIRD_PARTY = "third_party"
    MIXED = "mixed"
    UNKNOWN = "unknown"


def stance_of(claimant_side: str, subject_side: str) -> Stance:
    """The stance of a claimant of one side about the losses of a subject side."""
    if claimant_side == THIRD_PARTY:
        return Stance.THIRD_PARTY
    if claimant_side == UNKNOWN or subject_side == UNKNOWN:
        return Stance.UNKNOWN
    if subject_side == ALL_SIDES:
        return Stance.MIXED
    return Stance.OWN if claimant_side == subject_side else Stance.ENEMY


#: what the engine's functions accept: claims, a claim or table file, an Arrow table, a frame,
#: claims prepared for the columnar engine
ClaimSource = Union[
    Iterable[Claim], str, "os.PathLike[str]", "pa.Table", "pl.DataFrame", "PreparedClaims"
]

#: lists of at least this many claims go through the columnar engine: where it overtakes the
#: object path, measured on synthetic claims (flag and reconcile of 2,000 claims, 0.09 s either way)
COLUMNAR_THRESHOLD = 2_000

_TABULAR_MODULES = ("pandas", "polars", "pyarrow")


def route(claims: ClaimSource) -> tuple[list[Claim] | None, Any]:
    """Where claims go: ``(list, None)`` for the object path, ``(None, data)`` for the columnar.

    Files, Arrow tables, polars or pandas frames and claims prepared for the
    engine (:func:`claimrecon.columnar.engine.prepare_claims`) go through the
    columnar engine, and so do lists of :data:`COLUMNAR_THRESHOLD` claims or more.
    """
    module = type(claims).__module__
    if (
        isinstance(claims, str | os.PathLike)
        or module.split(".")[0] in _TABULAR_MODULES
        or module.startswith("claimrecon.columnar")  # claims prepared for the engine
    ):
        return None, claims
    items = claim_list(claims)  # type: ignore[arg-type]  # tables went the other way
    if len(items) >= COLUMNAR_THRESHOLD:
        return None, items
    return items, None


def claim_list(claims: Iterable[object]) -> list[Claim]:
    """The claims as a list; an :class:`ArgumentError` names the first item that is not a claim."""
    items = list(claims)
    if not all(issubclass(kind, Claim) for kind in set(map(type, items))):
        place, item = next((i, c) for i, c in enumerate(items) if not isinstance(c, Claim))
        raise ArgumentError(f"item {place + 1} of the claims is not a Claim: {item!r:.100}")
    return items  # type: ignore[return-value]  # every item is a Claim


def check_unique_ids(claims: Sequence[Claim]) -> None:
    """Raise :class:`DuplicateIdError` if two claims share an id."""
    seen: set[str] = set()
    repeated: list[str] = []
    for claim in claims:
        if claim.id in seen:
            repeated.append(claim.id)
        seen.add(claim.id)
    if repeated:
        raise DuplicateIdError(sorted(set(repeated)))


#: an echo key: the same statement, whoever carried it
EchoKey = tuple[
    str,
    str,
    str,
    str,
    str,
    str,
    str | None,
    str,
    date | None,
    date | None,
    int,
    int | None,
    str,
    int | None,
]
#: an order key: what a claim says, then its qualifier word and id (None sorts last)
OrderKey = tuple[object, ...]


@attrs.frozen
class Annotated:
    """A claim with what attribution resolved: its source, side, stance and echo key.

    This is the row the engine works on; the columnar path computes the same
    columns for a whole table at once.
    """

    claim: Claim
    source: str
    source_side: str
    stance: Stance

    @property
    def id(self) -> str:
        """The claim's id."""
        return self.claim.id

    @property
    def subject_key(self) -> tuple[str, str, str, str]:
        """``(unit, side, category, outcome)``: what is counted, in which unit."""
        return (self.claim.figure.unit, *self.claim.subject.key)

    @property
    def echo_key(self) -> EchoKey:
        """Claims with equal echo keys are one statement carried by several outlets.

        The key is what the statement says: its source (and side), subject,
        place, period and figure (bounds, rule and stated number), but not the
        qualifier word, which changes with the language of the outlet.
        """
        c = self.claim
        return (
            self.source,
            self.source_side,
            *self.subject_key,
            c.subject.location,
            c.period.kind.value,
            c.period.start,
            c.period.as_of,
            c.figure.low,
            c.figure.high,
            c.figure.rule.value,
            c.figure.stated,
        )

    @property
    def order_key(self) -> OrderKey:
        """A total order on claims by what they say, then qualifier and id; None sorts last.

        Every choice among tied claims (which figure to quote in a flag) takes
        the first claim in this order, so results do not depend on the order
        of the input, and an echo never displaces what it echoes.
        """
        c = self.claim
        return (
            self.source,
            self.source_side,
            *self.subject_key,
            *_last(c.subject.location, ""),
            c.period.kind.value,
            *_last(c.period.start, date.min),
            *_last(c.period.as_of, date.min),
            c.figure.low,
            *_last(c.figure.high, 0),
            c.figure.rule.value,
            *_last(c.figure.stated, 0),
            c.figure.qualifier or "",
            c.id,
        )

    @property
    def retracted(self) -> bool:
        """Whether the claimant withdrew the claim."""
        return self.claim.status is Status.RETRACTED


def _last(value: object, default: object) -> tuple[bool, object]:
    """Sort ``None`` after every value."""
    return (value is None, default if value is None else value)


def representative(members: Sequence[Annotated]) -> Annotated:
    """The claim that speaks for a statement: the first in :attr:`Annotated.order_key`."""
    return min(members, key=lambda r: r.order_key)


def source_names(names: Iterable[str], registry: SideRegistry = DEFAULT_SIDES) -> dict[str, str]:
    """Each original claimant's name given, mapped to the name of its source.

    A name the registry knows becomes its canonical name.  Names it does not
    know are one source when :func:`~claimrecon.sides.normalize_name` makes
    them one, as the registry's own lookups do: when they differ only in
    case, accents, spacing and the marks ``- _ ' ’ .`` ("Example Wire",
    "EXAMPLE WIRE", "example-wire").  That source is spelt as the first of
    the spellings given, in code-point order (after stripping), so the
    choice does not depend on the order of the claims, though it does on
    which spellings the claims use.  Both the object path and the columnar
    engine name sources through this.
    """
    out: dict[str, str] = {}
    unknown: dict[str, list[str]] = defaultdict(list)
    for name in set(names):
        if registry.knows(name):
            out[name] = registry.canonical(name)
        else:
            unknown[normalize_name(name) or name.strip()].append(name)
    for spellings in unknown.values():
        out.update(dict.fromkeys(spellings, min(n.strip() for n in spellings)))
    return out


def _resolve(claim: Claim, registry: SideRegistry, names: dict[str, str]) -> tuple[str, str]:
    name = claim.original_source
    if name is None:
        return f"(unattributed: {claim.id})", UNKNOWN
    side = claim.claimant_side
    if side == UNKNOWN:
        side = registry.side_of(name)
    return names[name], side


def annotate(claims: Iterable[Claim], registry: SideRegistry = DEFAULT_SIDES) -> list[Annotated]:
    """Resolve the original source, its side and the stance of every claim.

    The claimant's side is the claim's own ``claimant_side`` when known, else
    the registry's; a claim with no claimant is the innermost hop's own
    reporting, with that hop's side in the registry (a wire is a third party).
    A claim with neither claimant nor chain is its own, unattributed source.
    Sources are named by :func:`source_names`.
    """
    items = list(claims)
    names = source_names(
        {c.original_source for c in items if c.original_source is not None}, registry
    )
    out = []
    for claim in items:
        source, side = _resolve(claim, registry, names)
        out.append(Annotated(claim, source, side, stance_of(side, claim.subject.side)))
    return out


@attrs.frozen
class Statement:
    """One statement of an original source and the claims that carry it (its echoes)."""

    source: str
    side: str
    stance: Stance
    claims: tuple[str, ...]
    chains: tuple[tuple[str, ...], ...]

    @property
    def echoes(self) -> int:
        """How many claims carry the statement beyond the first."""
        return len(self.claims) - 1


@attrs.frozen
class Source:
    """An independent source: an original claimant and everything it said."""

    name: str
    side: str
    statements: tuple[Statement, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim that goes back to this source."""
        return tuple(sorted(c for s in self.statements for c in s.claims))


@attrs.frozen
class Attribution:
    """The independent sources of a claim set, and each claim's source and stance.

    >>> from claimrecon import attribute, load_seeds
    >>> result = attribute(load_seeds())
    >>> result.source_of("001-02").name
    'Nagorno-Karabakh'
    """

    sources: tuple[Source, ...]
    _source_by_claim: dict[str, str] = attrs.field(alias="source_by_claim")
    _statement_by_claim: dict[str, Statement] = attrs.field(alias="statement_by_claim")

    def source_of(self, claim_id: str) -> Source:
        """The independent source a claim goes back to."""
        name = self._source_by_claim[claim_id]
        return next(s for s in self.sources if s.name == name)

    def statement_of(self, claim_id: str) -> Statement:
        """The statement a claim carries, with its echoes."""
        return self._statement_by_claim[claim_id]

    def stance_of(self, claim_id: str) -> Stance:
        """Whether the claim is about the claimant's own losses, the enemy's, or neither."""
        return self._statement_by_claim[claim_id].stance

    def echoes_of(self, claim_id: str) -> tuple[str, ...]:
        """The other claims that carry the same statement."""
        return tuple(c for c in self._statement_by_claim[claim_id].claims if c != claim_id)


def attribute(claims: Iterable[Claim], registry: SideRegistry = DEFAULT_SIDES) -> Attribution:
    """Group claims into independent sources and statements; resolve stances.

    "Who actually said 772, and who merely repeated it?": the source of each
    claim is its original claimant, and claims carrying the same figure
    about the same subject and period from that source are echoes of one
    statement, whatever outlets and wires carried them.  The result does not
    depend on the order of the claims.  Raises :class:`DuplicateIdError` when
    two claims share an id.
    """
    items = claim_list(claims)
    check_unique_ids(items)
    groups: dict[EchoKey, list[Annotated]] = defaultdict(list)
    for row in annotate(items, registry):
        groups[row.echo_key].append(row)
    by_source: dict[str, list[Statement]] = defaultdict(list)
    sides: dict[str, set[str]] = defaultdict(set)
    statement_by_claim: dict[str, Statement] = {}
    for rows in groups.values():
        rows.sort(key=lambda r: r.id)
        first = representative(rows)
        statement = Statement(
            source=first.source,
            side=first.source_side,
            stance=first.stance,
            claims=tuple(r.id for r in rows),
            chains=tuple(tuple(h.name for h in r.claim.chain) for r in rows),
        )
        by_source[first.source].append(statement)
        sides[first.source].add(first.source_side)
        for r in rows:
            statement_by_claim[r.id] = statement
    sources = tuple(
        Source(
            name=name,
            side=_one_side(sides[name]),
            statements=tuple(sorted(statements, key=lambda s: s.claims)),
        )
        for name, statements in sorted(by_source.items())
    )
    source_by_claim = {cid: st.source for cid, st in statement_by_claim.items()}
    return Attribution(sources, source_by_claim, statement_by_claim)


def _one_side(sides: set[str]) -> str:
    known = sides - {UNKNOWN}
    return known.pop() if len(known) == 1 else UNKNOWN
