"""The package's one pint registry, loaded from ``units.txt`` beside this file.

People, each kind of equipment and time are dimensions apart, so pint itself
refuses to add people to tanks or a count to a bare number::

    >>> from claimrecon.units import ureg
    >>> ureg.Quantity(3, "people") + ureg.Quantity(2, "person")
    <Quantity(5, 'person')>
    >>> ureg.Quantity(3, "person") + ureg.Quantity(2, "tank")
    Traceback (most recent call last):
    ...
    pint.errors.DimensionalityError: ...

Bulk work runs on plain integers; pint checks units once per figure kind
(:func:`canonical_unit`, :func:`dimension_of`, both cached), not per addition.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import pint

from claimrecon.errors import InvalidClaimError, UnitMismatchError

__all__ = [
    "PEOPLE",
    "Quantity",
    "canonical_unit",
    "check_same_dimension",
    "dimension_of",
    "is_equipment",
    "ureg",
]


def _load() -> Any:
    registry: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    text = resources.files("claimrecon").joinpath("units.txt").read_text(encoding="utf-8")
    registry.load_definitions(text.splitlines())
    return registry


ureg: Any = _load()
Quantity: Any = ureg.Quantity

PEOPLE = "person"
_COUNTABLE = frozenset(
    {
        "person",
        "tank",
        "aircraft",
        "helicopter",
        "drone",
        "artillery",
        "vehicle",
        "missile",
        "air_defense",
        "ship",
    }
)


@lru_cache(maxsize=1024)
def canonical_unit(name: str) -> str:
    """The registry's own name for a countable unit: ``'people'`` -> ``'person'``.

    Raises :class:`~claimrecon.errors.InvalidClaimError` for a name the registry
    does not know, or for a unit that is not a count of things (a day, a rate).
    """
    try:
        unit = ureg.parse_units(name.strip())
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError) as err:
        raise InvalidClaimError("unit", "must be a unit of claimrecon's registry", name) from err
    canonical = str(unit)
    if canonical not in _COUNTABLE:
        raise InvalidClaimError(
            "unit",
            f"must be a count of people or equipment ({', '.join(sorted(_COUNTABLE))})",
            name,
        )
    return canonical


@lru_cache(maxsize=1024)
def dimension_of(unit: str) -> str:
    """The dimension of a unit as text: ``'[person]'``, ``'[tank]'``."""
    return str(ureg.get_dimensionality(unit))


def is_equipment(unit: str) -> bool:
    """Whether a unit counts equipment rather than people."""
    return dimension_of(unit) != "[person]"


def check_same_dimension(unit1: str, unit2: str) -> None:
    """Raise pint's dimensionality error (as :class:`UnitMismatchError`) unless alike."""
    if unit1 != unit2 and dimension_of(unit1) != dimension_of(unit2):
        raise UnitMismatchError(unit1, unit2, ": people and each kind of equipment never mix")
