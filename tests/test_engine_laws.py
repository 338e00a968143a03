"""Laws of the engine, checked on generated claim sets: symmetry, order and echo invariance."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimrecon import Claim, Estimate, Flag, Grade, Kind, Period, compare, flag, reconcile
from claimrecon.attribution import annotate
from claimrecon.columnar import claims_to_table
from claimrecon.columnar.engine import reconcile_table
from claimrecon.flags import sort_flags
from claimrecon.reconcile import TraceAction
from claimrecon.sides import normalize_name
from tests.strategies import engine_claim_sets, engine_claims, law_claim_sets


def echo_keys(claims: list[Claim]) -> dict[str, object]:
    return {r.id: r.echo_key for r in annotate(claims)}


def flag_view(flags: list[Flag], keys: dict[str, object]) -> Counter[object]:
    """Flags with claim ids replaced by the statements they carry, as a multiset.

    Not sorted: two flags may differ in their figures alone (a partisan
    message names no reference figure), and figures have no order.
    """
    return Counter(
        (
            f.code,
            f.severity,
            f.message,
            str(f.subject),
            str(f.as_of),
            f.factor,
            f.figures,
            frozenset(repr(keys[c]) for c in f.claims),
        )
        for f in flags
    )


def estimate_view(estimates: list[Estimate], keys: dict[str, object]) -> list[object]:
    """Estimates with trace ids replaced by the statements they carry; sources kept."""
    return [
        (
            e.sort_key,
            e.low,
            e.best,
            e.high,
            e.grade,
            e.sources,
            e.note,
            frozenset((repr(keys[t.claim]), t.action, t.reason) for t in e.trace),
        )
        for e in estimates
    ]


def with_echo(claims: list[Claim], index: int) -> list[Claim] | None:
    """The claim set plus a republication of one claim through another outlet."""
    if not claims:
        return None
    original = claims[index % len(claims)]
    if original.claimant is None and not original.chain:
        return None  # an unattributed claim has no source to echo
    return [*claims, original.republished("zz-echo", "Echo Daily")]


class TestCompareLaws:
    @given(engine_claims(claim_id="a"), engine_claims(claim_id="b"))
    def test_symmetric(self, a: Claim, b: Claim) -> None:
        """compare(a, b) and compare(b, a) agree on relation, reason, ratio, gap, whole and part."""
        ab, ba = compare(a, b), compare(b, a)
        assert (ab.relation, ab.reason, ab.ratio, ab.gap, ab.whole, ab.part) == (
            ba.relation,
            ba.reason,
            ba.ratio,
            ba.gap,
            ba.whole,
            ba.part,
        )

    @given(engine_claims(claim_id="a"), engine_claims(claim_id="b"))
    def test_never_people_against_tanks(self, a: Claim, b: Claim) -> None:
        """Claims counting different kinds of thing are always incomparable."""
        if a.figure.unit != b.figure.unit:
            assert not compare(a, b).comparable


class TestFlagLaws:
    @given(law_claim_sets(), st.randoms(use_true_random=False))
    def test_order_invariant(self, claims: list[Claim], rnd: object) -> None:
        """flag gives the same flags whatever the order of the claims."""
        shuffled = list(claims)
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        assert flag(shuffled) == flag(claims)

    @given(law_claim_sets(), st.integers(0, 100))
    def test_echo_invariant(self, claims: list[Claim], index: int) -> None:
        """An echo through another outlet only adds its id to the flags of its statement."""
        more = with_echo(claims, index)
        if more is None:
            return
        keys = echo_keys(more)
        assert flag_view(flag(more), keys) == flag_view(flag(claims), keys)

    @given(law_claim_sets(), st.randoms(use_true_random=False))
    def test_listing_order(self, claims: list[Claim], rnd: object) -> None:
        """Flags come in the order of their sort key, however they were found."""
        flags = flag(claims)
        assert flags == sorted(flags, key=lambda f: f.sort_key)
        shuffled = list(flags)
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        assert sort_flags(shuffled) == flags

    @given(law_claim_sets())
    def test_units_never_mix(self, claims: list[Claim]) -> None:
        """No flag involves claims of different units, except single-claim flags by definition."""
        units = {c.id: c.figure.unit for c in claims}
        for f in flag(claims):
            assert len({units[c] for c in f.claims}) == 1, f


class TestReconcileLaws:
    @given(law_claim_sets(), st.randoms(use_true_random=False))
    def test_order_invariant(self, claims: list[Claim], rnd: object) -> None:
        """reconcile gives the same estimates whatever the order of the claims."""
        shuffled = list(claims)
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        for policy in ("best", "conservative", "range"):
            assert reconcile(shuffled, policy) == reconcile(claims, policy)

    @given(law_claim_sets(), st.integers(0, 100))
    def test_echo_invariant(self, claims: list[Claim], index: int) -> None:
        """An echo changes no estimate: only its trace entry is added."""
        more = with_echo(claims, index)
        if more is None:
            return
        keys = echo_keys(more)
        assert estimate_view(reconcile(more), keys) == estimate_view(reconcile(claims), keys)

    @given(law_claim_sets(), st.sampled_from(["best", "conservative", "range"]))
    def test_bounds_ordered_and_inside_hull(self, claims: list[Claim], policy: str) -> None:
        """low <= best <= high, all inside the hull of the claims the estimate used."""
        by_id = {c.id: c for c in claims}
        for e in reconcile(claims, policy):
            if e.grade is Grade.DISCOUNTED:
                assert (e.low, e.best, e.high) == (None, None, None)
                continue
            assert e.low is not None and e.best is not None
            assert e.low <= e.best
            assert e.high is None or e.best <= e.high
            used = [by_id[i].figure for i in e.used]
            assert min(f.low for f in used) <= e.low
            if all(f.high is not None for f in used):
                assert e.high is not None
                assert e.high <= max(f.high for f in used if f.high is not None)

    @given(law_claim_sets(), st.sampled_from(["best", "conservative", "range"]))
    def test_series_never_decrease(self, claims: list[Claim], policy: str) -> None:
        """Every reconciled running total (one per start) is non-decreasing in low, best, high."""
        series: dict[object, list[Estimate]] = defaultdict(list)
        for e in reconcile(claims, policy):
            if e.kind == "cumulative" and e.as_of is not None and e.low is not None:
                series[(e.subject, e.location, e.start)].append(e)
        for points in series.values():
            for before, after in itertools.pairwise(points):
                assert before.as_of is not None and after.as_of is not None
                assert before.as_of < after.as_of
                assert before.low is not None and after.low is not None
                assert before.best is not None and after.best is not None
                assert before.low <= after.low and before.best <= after.best
                if after.high is not None:
                    assert before.high is not None and before.high <= after.high

    @given(law_claim_sets())
    def test_no_claim_dropped(self, claims: list[Claim]) -> None:
        """Every claim appears exactly once in a trace as used or set aside."""
        seen: dict[str, int] = defaultdict(int)
        for e in reconcile(claims):
            for t in e.trace:
                if t.action in (TraceAction.USED, TraceAction.SET_ASIDE):
                    seen[t.claim] += 1
        assert dict(seen) == {c.id: 1 for c in claims}

    @given(law_claim_sets(), engine_claim_sets(max_size=8))
    def test_series_from_another_start_apart(
        self, claims: list[Claim], others: list[Claim]
    ) -> None:
        """Running totals from another start add estimates of their own and change no other.

        On both paths: a count "since 30 September" never lifts, caps or joins
        the estimates of the totals counted from 27 September or from no stated
        start.
        """
        later = date(2020, 9, 30)  # no generated claim counts from it
        # a source is spelt as the first of its spellings in the set: the moved claims spell
        # their claimants as the claims already do, so that no other estimate's text changes
        spelt = {normalize_name(c.claimant): c.claimant for c in claims if c.claimant}
        moved = [
            attrs.evolve(
                c,
                id=f"x{c.id}",
                period=Period.since(later, as_of=c.period.as_of),
                claimant=c.claimant and spelt.get(normalize_name(c.claimant), c.claimant),
            )
            for c in others
            if c.period.kind is Kind.CUMULATIVE and c.period.as_of is not None
        ]
        for run in (reconcile, lambda cs: reconcile_table(claims_to_table(cs)).to_estimates()):
            before = run(claims)
            after = run([*claims, *moved])
            assert [e for e in after if e.start != later] == before
            apart = [e for e in after if e.start == later]
            assert {t.claim for e in apart for t in e.trace} == {c.id for c in moved}
