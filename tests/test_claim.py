"""Claim and its parts: invariants checked at construction, errors naming the field."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest

from claimrecon import (
    ArgumentError,
    Claim,
    ClaimReconError,
    Evidence,
    Figure,
    Hop,
    InvalidClaimError,
    Period,
    Subject,
    attribute,
    compare,
    flag,
    load_seeds,
    reconcile,
    write_claims,
)
from claimrecon.claim import MAX_COUNT
from claimrecon.columnar import claims_to_table
from claimrecon.columnar.engine import flag_table, reconcile_table
from claimrecon.errors import DuplicateIdError, FormatError, ParseError, RecordError

WIB = timezone(timedelta(hours=7))


def make(**changes: object) -> Claim:
    base: dict[str, object] = {
        "id": "c1",
        "figure": Figure.exact(772),
        "subject": Subject("armenia", "military", "killed"),
        "period": Period.since(date(2020, 9, 27), as_of=date(2020, 10, 20)),
        "claimant": "Nagorno-Karabakh",
        "claimant_side": "armenia",
        "chain": (Hop("Example Daily", datetime(2020, 10, 21, 9, 20, tzinfo=WIB)), Hop("Reuters")),
        "published": datetime(2020, 10, 21, 9, 20, tzinfo=WIB),
    }
    base.update(changes)
    return Claim(**base)  # type: ignore[arg-type]


class TestClaim:
    def test_builds(self) -> None:
        """A claim keeps its parts and knows its original source and outlet."""
        c = make()
        assert c.original_source == "Nagorno-Karabakh"
        assert c.outlet == "Example Daily"
        assert c.subject.key == ("armenia", "military", "killed")

    def test_original_source_falls_back_to_innermost_hop(self) -> None:
        """With no claimant named, the innermost hop (the wire) is the source."""
        assert make(claimant=None).original_source == "Reuters"

    def test_frozen(self) -> None:
        """Claims are immutable and hashable."""
        c = make()
        with pytest.raises(AttributeError):
            c.id = "x"  # type: ignore[misc]
        assert hash(c) == hash(make())

    def test_republished(self) -> None:
        """Republishing adds an outer hop and keeps everything else."""
        c = make().republished("c2", "Another Daily")
        assert [h.name for h in c.chain] == ["Another Daily", "Example Daily", "Reuters"]
        assert c.figure == make().figure

    def test_incident_without_start_is_one_day(self) -> None:
        """An incident given no start is one day, its as-of day; a running total keeps none."""
        on = date(2020, 10, 5)
        assert Period(as_of=on, kind="incident") == Period.incident(on)
        assert Period(as_of=on).start is None
        assert Period(kind="incident").start is None  # undated: no day to take

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"figure": Figure.exact(1, "tank")}, "outcome"),
            ({"subject": Subject("armenia", "military", "destroyed")}, "outcome"),
            ({"id": ""}, "id"),
            ({"id": " c1"}, "id"),
            ({"claimant": ""}, "claimant"),
            ({"claimant_side": "Armenia"}, "claimant_side"),
            ({"claimant_side": "all"}, "claimant_side"),
            ({"published": datetime(2020, 10, 19, tzinfo=WIB)}, "as_of"),
            ({"status": "disputed"}, "disputed_by"),
            ({"disputed_by": ("Turkey",)}, "disputed_by"),
            ({"status": "denied"}, "status"),
            ({"chain": (Hop("A"), Hop("B"), Hop("A"))}, "reported_by"),
            ({"chain": "Reuters"}, "reported_by"),
            ({"status": "disputed", "disputed_by": "Turkey"}, "disputed_by"),
            ({"extra": {"note": "x"}}, "extra"),  # in a file it would take the note's place
            ({"extra": {"x_src": 1, "status": "retracted"}}, "extra"),
            ({"note": "x\ud800"}, "note"),  # a lone surrogate: no file could hold it
            ({"chain": (Hop("A\udfff"),)}, "reported_by"),
            ({"extra": {"x_a": ["ok", {"k": "\ud800"}]}}, "extra"),
            ({"figure": 5}, "figure"),
            ({"subject": ("armenia", "military", "killed")}, "subject"),
            ({"period": None}, "period"),
            ({"evidence": "the text"}, "evidence"),
            ({"figure": Figure.exact(MAX_COUNT + 1)}, "low"),
            ({"figure": Figure.between(3, MAX_COUNT + 1)}, "high"),
        ],
    )
    def test_invariants(self, changes: dict[str, object], field: str) -> None:
        """Each broken invariant raises InvalidClaimError naming the claim and the field."""
        with pytest.raises(InvalidClaimError) as info:
            make(**changes)
        assert info.value.field == field
        assert info.value.record in ("c1", "", " c1", None)
        assert repr(field) in str(info.value)

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: Subject("armenia", "soldiers", "killed"), "category"),
            (lambda: Subject("armenia", "military", "vanished"), "outcome"),
            (lambda: Subject("Armenia!", "military", "killed"), "subject_side"),
            (lambda: Period(as_of=date(2020, 9, 1), start=date(2020, 9, 27)), "period_start"),
            (lambda: Period(as_of=datetime(2020, 9, 1)), "as_of"),  # type: ignore[arg-type]
            (lambda: Period(as_of="2020-09-01"), "as_of"),  # type: ignore[arg-type]
            (lambda: Hop("Kompas > AFP"), "reported_by"),
            (lambda: Evidence("d", start=5, end=None), "evidence_end"),
            (lambda: Evidence("d", start=5, end=3), "evidence_end"),
            (lambda: Evidence("d", start=-1, end=3), "evidence_start"),
            (lambda: Evidence("d", start=0, end=3, text="ab"), "evidence"),
            (lambda: Figure(5, 5, "person", "exactly"), "rule"),  # type: ignore[arg-type]
        ],
    )
    def test_part_invariants(self, build: object, field: str) -> None:
        """Parts check their own fields."""
        with pytest.raises(InvalidClaimError) as info:
            build()  # type: ignore[operator]
        assert info.value.field == field

    def test_message_names_field_rule_value(self) -> None:
        """The message reads: claim 'id': 'field' rule: value."""
        with pytest.raises(
            InvalidClaimError, match=r"claim 'c1': 'claimant_side' must be .*'Armenia'"
        ):
            make(claimant_side="Armenia")


class TestErrors:
    @pytest.mark.parametrize(
        ("call", "says"),
        [
            (lambda seeds: reconcile(seeds, "median"), "policy must be one of best, "),
            (lambda seeds: reconcile_table(seeds, "median"), "policy must be one of best, "),
            (lambda seeds: flag(seeds, window_days=None), "window_days must be a whole"),
            (lambda seeds: flag_table(seeds, window_days=1.5), "window_days must be a whole"),
            (lambda seeds: flag([*seeds, "x"]), "item 19 of the claims is not a Claim: 'x'"),
            (lambda seeds: reconcile([seeds[0], 3]), "item 2 of the claims is not a Claim: 3"),
            (lambda seeds: attribute([None, *seeds]), "item 1 of the claims is not a Claim"),
            (lambda seeds: flag(seeds * 200 + [1]), "item 3601 of the claims is not a Claim"),
            (lambda seeds: flag_table([*seeds, "x"]), "item 19 of the claims is not a Claim"),
            (lambda seeds: compare(seeds[0], "x"), "compare takes two claims; b is 'x'"),
            (lambda seeds: claims_to_table([*seeds, 1]), "item 19 of the claims is not a Claim"),
            (lambda seeds: write_claims([1], "never.jsonl"), "item 1 of the claims is not a"),
        ],
    )
    def test_bad_arguments(self, call: Callable[[list[Claim]], object], says: str) -> None:
        """Arguments the functions cannot take are an ArgumentError saying which, on both paths."""
        with pytest.raises(ArgumentError, match=re.escape(says)):
            call(load_seeds())

    @pytest.mark.parametrize(
        "error",
        [
            InvalidClaimError("low", "must be >= 0", -3, "k-3"),
            ParseError("banyak", "not a number"),
            DuplicateIdError(["a", "b"]),
            FormatError("f.csv", [RecordError(3, "low", "must be >= 0: -3", "k-3")]),
        ],
    )
    def test_hierarchy_and_pickle(self, error: Exception) -> None:
        """Every error is a ClaimReconError and a ValueError, and pickles with its fields."""
        assert isinstance(error, ClaimReconError)
        assert isinstance(error, ValueError)
        again = pickle.loads(pickle.dumps(error))
        assert str(again) == str(error)

    def test_missing_dependency_is_import_error(self) -> None:
        """A missing optional library is an ImportError and a ClaimReconError, one class."""
        import claimrecon.columnar
        import claimrecon.frames

        error = claimrecon.MissingDependencyError("pandas", "'claimrecon[pandas]'")
        assert isinstance(error, ClaimReconError) and isinstance(error, ImportError)
        assert claimrecon.columnar.MissingDependencyError is type(error)
        assert claimrecon.frames.MissingDependencyError is type(error)
        again = pickle.loads(pickle.dumps(error))
        assert (again.module, again.install, str(again)) == ("pandas", error.install, str(error))

    def test_unit_mismatch_is_type_error(self) -> None:
        """Mixing units is a TypeError, pint's DimensionalityError and a ClaimReconError."""
        from pint.errors import DimensionalityError

        with pytest.raises(ClaimReconError) as info:
            Figure.exact(1) + Figure.exact(1, "tank")
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, DimensionalityError)
        assert str(pickle.loads(pickle.dumps(info.value))) == str(info.value)

    def test_format_error_lists_every_record(self) -> None:
        """A FormatError names the file, the line, the claim and the field of each bad record."""
        err = FormatError(
            "f.csv",
            [
                RecordError(3, "low", "must be >= 0: -3", "k-3"),
                RecordError(5, "unit", "unknown", None),
            ],
        )
        assert "f.csv: line 3, claim 'k-3', field 'low'" in str(err)
        assert "line 5, field 'unit'" in str(err)
