"""attribute: original claimants, echoes and stances."""

from __future__ import annotations

import pytest

from claimrecon import DuplicateIdError, Stance, attribute, flag, load_seeds, reconcile
from claimrecon.attribution import source_names
from claimrecon.sides import DEFAULT_SIDES
from tests.builders import claim


class TestAttribute:
    def test_seeds_original_claimants(self) -> None:
        """Every seed claim republished via a wire goes back to its claimant, not the outlet."""
        result = attribute(load_seeds())
        for c in load_seeds():
            source = result.source_of(c.id).name
            assert source not in ("Kompas.com", "Medcom.id")
            if c.claimant is not None:
                assert source == DEFAULT_SIDES.canonical(c.claimant)
            else:
                assert source == c.chain[-1].name  # the wire's own reporting
        assert result.source_of("001-02").name == "Nagorno-Karabakh"
        assert result.source_of("003-01").name == "BBC"

    def test_echoes_collapse(self) -> None:
        """The same statement through several outlets is one independent source."""
        a = claim("a", 772, claimant="Nagorno-Karabakh", chain=("Kompas.com", "Reuters"))
        b = claim("b", 772, claimant="Artsakh", chain=("Medcom.id", "AFP"))
        c = claim("c", 772, claimant="Stepanakert", chain=())
        result = attribute([a, b, c])
        (source,) = result.sources
        (statement,) = source.statements
        assert statement.claims == ("a", "b", "c")
        assert statement.echoes == 2
        assert result.echoes_of("a") == ("b", "c")
        assert set(statement.chains) == {("Kompas.com", "Reuters"), ("Medcom.id", "AFP"), ()}

    def test_different_figures_are_different_statements(self) -> None:
        """One source saying two figures makes two statements of one source."""
        result = attribute([claim("a", 80), claim("b", 90)])
        assert len(result.sources) == 1
        assert len(result.sources[0].statements) == 2

    @pytest.mark.parametrize(
        ("claimant", "side", "stance"),
        [
            ("Armenpress", "armenia", Stance.OWN),
            ("Baku", "armenia", Stance.ENEMY),
            ("Azerbaijan's UN mission", "azerbaijan", Stance.OWN),
            ("Reuters", "armenia", Stance.THIRD_PARTY),
            ("Yerevan", "all", Stance.MIXED),
            ("A Passer-by", "armenia", Stance.UNKNOWN),
        ],
    )
    def test_stance(self, claimant: str, side: str, stance: Stance) -> None:
        """Own, enemy, third-party, mixed and unknown stances come from the sides registry."""
        result = attribute([claim("a", 5, side=side, claimant=claimant)])
        assert result.stance_of("a") is stance

    def test_unknown_side_is_explicit(self) -> None:
        """A claimant the registry does not know has side 'unknown', never a guess."""
        result = attribute([claim("a", 5, claimant="A Passer-by")])
        assert result.source_of("a").side == "unknown"

    def test_registry_extends(self) -> None:
        """A user registry adds claimants of another war."""
        registry = DEFAULT_SIDES.extend({"ukraine": [("General Staff of Ukraine", "ZSU")]})
        c = claim("a", 5, side="russia", claimant="ZSU")
        result = attribute([c], registry)
        assert result.source_of("a").name == "General Staff of Ukraine"
        assert result.stance_of("a") is Stance.ENEMY

    def test_duplicate_ids(self) -> None:
        """Two claims with one id are refused, naming the id."""
        with pytest.raises(DuplicateIdError, match="'a'"):
            attribute([claim("a", 1), claim("a", 2)])

    @pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
    def test_unregistered_names_in_other_case_are_one_source(
        self, order: tuple[int, int, int]
    ) -> None:
        """Names the registry does not know are one source when only case, accents or
        punctuation differ, spelt the same whatever the order of the claims."""
        given = [
            claim("a", 5, claimant="Example Wire"),
            claim("b", 5, claimant="EXAMPLE WIRE"),
            claim("c", 9, claimant=" Exämple-Wire "),
        ]
        result = attribute([given[i] for i in order])
        assert [s.name for s in result.sources] == ["EXAMPLE WIRE"]
        assert result.source_of("c").name == "EXAMPLE WIRE"
        assert result.echoes_of("a") == ("b",)
        assert source_names(["Example Wire", "example wire", "Reuters", "artsakh"]) == {
            "Example Wire": "Example Wire",
            "example wire": "Example Wire",
            "Reuters": "Reuters",
            "artsakh": "Nagorno-Karabakh",
        }

    def test_one_source_in_other_case_is_not_two_sources_apart(self) -> None:
        """A source is not "two independent sources" because it spelt its name twice."""
        low = claim("a", 10, claimant="Example Wire")
        high = claim("b", 100, claimant="example wire")
        assert not [f for f in flag([low, high]) if f.code == "divergent"]
        assert [e.sources for e in reconcile([low, high])] == [1]
