"""claimrecon.sides: the side registry's names, aliases and places."""

from __future__ import annotations

import doctest
import pickle

import attrs
import pytest

import claimrecon.sides
from claimrecon.errors import InvalidClaimError
from claimrecon.sides import DEFAULT_SIDES, SideRegistry, normalize_name

UKRAINE: dict[str, list[str | tuple[str, ...]]] = {
    "ukraine": [("Ukraine", "Kyiv", "Kiev")],
    "russia": [("Russia", "Moscow")],
}


class TestSideRegistry:
    """A registry maps names and aliases to a side and a canonical name."""

    def test_lookups_ignore_case_and_accents(self) -> None:
        """side_of, canonical and knows are case-, accent- and punctuation-blind."""
        assert DEFAULT_SIDES.side_of("ARMENPRESS") == "armenia"
        assert DEFAULT_SIDES.side_of("nagorno karabakh") == "armenia"
        assert DEFAULT_SIDES.canonical("bakú") == "Azerbaijan"
        assert DEFAULT_SIDES.knows("Stepanakert")
        assert DEFAULT_SIDES.side_of("Atlantis") == "unknown"
        assert DEFAULT_SIDES.side_of(None) == "unknown"

    def test_extend_adds_names(self) -> None:
        """extend gives a new registry with more names; the old one is unchanged."""
        registry = DEFAULT_SIDES.extend(UKRAINE)
        assert registry.side_of("kyiv") == "ukraine"
        assert registry.canonical("Kiev") == "Ukraine"
        assert registry.side_of("Armenpress") == "armenia"
        assert not DEFAULT_SIDES.knows("Kyiv")

    @pytest.mark.parametrize("side", ["Ukraine", "all", "unknown", "1st"])
    def test_bad_side_is_refused(self, side: str) -> None:
        """A side that is not a lower-case side name is an InvalidClaimError naming 'side'."""
        with pytest.raises(InvalidClaimError, match="'side'"):
            DEFAULT_SIDES.extend({side: ["Kyiv"]})

    def test_empty_name_is_refused(self) -> None:
        """A name with nothing left once normalized is an InvalidClaimError naming 'name'."""
        with pytest.raises(InvalidClaimError, match="'name'"):
            DEFAULT_SIDES.extend({"ukraine": [("Ukraine", " - ")]})

    def test_doctests(self) -> None:
        """The module's examples run as written."""
        found = doctest.testmod(claimrecon.sides)
        assert found.attempted > 0 and found.failed == 0


class TestPlaces:
    """A registry says which of its names (and others) are places."""

    @pytest.mark.parametrize("town", ["Stepanakert", "Khankendi", "Baku", "Yerevan"])
    def test_default_places(self, town: str) -> None:
        """The default registry knows the towns of the 2020 war that are also a voice."""
        assert DEFAULT_SIDES.is_place(town)
        assert normalize_name(town) in DEFAULT_SIDES.places()

    @pytest.mark.parametrize("party", ["Armenia", "Azerbaijan", "Nagorno-Karabakh", "Reuters"])
    def test_parties_are_not_places(self, party: str) -> None:
        """The name of a party is not a place unless declared one."""
        assert not DEFAULT_SIDES.is_place(party)

    @pytest.mark.parametrize("spelling", ["STEPANAKERT", "stepanakert", "Stepanakért", " Bakú "])
    def test_places_ignore_case_and_accents(self, spelling: str) -> None:
        """is_place looks names up the way every other lookup does."""
        assert DEFAULT_SIDES.is_place(spelling)

    def test_declared_spelling_is_normalized(self) -> None:
        """A place declared with capitals, accents or punctuation is stored as its key."""
        registry = SideRegistry.from_mapping({}, places=["Kharkív", "Bila-Tserkva"])
        assert registry.places() == frozenset({"kharkiv", "bila tserkva"})
        assert registry.is_place("kharkiv") and registry.is_place("Bila Tserkva")

    def test_place_need_not_be_a_claimant(self) -> None:
        """A place the registry has no side for is still a place."""
        assert DEFAULT_SIDES.is_place("Khankendi") and not DEFAULT_SIDES.knows("Khankendi")
        registry = SideRegistry.from_mapping(UKRAINE, places=["Kharkiv"])
        assert registry.is_place("Kharkiv") and registry.side_of("Kharkiv") == "unknown"

    def test_extend_keeps_earlier_places(self) -> None:
        """Places added by extend join the registry's own; names are kept too."""
        registry = DEFAULT_SIDES.extend(UKRAINE, places=["Kyiv"])
        assert registry.places() == DEFAULT_SIDES.places() | {"kyiv"}
        assert registry.is_place("Baku") and registry.is_place("Kyiv")
        assert registry.side_of("Kyiv") == "ukraine"
        assert not DEFAULT_SIDES.is_place("Kyiv")

    def test_extend_with_places_only(self) -> None:
        """extend(places=...) adds places and keeps every name."""
        registry = DEFAULT_SIDES.extend(places=["Ganja", "Barda"])
        assert registry.is_place("ganja") and registry.is_place("Stepanakert")
        assert registry.names() == DEFAULT_SIDES.names()

    def test_extend_names_only_keeps_places(self) -> None:
        """extend with names only keeps the registry's places."""
        assert DEFAULT_SIDES.extend(UKRAINE).places() == DEFAULT_SIDES.places()

    def test_constructor_normalizes(self) -> None:
        """The constructor's places are normalized and checked like extend's."""
        assert SideRegistry(places=["KYIV"]).is_place("Kyiv")
        with pytest.raises(InvalidClaimError, match="'places'"):
            SideRegistry(places="Kyiv")

    @pytest.mark.parametrize(
        ("places", "rule"),
        [
            ("Kyiv", "not one string"),
            (["Kyiv", ""], "empty name"),
            (["Kyiv", " -- "], "empty name"),
            (["Kyiv", 7], "strings"),
            ([None], "strings"),
            (7, "collection of names"),
        ],
    )
    def test_bad_places_are_refused(self, places: object, rule: str) -> None:
        """A bare string, an empty name or a value that is no name is refused, naming 'places'."""
        with pytest.raises(InvalidClaimError, match="'places'") as info:
            DEFAULT_SIDES.extend(places=places)  # type: ignore[arg-type]
        assert info.value.field == "places" and rule in info.value.rule
        with pytest.raises(InvalidClaimError, match="'places'"):
            SideRegistry.from_mapping(UKRAINE, places=places)  # type: ignore[arg-type]

    def test_refused_extend_changes_nothing(self) -> None:
        """A refused extend leaves the registry as it was."""
        before = DEFAULT_SIDES.places()
        with pytest.raises(InvalidClaimError):
            DEFAULT_SIDES.extend(UKRAINE, places=["Kyiv", ""])
        assert DEFAULT_SIDES.places() == before and not DEFAULT_SIDES.knows("Kyiv")


class TestValue:
    """A registry is a frozen value: equal when its names and places are, and hashable."""

    def test_equal_registries(self) -> None:
        """The same names and places, in any order or spelling, make equal registries."""
        a = SideRegistry.from_mapping(UKRAINE, places=["Kyiv", "Kharkiv"])
        b = SideRegistry.from_mapping(UKRAINE).extend(places=["KHARKIV"]).extend(places=["kyiv"])
        assert a == b and hash(a) == hash(b)
        assert len({a, b}) == 1

    def test_places_count_in_equality(self) -> None:
        """Registries that differ only in their places differ."""
        assert DEFAULT_SIDES.extend(places=["Kyiv"]) != DEFAULT_SIDES
        assert DEFAULT_SIDES.extend() == DEFAULT_SIDES
        assert hash(DEFAULT_SIDES.extend()) == hash(DEFAULT_SIDES)

    def test_names_count_in_equality(self) -> None:
        """Registries that differ only in a name's side differ."""
        assert DEFAULT_SIDES.extend({"azerbaijan": ["Stepanakert"]}) != DEFAULT_SIDES

    def test_frozen(self) -> None:
        """A registry cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            DEFAULT_SIDES._places = frozenset()  # type: ignore[misc]
        names = {"kyiv": ("ukraine", "Kyiv")}
        registry = SideRegistry(by_name=names)
        names["kyiv"] = ("russia", "Kyiv")
        assert registry.side_of("Kyiv") == "ukraine"

    def test_pickles(self) -> None:
        """A registry survives pickling whole."""
        registry = DEFAULT_SIDES.extend(UKRAINE, places=["Kyiv"])
        assert pickle.loads(pickle.dumps(registry)) == registry
