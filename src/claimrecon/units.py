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
The registry is built on first use; the names ``units.txt`` gives the countable
units are read straight from the file, so that the common units need no
registry at all.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from claimrecon.errors import InvalidClaimError

__all__ = [
    "PEOPLE",
    "Quantity",
    "canonical_unit",
    "check_same_dimension",
    "dimension_of",
    "is_equipment",
    "ureg",
]

if TYPE_CHECKING:
    ureg: Any
    Quantity: Any


def _definitions() -> list[str]:
    text = resources.files("claimrecon").joinpath("units.txt").read_text(encoding="utf-8")
    return text.splitlines()


def _load() -> Any:
    import pint

    registry: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    registry.load_definitions(_definitions())
    return registry


_load_lock = threading.Lock()


def _registry() -> Any:
    """The one registry, built on first use; then ``ureg`` and ``Quantity`` are globals."""
    with _load_lock:
        if "ureg" not in globals():
            registry = _load()
            globals().update(ureg=registry, Quantity=registry.Quantity)
    return globals()["ureg"]


def __getattr__(name: str) -> Any:
    if name == "ureg":
        return _registry()
    if name == "Quantity":
        return _registry().Quantity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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


@lru_cache(maxsize=1)
def _countable_names() -> dict[str, str]:
    """Each name, symbol and alias ``units.txt`` gives a countable unit -> that unit.

    Only units defined as a dimension of their own (``tank = [tank] = ...``):
    such a unit is its own canonical name and its dimension is ``[tank]``.
    """
    names: dict[str, str] = {}
    for line in _definitions():
        fields = [field.strip() for field in line.partition("#")[0].split("=")]
        unit = fields[0]
        if unit in _COUNTABLE and fields[1:2] == [f"[{unit}]"]:
            names.update((alias, unit) for alias in (unit, *fields[2:]) if alias != "_")
    return names


@lru_cache(maxsize=1024)
def canonical_unit(name: str) -> str:
    """The registry's own name for a countable unit: ``'people'`` -> ``'person'``.

    Raises :class:`~claimrecon.errors.InvalidClaimError` for a name the registry
    does not know, or for a unit that is not a count of things (a day, a rate).
    """
    if isinstance(name, str) and (unit := _countable_names().get(name.strip())) is not None:
        return unit
    return _parse_countable(name)


def _parse_countable(name: str) -> str:
    """:func:`canonical_unit` by the registry itself, for names not in ``units.txt``."""
    import pint

    registry = _registry()
    try:
        unit = registry.parse_units(name.strip())
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
    if (countable := _countable_names().get(unit)) is not None:
        return f"[{countable}]"
    return str(_registry().get_dimensionality(unit))


def is_equipment(unit: str) -> bool:
    """Whether a unit counts equipment rather than people."""
    return dimension_of(unit) != "[person]"


def check_same_dimension(unit1: str, unit2: str) -> None:
    """Raise pint's dimensionality error (as :class:`UnitMismatchError`) unless alike."""
    if unit1 != unit2 and dimension_of(unit1) != dimension_of(unit2):
        from claimrecon.errors import UnitMismatchError

        raise UnitMismatchError(unit1, unit2, ": people and each kind of equipment never mix")
