"""claimrecon.extract.furniture: which lines of a page are the article."""

from __future__ import annotations

from claimrecon.extract.furniture import layout


def kinds(page: str) -> list[tuple[str, str]]:
    """Each block's kind and text."""
    return [(b.kind, page[b.start : b.end]) for b in layout(page)]


class TestLayout:
    """layout sorts a page's lines into prose, related headlines, headlines and furniture."""

    def test_article_lines(self) -> None:
        """Title and header are headlines; sentences are prose."""
        page = "Judul Perang\n\nKoran - 06/10/2020, 14:06 WIB\n\nTiga orang tewas di pasar.\n"
        assert kinds(page) == [
            ("headline", "Judul Perang"),
            ("headline", "Koran - 06/10/2020, 14:06 WIB"),
            ("prose", "Tiga orang tewas di pasar."),
        ]

    def test_related_lines(self) -> None:
        """A "Baca juga" line gives its headline; one inside a paragraph splits it."""
        page = "Baca juga: Perang Berlanjut\n\nIni kalimat. Baca juga: Tautan Lain\n"
        assert kinds(page) == [
            ("related", "Perang Berlanjut"),
            ("prose", "Ini kalimat."),
            ("related", "Tautan Lain"),
        ]

    def test_english_related_line(self) -> None:
        """An English "Read more:" line is a related line too."""
        assert kinds("Read more: Two killed in blast\n") == [("related", "Two killed in blast")]

    def test_sidebar_until_prose_resumes(self) -> None:
        """A heading opens furniture; promos stay in it; the same story's sentence ends it."""
        page = (
            "Pasukan Armenia dan Azerbaijan kembali bertempur di sekitar kota Fizuli.\n\n"
            "Rekomendasi untuk anda\n\n"
            "Tulis komentar dan menangkan voucher jutaan rupiah untuk 1 unit smartphone.\n\n"
            "Kalimat panjang tentang Fizuli yang kembali ke artikel setelah sidebar dengan "
            "banyak kata.\n"
        )
        assert [k for k, _ in kinds(page)] == ["prose", "furniture", "furniture", "prose"]

    def test_sidebar_sentences_of_other_stories(self) -> None:
        """Long sentences under "Most read" that name nothing the article names stay furniture."""
        page = (
            "Armenia said 20 soldiers were killed near Stepanakert on Tuesday.\n\n"
            "Most read\n\n"
            "A United States strike on a militia compound in eastern Syria killed 17 fighters "
            "late on Thursday, officials said.\n\n"
            "Floods in Jakarta forced more than 1,000 residents from their homes after a night "
            "of heavy rain across the capital.\n"
        )
        assert [k for k, _ in kinds(page)] == ["prose", "furniture", "furniture", "furniture"]

    def test_first_copy_of_a_repeated_sentence(self) -> None:
        """A body sentence printed twice is read once; a repeated title-case headline never."""
        sentence = "Kementerian itu mengatakan tiga warga sipil tewas dalam serangan di Ganja."
        headline = "Gempa Kuat Guncang Kota, Lima Orang Tewas."
        page = f"{sentence}\n\n{headline}\n\n{sentence}\n\n{headline}\n"
        assert kinds(page) == [
            ("prose", sentence),
            ("furniture", headline),
            ("furniture", sentence),
            ("furniture", headline),
        ]

    def test_duplicates_stamps_and_promos(self) -> None:
        """Repeated lines, other stories' time stamps and sharing promos are furniture."""
        page = (
            "Gempa Kuat, 5 Orang Tewas.\n\nGempa Kuat, 5 Orang Tewas.\n\n"
            "Sabtu, 27 April 2024 | 17:17\n\n"
            "Simak breaking news langsung di ponselmu lewat WhatsApp Channel kami.\n"
        )
        assert {k for k, _ in kinds(page)} == {"furniture"}

    def test_english_headings(self) -> None:
        """English headings ("Most read", "Related stories") open furniture."""
        page = "Most read\n\nTen killed in crash.\n\nRelated stories:\n\nFive die.\n"
        assert {k for k, _ in kinds(page)} == {"furniture"}

    def test_offsets_and_blank_lines(self) -> None:
        """Spans point into the page, surrounding white space stripped; blank lines vanish."""
        page = "  Satu dua tiga empat.  \r\n\r\n\t\nLima enam tujuh delapan.\n"
        assert [page[b.start : b.end] for b in layout(page)] == [
            "Satu dua tiga empat.",
            "Lima enam tujuh delapan.",
        ]

    def test_empty(self) -> None:
        """An empty page has no blocks."""
        assert layout("") == [] and layout("\n \n") == []
