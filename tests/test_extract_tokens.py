"""claimrecon.extract.tokens: words with offsets, and phrase tables over them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimrecon.extract.tokens import PhraseTable, tokenize


class TestTokenize:
    """tokenize splits text into words and punctuation with their offsets."""

    def test_words_keep_inner_marks(self) -> None:
        """Hyphens next to letters, apostrophes, dots and digit commas stay inside a word."""
        text = "luka-luka SU-25 Jum'at 2.300 2,300 Kompas.com 30-40"
        assert [t.text for t in tokenize(text)] == [
            "luka-luka",
            "SU-25",
            "Jum'at",
            "2.300",
            "2,300",
            "Kompas.com",
            "30",
            "-",
            "40",
        ]

    def test_lower_case_and_offsets(self) -> None:
        """Each token has its offsets and lower case."""
        [tok] = tokenize("  Tewas ")
        assert (tok.start, tok.end, tok.text, tok.low) == (2, 7, "Tewas", "tewas")

    @given(st.text())
    def test_offsets_point_into_the_text(self, text: str) -> None:
        """Every token's text is the text at its offsets, in order."""
        last = 0
        for tok in tokenize(text):
            assert text[tok.start : tok.end] == tok.text and tok.start >= last
            last = tok.end


class TestPhraseTable:
    """PhraseTable matches multi-word phrases, longest first."""

    def test_longest_match(self) -> None:
        """The longest phrase wins ("meninggal dunia" over "meninggal")."""
        table = PhraseTable([("meninggal", 1), ("meninggal dunia", 2)])
        toks = tokenize("warga Meninggal Dunia kemarin")
        assert table.match(toks, 1) == (2, 3)
        assert table.match(toks, 0) is None

    def test_find(self) -> None:
        """find lists non-overlapping phrases with their token spans."""
        table = PhraseTable([("at least", "q"), ("least", "x")])
        toks = tokenize("at least 3, at least")
        assert list(table.find(toks)) == [(0, 2, "q"), (4, 6, "q")]

    def test_past_the_end(self) -> None:
        """A phrase running past the tokens does not match."""
        assert PhraseTable([("a b", 1)]).match(tokenize("a"), 0) is None
