"""Text to claims: read casualty and loss figures out of Indonesian and English news.

    >>> from datetime import date
    >>> from claimrecon.extract import extract
    >>> text = "Menurut Kementerian Pertahanan Azerbaijan, sedikitnya 30 warga sipil tewas."
    >>> [claim] = extract(text, "id", published=date(2020, 10, 9))
    >>> claim.figure.bounds, claim.subject.key, claim.claimant
    ((30, None), ('azerbaijan', 'civilian', 'killed'), 'Ministry of Defence of Azerbaijan')

Each claim carries its figure (qualifier and bounds from the qualifier table),
what is counted (side, category, outcome, or equipment as the unit), the period
(as-of and "since" dates resolved against the publication date), the claimant
the sentence names, the chain (outlet, then the wire the page names) and the
character span of its evidence.  What cannot be resolved stays unknown and the
claim's ``note`` says so; warnings (a weekday that does not match its date, a
figure left out because it stands in a denial) come with
:func:`extract_report`.

The steps are in :mod:`claimrecon.extract.pipeline`; the words in
:mod:`~claimrecon.extract.lexicon`; page furniture in
:mod:`~claimrecon.extract.furniture`; dates in :mod:`~claimrecon.extract.dates`.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, ParseError, RecordError
from claimrecon.extract.dates import DEFAULT_TIMEZONE
from claimrecon.extract.pipeline import Extraction, run
from claimrecon.figure import DEFAULT_TABLE, QualifierTable
from claimrecon.sides import DEFAULT_SIDES, SideRegistry

__all__ = [
    "DEFAULT_TIMEZONE",
    "Extraction",
    "extract",
    "extract_file",
    "extract_report",
    "read_article",
]

_LANGS = ("id", "en")


def _language(lang: str) -> str:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in _LANGS:
        raise ParseError(lang, "unknown language; expected 'id' or 'en'")
    return code


def extract_report(
    text: str,
    lang: str = "id",
    published: date | None = None,
    outlet: str | None = None,
    *,
    document: str | None = None,
    wire: str | None = None,
    sides: SideRegistry = DEFAULT_SIDES,
    table: QualifierTable = DEFAULT_TABLE,
    timezone: str = DEFAULT_TIMEZONE,
) -> Extraction:
    """The claims of ``text`` with the run's warnings and the page's metadata.

    ``published`` (a date, or an aware datetime) is the publication moment;
    when None the page's header is read for it.  ``outlet`` and ``wire`` name
    the chain's hops; when None the page is read for them.  ``document`` names
    the text in each claim's evidence and in claim ids (``"<stem>-01"``).
    ``sides`` maps claimants and demonyms to sides, ``table`` qualifier words to
    bounds; ``timezone`` is the zone of dates the page prints without one.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published must be a date or datetime, not {type(published).__name__}")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ParseError(str(timezone), "not a time zone name such as 'Asia/Jakarta'") from None
    return run(
        text,
        _language(lang),
        published,
        outlet,
        document=document,
        wire=wire,
        registry=sides,
        table=table,
        timezone=timezone,
    )


def extract(
    text: str,
    lang: str = "id",
    published: date | None = None,
    outlet: str | None = None,
    *,
    document: str | None = None,
    wire: str | None = None,
    sides: SideRegistry = DEFAULT_SIDES,
    table: QualifierTable = DEFAULT_TABLE,
    timezone: str = DEFAULT_TIMEZONE,
) -> list[Claim]:
    """The casualty and loss claims of a news text, in text order.

    See :func:`extract_report` for the arguments; this returns only the claims.
    """
    report = extract_report(
        text,
        lang,
        published,
        outlet,
        document=document,
        wire=wire,
        sides=sides,
        table=table,
        timezone=timezone,
    )
    return list(report.claims)


def read_article(path: str | os.PathLike[str]) -> str:
    """The text of an article file (UTF-8); a :class:`FormatError` when it cannot be read.

    Line endings are kept as the file has them (CRLF stays two characters), so
    evidence spans index the file's own text.
    """
    file = Path(path)
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else f"not UTF-8 text ({err.reason})"
        raise FormatError(str(file), [RecordError(None, None, f"cannot read: {reason}")]) from None


def extract_file(
    path: str | os.PathLike[str],
    *,
    lang: str,
    published: date | None = None,
    outlet: str | None = None,
    wire: str | None = None,
    sides: SideRegistry = DEFAULT_SIDES,
    table: QualifierTable = DEFAULT_TABLE,
    timezone: str = DEFAULT_TIMEZONE,
) -> list[Claim]:
    """The claims of one article file; the file's name is the claims' document.

    The publication date, outlet and wire are read from the page unless given.
    Raises :class:`~claimrecon.errors.FormatError` when the file cannot be read.
    """
    text = read_article(path)
    return extract(
        text,
        lang,
        published,
        outlet,
        document=Path(path).name,
        wire=wire,
        sides=sides,
        table=table,
        timezone=timezone,
    )
