"""claimrecon.extract.sentences: sentence spans of a paragraph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimrecon.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    """The sentences' texts."""
    return [text[s:e] for s, e in split_sentences(text)]


class TestSplitSentences:
    """split_sentences ends sentences at stops, not at abbreviations or inside numbers."""

    def test_stops(self) -> None:
        """Full stops, question and exclamation marks, with closing quotes, end sentences."""
        text = 'Tiga tewas. "Benarkah?" tanya dia. Ya! 12 orang terluka.'
        assert sentences(text) == [
            "Tiga tewas.",
            '"Benarkah?" tanya dia.',
            "Ya!",
            "12 orang terluka.",
        ]

    def test_abbreviations_initials_and_numbers(self) -> None:
        """Abbreviations, initials, "Sept. 27" and "2.300" never end a sentence."""
        text = (
            "Menurut Dr. Ali dan J. Smith, 2.300 orang tewas. U.S. troops left on Sept. 27 at noon."
        )
        assert sentences(text) == [
            "Menurut Dr. Ali dan J. Smith, 2.300 orang tewas.",
            "U.S. troops left on Sept. 27 at noon.",
        ]

    def test_lower_case_after_stop(self) -> None:
        """A stop followed by a lower-case word does not end a sentence."""
        assert sentences("Kompas.com melaporkan. lalu tiga tewas.") == [
            "Kompas.com melaporkan. lalu tiga tewas."
        ]

    def test_range(self) -> None:
        """Only ``text[start:end]`` is split, offsets into the whole text."""
        text = "xx Satu dua. Tiga empat. yy"
        assert split_sentences(text, 3, 24) == [(3, 12), (13, 24)]

    @given(st.text())
    def test_spans_cover_the_text(self, text: str) -> None:
        """Spans are ordered, disjoint, stripped and lie inside the text."""
        last = 0
        for start, end in split_sentences(text):
            assert last <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()
            last = end
