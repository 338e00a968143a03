"""Page furniture: which lines of a saved news page are the article, and which are not.

A saved page carries other stories' numbers: "latest" and "popular" sidebars,
related-article lists, comment promos, photo credits, dates of other days.
:func:`layout` sorts every line into a :class:`Block`:

* ``prose``: a line of the article (it ends like a sentence, or is long);
* ``related``: the headline of a "Baca juga:" / "Read more:" line (the text
  after the label), which may name a figure of the same war;
* ``headline``: a short line that does not end like a sentence (the title,
  bylines, labels such as "Sumber AFP");
* ``furniture``: a section heading ("Terkini Lainnya", "Populer", "Most read",
  "Related stories" ...) and everything under it until the article's prose
  resumes (a long sentence naming someone or somewhere the article named
  before the heading), a line repeated elsewhere on the page (sidebars print
  each headline twice; of a repeated sentence of running text only the later
  copies), a time stamp of another story ("Sabtu, 27 April 2024 | 17:17"), or a
  promo ("Tulis komentar ... menangkan voucher", "Subscribe to our newsletter").

Only ``prose`` and ``related`` blocks are read for figures.

    >>> page = ("Judul\\n\\n3 orang tewas pada Senin.\\n\\nBaca juga: 5 Tentara Tewas\\n\\n"
    ...         "Populer\\n\\n17 Orang Tewas\\n")
    >>> [(b.kind, page[b.start:b.end]) for b in layout(page)]  # doctest: +NORMALIZE_WHITESPACE
    [('headline', 'Judul'), ('prose', '3 orang tewas pada Senin.'),
     ('related', '5 Tentara Tewas'), ('furniture', 'Populer'), ('furniture', '17 Orang Tewas')]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

import attrs

__all__ = ["Block", "layout"]

Kind = Literal["prose", "related", "headline", "furniture"]

#: a line that is only one of these (case-blind, a trailing colon ignored) opens a sidebar
SECTION_HEADINGS = frozenset(
    {
        # Indonesian
        "terkini lainnya",
        "terkini",
        "berita terkait",
        "artikel terkait",
        "berita lainnya",
        "populer",
        "terpopuler",
        "berita populer",
        "populer global",
        "update",
        "terbaru",
        "berita terbaru",
        "rekomendasi untuk anda",
        "rekomendasi",
        "video rekomendasi",
        "video lainnya",
        "video pilihan",
        "komentar",
        "halaman",
        "follow us",
        "ikuti kami",
        "bagikan artikel ini melalui",
        "bagikan",
        "pilihan editor",
        "lihat semua",
        "selengkapnya",
        "tag",
        "tags",
        "topik",
        "topik terkait",
        "syarat & ketentuan",
        "laporkan komentar",
        "baca selanjutnya",
        "iklan",
        # English
        "most read",
        "most popular",
        "most viewed",
        "popular",
        "related",
        "related stories",
        "related articles",
        "related news",
        "related topics",
        "latest",
        "latest news",
        "latest stories",
        "trending",
        "trending now",
        "recommended",
        "recommended for you",
        "more stories",
        "more on this story",
        "more from",
        "you may also like",
        "advertisement",
        "share this article",
        "share",
        "comments",
        "top stories",
        "editor's picks",
        "sponsored",
    }
)

_RELATED = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))\s*(?:baca\s+juga|baca|lihat\s+juga|simak\s+juga|read\s+also|"
    r"read\s+more|also\s+read|see\s+also|related)\s*[:：]\s*",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^\W*(?:[A-Za-z]+,?\s+)?\d{1,2}(?:\s+[A-Za-z]+\.?\s+|[/.-]\d{1,2}[/.-])\d{2,4}"
    r"(?:\s*[|,•-]?\s*\d{1,2}[:.]\d{2}(?:\s*[A-Za-z]{2,4})?)?\W*$"
)
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
#: words of promos and sharing widgets: a sentence-like line with one stays furniture
_PROMO = re.compile(
    r"komentar|voucher|smartphone|install|aplikasi|whatsapp|login|berlangganan|subscribe|"
    r"newsletter|klik|unduh|download|notifikasi|notif|sign up|cookie|iklan|terima kasih",
    re.IGNORECASE,
)
#: promos outside any sidebar: only unmistakable ones
_STRONG_PROMO = re.compile(
    r"whatsapp channel|install aplikasi|e-voucher|tulis komentar|klik di sini|click here|"
    r"sign up|subscribe to|newsletter|berita tanpa iklan",
    re.IGNORECASE,
)

#: a capitalised word (a name, mostly), and what starts a sentence before it
_NAME = re.compile(r"(?<![\w-])[A-Z][^\W\d_]*(?:-[A-Z]?[^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s+)\W*$")
#: capitalised words that name no story: days and months
_CALENDAR = frozenset(
    {
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "ahad",
        "januari",
        "februari",
        "maret",
        "april",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "june",
        "july",
        "august",
        "october",
        "december",
    }
)


@attrs.frozen
class Block:
    """One line (or the headline part of a "Baca juga" line) and what it is."""

    kind: Kind
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        s, e = pos, pos + len(body)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        pos += len(line)
    return spans


def _is_heading(line: str) -> bool:
    key = " ".join(line.lower().rstrip(":：").split())
    return key in SECTION_HEADINGS or key.startswith("[populer") or key.startswith("populer ")


def _is_prose(line: str) -> bool:
    words = line.count(" ") + 1
    return (words >= 3 and _TERMINAL.search(line) is not None) or words >= 25


def _names(line: str, *, inner: bool) -> set[str]:
    """Capitalised words of four letters or more (only those inside sentences when ``inner``)."""
    found: set[str] = set()
    for m in _NAME.finditer(line):
        word = m.group().lower()
        if len(word) < 4 or word in _CALENDAR:
            continue
        if inner and _SENTENCE_START.search(line, max(0, m.start() - 8), m.start()):
            continue
        found.add(word)
    return found


def _body_like(line: str) -> bool:
    """Whether a line reads as running text rather than a title-case headline."""
    words: list[str] = re.findall(r"[^\W\d_]{4,}", line)
    lower = sum(w[0].islower() for w in words)
    return bool(words) and lower >= 0.3 * len(words)


def layout(text: str) -> list[Block]:
    """Every non-blank line of ``text`` as a :class:`Block`, in order.

    After a section heading the article resumes only with a long sentence that
    names something the article's prose before the heading named (a country,
    a town, a person): a sidebar of other stories' sentences stays furniture.
    A line printed more than once is furniture, except the first copy of a
    sentence of running text (not a title-case headline), which is read once.
    """
    lines = _lines(text)
    seen = Counter(" ".join(text[s:e].split()) for s, e in lines)
    blocks: list[Block] = []
    in_sidebar = False
    article: list[str] = []  # the article's prose lines so far
    names: set[str] = set()  # the names of article[:named], read only when a sidebar needs them
    named = 0
    kept: set[str] = set()
    for s, e in lines:
        line = text[s:e]
        key = " ".join(line.split())
        if _is_heading(line):
            in_sidebar = True
            blocks.append(Block("furniture", s, e))
            continue
        prose = _is_prose(line)
        if in_sidebar:
            words = line.count(" ") + 1
            resumes = prose and words >= 12 and not _PROMO.search(line) and seen[key] == 1
            if resumes:
                for earlier in article[named:]:
                    names |= _names(earlier, inner=True)
                named = len(article)
            if resumes and _names(line, inner=False) & names:
                in_sidebar = False
            else:
                blocks.append(Block("furniture", s, e))
                continue
        repeated = seen[key] > 1 and not (
            prose and key not in kept and _body_like(line) and not _PROMO.search(line)
        )
        if repeated or _STAMP.match(line) or _STRONG_PROMO.search(line):
            blocks.append(Block("furniture", s, e))
            continue
        if seen[key] > 1:
            kept.add(key)
        related = _RELATED.search(line)
        if related is not None:
            before = text[s : s + related.start()].rstrip()
            if before and _TERMINAL.search(before):
                blocks.append(Block("prose", s, s + len(before)))
            if s + related.end() < e:
                blocks.append(Block("related", s + related.end(), e))
            continue
        if prose:
            article.append(line)
        blocks.append(Block("prose" if prose else "headline", s, e))
    return blocks
