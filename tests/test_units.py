"""Units: people and each kind of equipment are dimensions apart."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pint.errors import DimensionalityError

from claimrecon import units, ureg
from claimrecon.errors import InvalidClaimError
from claimrecon.units import canonical_unit, check_same_dimension, is_equipment
from tests.strategies import EQUIPMENT_UNITS


class TestRegistry:
    def test_people_plural(self) -> None:
        """'people' is the plural of 'person'."""
        assert ureg.Quantity(3, "people") + ureg.Quantity(2, "person") == ureg.Quantity(5, "person")

    @given(st.sampled_from(EQUIPMENT_UNITS), st.integers(1, 100), st.integers(1, 100))
    def test_people_never_mix_with_equipment(self, unit: str, a: int, b: int) -> None:
        """Adding people to any equipment raises pint's dimensionality error."""
        with pytest.raises(DimensionalityError):
            ureg.Quantity(a, "person") + ureg.Quantity(b, unit)

    @given(st.sampled_from(EQUIPMENT_UNITS), st.sampled_from(EQUIPMENT_UNITS))
    def test_equipment_kinds_apart(self, u1: str, u2: str) -> None:
        """Tanks and aircraft are different dimensions; a kind matches itself."""
        if u1 == u2:
            check_same_dimension(u1, u2)
        else:
            with pytest.raises(DimensionalityError):
                check_same_dimension(u1, u2)

    def test_no_bare_numbers(self) -> None:
        """A count plus a bare number raises: there is no dimensionless 'count'."""
        with pytest.raises(DimensionalityError):
            ureg.Quantity(3, "person") + 2
        with pytest.raises(Exception, match="count"):
            ureg.Quantity(1, "count")

    def test_rates(self) -> None:
        """People per day is a rate."""
        rate = ureg.Quantity(140, "people") / ureg.Quantity(2, "week")
        assert rate.to("person / day").magnitude == 10

    def test_canonical(self) -> None:
        """Aliases resolve to the registry's name; non-counts are refused."""
        assert canonical_unit("people") == "person"
        assert canonical_unit("jet") == "aircraft"
        assert is_equipment("tank") and not is_equipment("person")
        for bad in ("day", "civilian", "count", ""):
            with pytest.raises(InvalidClaimError):
                canonical_unit(bad)


def _names_in_units_file() -> list[str]:
    """Every unit name, symbol and alias ``units.txt`` defines."""
    text = resources.files("claimrecon").joinpath("units.txt").read_text(encoding="utf-8")
    names = []
    for line in text.splitlines():
        fields = [f.strip() for f in line.partition("#")[0].split("=")]
        if len(fields) >= 2:
            names += [fields[0], *(f for f in fields[2:] if f != "_")]
    return names


def _outcome(function: Callable[[str], str], name: str) -> str:
    try:
        return function(name)
    except InvalidClaimError as err:
        return f"refused: {err}"


class TestFastPath:
    """Names read from ``units.txt`` give what the registry gives, without building it."""

    def test_file_is_read(self) -> None:
        """Every countable unit and its aliases are known without the registry."""
        assert set(units._countable_names().values()) == units._COUNTABLE
        assert {"people", "persons", "tanks", "jet", "uav", "air_defence"} <= set(
            units._countable_names()
        )

    @pytest.mark.parametrize("name", _names_in_units_file())
    def test_agrees_with_registry(self, name: str) -> None:
        """canonical_unit and dimension_of give the registry's answer for every name."""
        for text in (name, f" {name} "):
            assert _outcome(canonical_unit, text) == _outcome(units._parse_countable, text)
        assert units.dimension_of(name) == str(ureg.get_dimensionality(name))
