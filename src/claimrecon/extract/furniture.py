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
  resumes, a line repeated elsewhere on the page (sidebars print each headline
  twice), a time stamp of another story ("Sabtu, 27 April 2024 | 17:17"), or a
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


def layout(text: str) -> list[Block]:
    """Every non-blank line of ``text`` as a :class:`Block`, in order."""
    lines = _lines(text)
    seen = Counter(" ".join(text[s:e].split()) for s, e in lines)
    blocks: list[Block] = []
    in_sidebar = False
    for s, e in lines:
        line = text[s:e]
        if _is_heading(line):
            in_sidebar = True
            blocks.append(Block("furniture", s, e))
            continue
        prose = _is_prose(line)
        if in_sidebar:
            words = line.count(" ") + 1
            if (
                prose
                and words >= 12
                and not _PROMO.search(line)
                and seen[" ".join(line.split())] == 1
            ):
                in_sidebar = False
            else:
                blocks.append(Block("furniture", s, e))
                continue
        if seen[" ".join(line.split())] > 1 or _STAMP.match(line) or _STRONG_PROMO.search(line):
            blocks.append(Block("furniture", s, e))
            continue
        related = _RELATED.search(line)
        if related is not None:
            before = text[s : s + related.start()].rstrip()
            if before and _TERMINAL.search(before):
                blocks.append(Block("prose", s, s + len(before)))
            if s + related.end() < e:
                blocks.append(Block("related", s + related.end(), e))
            continue
        blocks.append(Block("prose" if prose else "headline", s, e))
    return blocks
