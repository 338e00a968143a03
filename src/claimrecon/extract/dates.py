"""Dates in news text: the outlet's header, and the dates sentences mention.

* :func:`find_header` finds the publication moment in the page's header line
  ("Harian Contoh - 06/10/2020, 14:06 WIB", "RABU, 21 OKTOBER 2020 | 09:20 WIB",
  "09 Oktober 2020 13:53", "Published October 14, 2020 9:20 AM GMT") and the
  text before it on that line (where outlets print their name).
* :class:`DateFinder` finds date mentions in a sentence — a weekday with a
  day/month ("Selasa (20/10)", "Minggu (27/9/2020)", "Thursday, October 1"),
  a day and month ("27 September", "Sept. 27, 2020"), "Oktober 2020", a
  numeric date, "kemarin"/"yesterday", "2 hari lalu", and a bare weekday
  ("pada Rabu", "on Tuesday") — and resolves each against the publication
  date.

Month-name dates and relative words go through dateparser with the publication
date as ``RELATIVE_BASE`` and the article's time zone (``Asia/Jakarta`` unless
told otherwise), one call per distinct candidate (cached).  Three traps of
dateparser are handled here: a date without a year is given the year that puts
it nearest the publication date (dateparser would use the current year); a
weekday is checked against its date with babel's day names (dateparser accepts
a wrong one silently), and a mismatch is reported; a time-of-day word ("malam",
"pagi") is stripped before the call.  A bare weekday is the most recent such
day on or before the publication date.  Precision (day or month) comes from
dateparser's ``period``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from babel.dates import get_day_names, get_month_names

from claimrecon.claim import Precision

__all__ = [
    "DEFAULT_TIMEZONE",
    "DateFinder",
    "DateMention",
    "Header",
    "calendar_words",
    "find_header",
]

DEFAULT_TIMEZONE = "Asia/Jakarta"

#: time-zone abbreviations news headers print, and the zone each names
ZONES: Mapping[str, str] = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "GMT": "UTC",
    "UTC": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "ET": "America/New_York",
}
_TIMES_OF_DAY = {
    "id": ("dini hari", "pagi", "siang", "sore", "malam"),
    "en": ("morning", "afternoon", "evening", "night"),
}
_RELATIVE = {
    "id": r"kemarin|hari\s+ini|tadi\s+malam|semalam"
    r"|(?:\d{1,2}|dua|tiga|empat|lima|enam)\s+hari\s+(?:yang\s+)?lalu",
    "en": r"yesterday|today|last\s+night|(?:\d{1,2}|two|three|four|five|six)\s+days\s+ago",
}
_LAST_NIGHT = frozenset({"tadi malam", "semalam", "last night"})


@attrs.frozen
class DateMention:
    """A date a sentence mentions, resolved (``day`` is None when it cannot be)."""

    start: int
    end: int
    text: str
    day: date | None
    precision: Precision = Precision.DAY
    #: what was resolved against the publication date ("weekday", "year", "relative")
    resolved: str | None = None
    #: the weekday does not match the date: a message saying so
    mismatch: str | None = None
    #: the mention is a bare weekday or relative word that needs a publication date
    needs_publication: bool = False


@attrs.frozen
class Header:
    """The page's header line: when the article was published, and what precedes it."""

    published: datetime
    start: int
    end: int
    #: the text before the date on the header line (an outlet's or author's name), if any
    prefix: str | None
    mismatch: str | None = None


def _names(lang: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Day names, wide month names and abbreviated month names, from babel."""
    days = {str(name): int(i) for i, name in get_day_names("wide", locale=lang).items()}
    if lang == "id":
        days.update({"Jum'at": 4, "Jum’at": 4, "Ahad": 6})
    wide = {str(n): int(i) for i, n in get_month_names("wide", locale=lang).items()}
    wide.update({"Pebruari": 2, "Nopember": 11})
    short = {str(n): int(i) for i, n in get_month_names("abbreviated", locale=lang).items()}
    short.update({"Sept": 9, "Agust": 8, "Nop": 11})
    return days, wide, {k: v for k, v in short.items() if k not in wide}


@functools.cache
def calendar_words(lang: str) -> frozenset[str]:
    """The lower-case day and month names of a language ("oktober", "sept", "monday")."""
    return frozenset(name.lower() for names in _names(lang) for name in names)


def _alternation(words: list[str]) -> str:
    forms = {w for word in words for w in (word, word.upper(), word.capitalize())}
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


@functools.cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    days, wide, short = _names(lang)
    wd = _alternation(list(days))
    mon = rf"(?:{_alternation(list(wide))}|(?:{_alternation(list(short))})\.?)"
    mon_wide = _alternation(list(wide))
    tod = "|".join(_TIMES_OF_DAY[lang])
    dm_num = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    dm_name = rf"\d{{1,2}}\s+{mon}(?:,?\s+\d{{4}})?"
    md_name = rf"{mon}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    mentions = re.compile(
        rf"(?<![\w/])(?P<wd>{wd})(?!\w)(?:\s+(?i:{tod}))?\s*"
        rf"(?:\(\s*(?P<d1>{dm_num}|{dm_name}|{md_name})\s*\)|,?\s+(?:the\s+)?(?P<d2>{dm_name}|{md_name}))"
        rf"|(?<![\w/])(?P<d3>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?![\w/])"
        rf"|\(\s*(?P<d4>\d{{1,2}}/\d{{1,2}})\s*\)"
        rf"|(?<!\w)(?P<d5>{dm_name}|{md_name})(?!\w)"
        rf"|(?<!\w)(?P<my>(?:{mon_wide})\s+\d{{4}})(?!\w)"
        rf"|(?<!\w)(?P<rel>(?i:{_RELATIVE[lang]}))(?!\w)"
        rf"|(?<![\w/])(?P<wd2>{wd})(?!\w)"
    )
    header = re.compile(
        rf"(?:(?P<wd>{wd}),?\s+)?"
        rf"(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}\s+{mon},?\s+\d{{4}}"
        rf"|{mon}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
        rf"(?:\s*[|,•-]?\s*(?:(?i:pukul|at|jam)\s+)?"
        rf"(?P<time>\d{{1,2}}[:.]\d{{2}})(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
        rf"(?:\s*(?P<tz>{'|'.join(sorted(ZONES, key=len, reverse=True))})\b)?)?"
    )
    return mentions, header


@functools.cache
def _days(lang: str) -> dict[str, int]:
    days, _, _ = _names(lang)
    return {k.lower(): v for k, v in days.items()}


def _day_name(lang: str, weekday: int) -> str:
    return str(get_day_names("wide", locale=lang)[weekday])


@functools.lru_cache(maxsize=64)
def _parser(lang: str, base: datetime, zone: str) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "TIMEZONE": zone,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY" if lang == "id" else "MDY",
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=[lang], settings=settings)


@functools.lru_cache(maxsize=8192)
def _dateparse(lang: str, text: str, base: datetime, zone: str) -> tuple[date, str] | None:
    """dateparser on one candidate: ``(date, period)`` or None."""
    data = _parser(lang, base, zone).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


def _nearest_year(day: int, month: int, around: date) -> date | None:
    best: date | None = None
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - around).days) < abs((best - around).days):
            best = candidate
    return best


def _numeric(text: str, around: date | None) -> tuple[date | None, str | None]:
    parts = [int(p) for p in re.findall(r"\d+", text)]
    day, month = parts[0], parts[1]
    if len(parts) >= 3:
        year = parts[2] + (2000 if parts[2] < 100 else 0)
        try:
            return date(year, month, day), None
        except ValueError:
            return None, None
    if around is None:
        return None, None
    return _nearest_year(day, month, around), "year"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


class DateFinder:
    """Finds and resolves the date mentions of sentences, against one publication moment."""

    def __init__(self, lang: str, published: date | None, timezone: str = DEFAULT_TIMEZONE):
        self.lang = lang
        self.local = published.date() if isinstance(published, datetime) else published
        self.zone = timezone
        self.base = (
            None
            if self.local is None
            else datetime(self.local.year, self.local.month, self.local.day, 12, 0)
        )
        self._mentions, _ = _patterns(lang)
        self._days = _days(lang)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
        """The date mentions in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        found: list[DateMention] = []
        for m in self._mentions.finditer(text, start, stop):
            mention = self._resolve(m)
            if mention is not None:
                found.append(mention)
        return found

    def _resolve(self, m: re.Match[str]) -> DateMention | None:
        groups = m.groupdict()
        span = (m.start(), m.end(), m.group())
        if groups["wd2"] is not None:
            return self._bare_weekday(m)
        if groups["rel"] is not None:
            return self._relative(m, groups["rel"])
        if groups["my"] is not None:
            day, period = self._by_name(groups["my"])
            return DateMention(*span, day, Precision.MONTH if period == "month" else Precision.DAY)
        text = groups["d1"] or groups["d2"] or groups["d3"] or groups["d4"] or groups["d5"]
        if "/" in text:
            day, resolved = _numeric(text, self.local)
            period = "day"
        else:
            day, period = self._by_name(text)
            resolved = "year" if not re.search(r"\d{4}", text) else None
        needs = day is None and self.local is None
        precision = Precision.MONTH if period == "month" else Precision.DAY
        mismatch = None
        if groups["wd"] is not None and day is not None:
            stated = self._days[groups["wd"].lower()]
            if stated != day.weekday():
                mismatch = (
                    f"weekday {groups['wd']!r} does not match {day.isoformat()} "
                    f"(a {_day_name(self.lang, day.weekday())})"
                )
        return DateMention(*span, day, precision, resolved, mismatch, needs)

    def _by_name(self, text: str) -> tuple[date | None, str]:
        if self.base is None:
            if not re.search(r"\d{4}", text):
                return None, "day"
            base = datetime(2000, 1, 1)
        else:
            base = self.base
        found = _dateparse(self.lang, " ".join(text.replace(",", " ").split()), base, self.zone)
        if found is None:
            return None, "day"
        day, period = found
        if not re.search(r"\d{4}", text) and self.local is not None and period == "day":
            nearest = _nearest_year(day.day, day.month, self.local)
            day = nearest if nearest is not None else day
        return day, period

    def _bare_weekday(self, m: re.Match[str]) -> DateMention | None:
        name = m.group("wd2")
        after = m.string[m.end() : m.end() + 12].lower()
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if name.lower() == "minggu" and (
            re.match(r"\s+(?:lalu|depan|ini|ke|terakhir|pertama|kedua)\b", after)
            or re.search(r"(?:\d|beberapa|dalam|satu|dua|tiga|se)\s*$", before)
        ):
            return None  # "minggu lalu", "dua minggu": a week, not Sunday
        if self.local is None:
            return DateMention(m.start(), m.end(), m.group(), None, needs_publication=True)
        back = (self.local.weekday() - self._days[name.lower()]) % 7
        return DateMention(
            m.start(), m.end(), m.group(), self.local - timedelta(days=back), resolved="weekday"
        )

    def _relative(self, m: re.Match[str], text: str) -> DateMention:
        if self.local is None or self.base is None:
            return DateMention(m.start(), m.end(), m.group(), None, needs_publication=True)
        key = " ".join(text.lower().split())
        if key in _LAST_NIGHT:
            return DateMention(
                m.start(), m.end(), m.group(), self.local - timedelta(days=1), resolved="relative"
            )
        found = _dateparse(self.lang, key, self.base, self.zone)
        day = None if found is None else found[0]
        return DateMention(m.start(), m.end(), m.group(), day, resolved="relative")


def find_header(
    text: str, lang: str, *, timezone: str = DEFAULT_TIMEZONE, max_lines: int = 40
) -> Header | None:
    """The publication moment printed in the page's header, if any.

    The first of the page's first ``max_lines`` non-blank lines that holds a
    full date with a time of day (or a full date alone on a "Published"/
    "Diterbitkan" line) is the header.  The time zone is the one the line names
    (WIB, WITA, WIT, GMT ...), else ``timezone``.

    >>> h = find_header("Judul\\n\\nContoh.com - 06/10/2020, 14:06 WIB\\nIsi.", "id")
    >>> h.published.isoformat(), h.prefix
    ('2020-10-06T14:06:00+07:00', 'Contoh.com')
    """
    _, header = _patterns(lang)
    pos, seen = 0, 0
    days = _days(lang)
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body:
            seen += 1
            if seen > max_lines:
                break
            if len(body) <= 240:
                found = _header_in(text, pos, pos + len(line), header, lang, timezone, days)
                if found is not None:
                    return found
        pos += len(line)
    return None


def _header_in(
    text: str,
    start: int,
    end: int,
    header: re.Pattern[str],
    lang: str,
    timezone: str,
    days: dict[str, int],
) -> Header | None:
    line = text[start:end]
    for m in header.finditer(line):
        published_line = re.match(
            r"\W*(?i:published|updated|posted|diterbitkan|dipublikasikan|diperbarui|tayang)",
            line,
        )
        if m.group("time") is None and published_line is None:
            continue
        raw = m.group("date")
        if "/" in raw:
            day, _ = _numeric(raw, None)
        else:
            parsed = _dateparse(
                lang, " ".join(raw.replace(",", " ").split()), datetime(2000, 1, 1), timezone
            )
            day = None if parsed is None else parsed[0]
        if day is None:
            continue
        hour, minute = 0, 0
        if m.group("time"):
            hour, minute = (int(x) for x in re.split(r"[:.]", m.group("time")))
            ampm = (m.group("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if hour > 23 or minute > 59:
                continue
        zone = _zone(ZONES.get(m.group("tz") or "", timezone))
        moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        mismatch = None
        if m.group("wd") and days[m.group("wd").lower()] != day.weekday():
            mismatch = (
                f"header weekday {m.group('wd')!r} does not match {day.isoformat()} "
                f"(a {_day_name(lang, day.weekday())})"
            )
        prefix = re.sub(r"[\s\-–—•|:,]+$", "", line[: m.start()]).strip() or None
        if published_line is not None and prefix is not None:
            prefix = None
        return Header(moment, start + m.start(), start + m.end(), prefix, mismatch)
    return None
