"""Sides: which party of the war a claimant or outlet speaks for.

A :class:`SideRegistry` maps names and aliases (case- and accent-blind) to a
side and to one canonical name, so that "Stepanakert", "Artsakh" and
"Nagorno-Karabakh" count as the same voice of the Armenian side, and
"Reuters" as a third party.  The default registry knows the 2020
Nagorno-Karabakh war; users extend it for theirs::

    >>> from claimrecon.sides import DEFAULT_SIDES
    >>> DEFAULT_SIDES.side_of("Armenpress")
    'armenia'
    >>> registry = DEFAULT_SIDES.extend({"ukraine": ["General Staff of Ukraine"]})
    >>> registry.side_of("general staff of ukraine")
    'ukraine'
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


@attrs.frozen
class SideRegistry:
    """Names and aliases of claimants, each mapped to a side and a canonical name.

    ``sides`` maps a side to the names that speak for it; the first name of an
    alias group given as a tuple is its canonical name.  Lookups ignore case,
    accents and punctuation.
    """

    _by_name: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, alias="by_name")

    @classmethod
    def from_mapping(cls, sides: Mapping[str, Iterable[str | tuple[str, ...]]]) -> SideRegistry:
        """Build from ``{side: [name or (canonical, alias, ...), ...]}``."""
        return cls(by_name={}).extend(sides)

    def extend(self, sides: Mapping[str, Iterable[str | tuple[str, ...]]]) -> SideRegistry:
        """A registry with more names; a name given again takes its new side."""
        table = dict(self._by_name)
        for side, names in sides.items():
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
        return SideRegistry(by_name=table)

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

    def names(self) -> dict[str, tuple[str, str]]:
        """Every normalized name with its side and canonical name."""
        return dict(self._by_name)


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
    }
)
