"""claimrecon.extract.dates: header dates and the dates sentences mention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claimrecon.claim import Precision
from claimrecon.extract.dates import DateFinder, find_header

PUB = date(2020, 10, 15)  # a Thursday


def mentions(text: str, lang: str = "id", published: date | None = PUB) -> dict[str, date | None]:
    """Each mention's text and the day it resolves to."""
    return {d.text: d.day for d in DateFinder(lang, published).find(text)}


class TestFindHeader:
    """find_header reads the publication moment from the page's header line."""

    @pytest.mark.parametrize(
        ("page", "lang", "moment", "prefix"),
        [
            (
                "Judul\n\nKoran Kita - 06/10/2020, 14:06 WIB\n",
                "id",
                "2020-10-06T14:06:00+07:00",
                "Koran Kita",
            ),
            (
                "RABU, 21 OKTOBER 2020 | 09:20 WIB | LAPORAN: ANI",
                "id",
                "2020-10-21T09:20:00+07:00",
                None,
            ),
            (
                "Rina Putri • 09 Oktober 2020 13:53\nIsi.",
                "id",
                "2020-10-09T13:53:00+07:00",
                "Rina Putri",
            ),
            ("Published October 14, 2020 9:20 AM GMT", "en", "2020-10-14T09:20:00+00:00", None),
            (
                "By Jo Smith | Oct 14, 2020 at 9:05 PM",
                "en",
                "2020-10-14T21:05:00+07:00",
                "By Jo Smith",
            ),
            ("Diterbitkan: 3 Maret 2021\n", "id", "2021-03-03T00:00:00+07:00", None),
        ],
    )
    def test_header_forms(self, page: str, lang: str, moment: str, prefix: str | None) -> None:
        """Numeric, upper-case, bylined and English headers; the zone the line names, else WIB."""
        header = find_header(page, lang)
        assert header is not None
        assert header.published.isoformat() == moment
        assert header.prefix == prefix

    def test_zone_names(self) -> None:
        """WITA is Makassar time (+08:00)."""
        header = find_header("Koran - 06/10/2020, 14:06 WITA", "id")
        assert header is not None and header.published.utcoffset() == timedelta(hours=8)

    def test_other_default_zone(self) -> None:
        """A header without a zone takes the zone the caller gives."""
        header = find_header("06/10/2020, 14:06", "id", timezone="Asia/Jayapura")
        assert header is not None and header.published.utcoffset() == timedelta(hours=9)

    def test_weekday_mismatch(self) -> None:
        """A header weekday that does not match its date is reported."""
        header = find_header("KAMIS, 21 OKTOBER 2020 | 09:20 WIB", "id")
        assert header is not None and header.mismatch is not None
        assert "'KAMIS' does not match 2020-10-21" in header.mismatch

    @pytest.mark.parametrize(
        "page",
        ["Tanpa tanggal.", "Perang dimulai pada 1994.", "", "Pada 27 September 2020 ada 3 orang."],
    )
    def test_no_header(self, page: str) -> None:
        """A page with no full date and time in its first lines has no header."""
        assert find_header(page, "id") is None

    def test_first_header_wins(self) -> None:
        """The first dated line is the header, not a sidebar's time stamp below it."""
        page = "Koran - 06/10/2020, 14:06 WIB\n\nIsi berita.\n\nSabtu, 27 April 2024 | 17:17\n"
        header = find_header(page, "id")
        assert header is not None and header.published.year == 2020


class TestDateFinder:
    """DateFinder finds date mentions and resolves them against the publication date."""

    def test_weekday_with_day_and_month(self) -> None:
        """A weekday with day/month takes the year nearest publication; a full date its own."""
        found = mentions(
            "Pada Selasa (13/10) dan Minggu (27/9/2020) serta Kamis malam (8/10/2020)."
        )
        assert found == {
            "Selasa (13/10)": date(2020, 10, 13),
            "Minggu (27/9/2020)": date(2020, 9, 27),
            "Kamis malam (8/10/2020)": date(2020, 10, 8),
        }

    def test_nearest_year(self) -> None:
        """A day and month without a year is put in the year nearest the publication date."""
        found = mentions("Pertemuan pada 5 Januari dan 23 Oktober.", published=date(2020, 12, 28))
        assert found == {"5 Januari": date(2021, 1, 5), "23 Oktober": date(2020, 10, 23)}

    def test_weekday_is_checked(self) -> None:
        """A weekday that does not match its date is reported (babel's day names)."""
        [mention] = DateFinder("id", PUB).find("pada Rabu (13/10/2020)")
        assert mention.mismatch == "weekday 'Rabu' does not match 2020-10-13 (a Selasa)"

    def test_bare_weekday(self) -> None:
        """A bare weekday is the most recent such day on or before publication."""
        assert mentions("pada Senin dan pada Kamis") == {
            "Senin": date(2020, 10, 12),
            "Kamis": date(2020, 10, 15),
        }

    def test_week_is_not_sunday(self) -> None:
        """Weeks ("minggu lalu", "dua minggu") are not Sunday."""
        assert mentions("minggu lalu, dua minggu, Minggu lalu") == {}

    def test_relative_words(self) -> None:
        """Relative words ("kemarin", "2 hari lalu", "yesterday") go through dateparser."""
        assert mentions("kemarin dan 2 hari lalu") == {
            "kemarin": date(2020, 10, 14),
            "2 hari lalu": date(2020, 10, 13),
        }
        assert mentions("yesterday and last night", "en") == {
            "yesterday": date(2020, 10, 14),
            "last night": date(2020, 10, 14),
        }

    def test_english_forms(self) -> None:
        """English forms ("Tuesday (October 13)", "Sept. 27, 2020") are read."""
        found = mentions("On Tuesday (October 13), Sept. 27, 2020 and Friday, October 9", "en")
        assert found == {
            "Tuesday (October 13)": date(2020, 10, 13),
            "Sept. 27, 2020": date(2020, 9, 27),
            "Friday, October 9": date(2020, 10, 9),
        }

    def test_month_precision(self) -> None:
        """A month and year ("Oktober 2020") has month precision."""
        [mention] = DateFinder("id", PUB).find("pada Oktober 2020")
        assert mention.precision is Precision.MONTH

    def test_without_publication_date(self) -> None:
        """Without a publication date only full dates resolve; the others say they need one."""
        found = DateFinder("id", None).find(
            "pada Selasa, Minggu (27/9/2020), kemarin, 27 September"
        )
        assert [(d.text, d.day, d.needs_publication) for d in found] == [
            ("Selasa", None, True),
            ("Minggu (27/9/2020)", date(2020, 9, 27), False),
            ("kemarin", None, True),
            ("27 September", None, True),
        ]

    def test_not_dates(self) -> None:
        """Clock times, fractions and plain numbers are not dates."""
        assert mentions("pukul 12.00, 14:06, 30 orang, 2,5 persen, 1/2 porsi") == {}
