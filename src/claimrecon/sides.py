"""Sides: which party of the war a claimant or outlet speaks for.

A :class:`SideRegistry` maps names and aliases (case- and accent-blind) to a
side and to one canonical name, so that "Stepanakert", "Artsakh" and
"Nagorno-Karabakh" count as the same voice of the Armenian side, and
"Reuters" as a third party.  It also says which names are places: a capital
or town that speaks for a side ("Baku said") is still a place when written as
one ("killed in Baku"), and the extractor reads it so.  The default registry
knows the 2020 Nagorno-Karabakh war; users extend it for theirs::

    >>> from claimrecon.sides import DEFAULT_SIDES
    >>> DEFAULT_SIDES.side_of("Armenpress")
    'armenia'
    >>> registry = DEFAULT_SIDES.extend(
    ...     {"ukraine": [("Ukraine", "Kyiv"), "General Staff of Ukraine"]},
    ...     places=["Kyiv", "Kharkiv"],
    ... )
    >>> registry.side_of("general staff of ukraine")
    'ukraine'
    >>> registry.is_place("KYIV"), registry.is_place("Baku"), registry.is_place("Ukraine")
    (True, True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from claimrecon.claim import THIRD_PARTY, UNKNOWN
from claimrecon.errors import InvalidClaimError

__all__ = ["DEFAULT_SIDES", "WIRES", "SideRegistry", "normalize_name"]

_SPACES = re.compile(r"[\s\-_'’.]+")


def normalize_name(name: str) -> str:
    """The key a name is looked up by: lower case, no accents, no punctuation runs."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.casefold()).strip()


def _table(table: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """A copy of the names, which the caller's later changes do not reach."""
    return dict(table)


def _table_key(table: Mapping[str, tuple[str, str]]) -> frozenset[tuple[str, tuple[str, str]]]:
    """What registries are compared and hashed by: their names, in any order."""
    return frozenset(table.items())


def _place_keys(places: Iterable[str]) -> frozenset[str]:
    """Place names as lookup keys; refuses one bare string and names that are not text."""
    if isinstance(places, str):
        raise InvalidClaimError("places", "must be a collection of names, not one string", places)
    try:
        entries = list(places)
    except TypeError:
        raise InvalidClaimError("places", "must be a collection of names", places) from None
    keys: set[str] = set()
    for place in entries:
        if not isinstance(place, str):
            raise InvalidClaimError("places", "must hold names (strings)", place)
        key = normalize_name(place)
        if not key:
            raise InvalidClaimError("places", "must not hold an empty name", place)
        keys.add(key)
    return frozenset(keys)


@attrs.frozen
class SideRegistry:
    """Names and aliases of claimants, each mapped to a side and a canonical name.

    ``sides`` maps a side to the names that speak for it; the first name of an
    alias group given as a tuple is its canonical name.  ``places`` are the
    names of towns and regions: where a text names one as a place ("in Baku",
    "di kota Stepanakert") the extractor reads a place, even when the name
    also speaks for a side ("Baku said").  A place need not be a claimant's
    name.  Lookups ignore case, accents and punctuation.
    """

    _by_name: Mapping[str, tuple[str, str]] = attrs.field(
        factory=dict, alias="by_name", converter=_table, eq=_table_key
    )
    _places: frozenset[str] = attrs.field(factory=frozenset, alias="places", converter=_place_keys)

    @classmethod
    def from_mapping(
        cls,
        sides: Mapping[str, Iterable[str | tuple[str, ...]]],
        *,
        places: Iterable[str] = (),
    ) -> SideRegistry:
        """Build from ``{side: [name or (canonical, alias, ...), ...]}`` and place names."""
        return cls(by_name={}).extend(sides, places=places)

    def extend(
        self,
        sides: Mapping[str, Iterable[str | tuple[str, ...]]] | None = None,
        *,
        places: Iterable[str] = (),
    ) -> SideRegistry:
        """A registry with more names and places; a name given again takes its new side.

        The places of this registry are kept; ``places`` adds to them.
        """
        table = dict(self._by_name)
        for side, names in (sides or {}).items():
            if not re.match(r"^[a-z][a-z0-9_]*$", side) or side in ("all", UNKNOWN):
                raise InvalidClaimError(
                    "side", "must be a lower-case side name, not 'all'/'unknown'", side
                )
            for entry in names:
                group = (entry,) if isinstance(entry, str) else tuple(entry)
                if not group:
                    continue
                canonical = group[0]
                for alias in group:
                    key = normalize_name(alias)
                    if not key:
                        raise InvalidClaimError("name", "must not be empty", alias)
                    table[key] = (side, canonical)
        return SideRegistry(by_name=table, places=self._places | _place_keys(places))

    def side_of(self, name: str | None) -> str:
        """The side a name speaks for, or ``'unknown'``."""
        if name is None:
            return UNKNOWN
        found = self._by_name.get(normalize_name(name))
        return found[0] if found else UNKNOWN

    def canonical(self, name: str) -> str:
        """The canonical name of an alias (the name itself when unknown)."""
        found = self._by_name.get(normalize_name(name))
        return found[1] if found else name.strip()

    def knows(self, name: str) -> bool:
        """Whether the registry has the name."""
        return normalize_name(name) in self._by_name

    def is_place(self, name: str) -> bool:
        """Whether the name is one of the registry's places (a town or region)."""
        return normalize_name(name) in self._places

    def names(self) -> dict[str, tuple[str, str]]:
        """Every normalized name with its side and canonical name."""
        return dict(self._by_name)

    def places(self) -> frozenset[str]:
        """Every normalized place name."""
        return self._places


#: wire agencies and broadcasters whose own voice is a third party's
WIRES: tuple[tuple[str, ...], ...] = (
    ("Reuters",),
    ("AFP", "Agence France-Presse", "Agence France Presse"),
    ("AP", "Associated Press"),
    ("Anadolu Agency", "Anadolu", "AA"),
    ("BBC", "BBC News"),
    ("TASS",),
    ("Interfax",),
    ("Al Jazeera",),
)

DEFAULT_SIDES = SideRegistry.from_mapping(
    {
        "armenia": [
            (
                "Nagorno-Karabakh",
                "Artsakh",
                "Stepanakert",
                "Nagorny Karabakh",
                "Nagorny-Karabakh",
                "Karabakh authorities",
                "Nagorno-Karabakh authorities",
                "Artsakh defence army",
                "Nagorno-Karabakh defence ministry",
                "Republic of Artsakh",
            ),
            ("Armenia", "Yerevan", "Armenian government"),
            ("Armenpress",),
            (
                "Ministry of Defence of Armenia",
                "Armenian defence ministry",
                "Armenian Ministry of Defence",
                "Kementerian Pertahanan Armenia",
            ),
            ("Armenian media", "Media Armenia"),
            (
                "Nagorno-Karabakh Ombudsman Artak Beglaryan",
                "Artak Beglaryan",
                "Nagorno-Karabakh ombudsman",
                "Ombudsman Nagorno-Karabakh",
                "Ombudsman Nagorno-Karabakh Artak Beglaryan",
            ),
        ],
        "azerbaijan": [
            ("Azerbaijan", "Baku", "Azerbaijani government"),
            (
                "Ministry of Defence of Azerbaijan",
                "Azerbaijani defence ministry",
                "Kementerian Pertahanan Azerbaijan",
            ),
            (
                "Azerbaijan's UN mission",
                "Azerbaijan's mission to the UN",
                "Third Secretary of Azerbaijan's Mission to the UN",
                "Misi Azerbaijan untuk PBB",
                "Sekretaris Ketiga Misi Azerbaijan untuk PBB",
            ),
            ("Ilham Aliyev", "President of Azerbaijan"),
        ],
        THIRD_PARTY: [
            *WIRES,
            ("Kremlin",),
            ("United Nations", "UN", "PBB"),
            ("OSCE Minsk Group",),
            ("Kompas.com", "Kompas"),
            ("Medcom.id", "Medcom"),
        ],
    },
    # towns that are also a party's voice ("Baku said"), and Stepanakert's Azerbaijani name
    places=["Stepanakert", "Khankendi", "Baku", "Yerevan"],
)
