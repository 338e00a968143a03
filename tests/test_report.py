"""The HTML and Markdown report: self-contained, complete, and safe with untrusted text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from claimrecon import flag, load_seeds
from claimrecon.report import write_report
from tests.builders import claim


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


class TestWriteReport:
    def test_seeds_report(self, tmp_path: Path) -> None:
        """Every chart is an inline image, every flag is listed, nothing external is loaded."""
        files = write_report(load_seeds(), tmp_path)
        doc = parse(files.html)
        images = [a for t, a in doc.tags if t == "img"]
        assert len(images) == len(files.charts) >= 7
        assert all((a.get("src") or "").startswith("data:image/png;base64,") for a in images)
        for tag, attrs in doc.tags:
            assert tag not in ("script", "link", "iframe", "object", "embed")
            for key in ("src", "href"):
                value = attrs.get(key)
                assert value is None or value.startswith(("data:", "#")), (tag, value)
        text = " ".join(doc.text)
        for f in flag(load_seeds()):
            assert f.message in text
        markdown = files.markdown.read_text(encoding="utf-8")
        assert markdown.count("![timeline") == len(files.charts)
        assert "partisan\\_enemy\\_claim" in markdown

    def test_untrusted_text_escaped(self, tmp_path: Path) -> None:
        """A claimant named <script>alert(1)</script> renders as text and runs nothing."""
        evil = "<script>alert(1)</script>"
        claims = [
            claim("a", 5, claimant=evil, chain=("<img src=x onerror=alert(1)/",)),
            claim("b", 90, claimant="Reuters"),
        ]
        files = write_report(claims, tmp_path, title="<b>title</b>")
        html_text = files.html.read_text(encoding="utf-8")
        assert evil not in html_text and "<img src=x" not in html_text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
        doc = parse(files.html)
        assert not [t for t, _ in doc.tags if t == "script"]
        assert evil in " ".join(doc.text)
        markdown = files.markdown.read_text(encoding="utf-8")
        assert evil not in markdown and "\\<script\\>" in markdown

    def test_undated_subject_has_no_chart(self, tmp_path: Path) -> None:
        """A subject with only undated claims is listed without a chart."""
        files = write_report([claim("a", 5, as_of=None)], tmp_path)
        assert files.charts == ()
        assert "nothing to draw" in files.html.read_text(encoding="utf-8")


def test_one_band_per_running_total() -> None:
    """Totals from two starts get a band each; a total of one day gets a bar, not nothing."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PolyCollection

    from claimrecon.report.charts import _band
    from claimrecon.report.model import build

    seeds = build(load_seeds())
    subject = next(s for s in seeds.subjects if s.key == ("person", "all", "unspecified", "killed"))
    assert sorted({str(e.start) for e in subject.estimates}) == ["2020-09-27", "None"]
    fig, ax = plt.subplots()
    try:
        _band(ax, subject)
        polys = [c for c in ax.collections if isinstance(c, PolyCollection)]
        bars = [c for c in ax.collections if isinstance(c, LineCollection)]
        assert len(polys) == 1 and len(bars) == 1  # 1 and 6 October; 9 October alone
        labels = [a.get_label() for a in [*ax.collections, *ax.lines]]
        assert labels.count("reconciled low-high") == labels.count("reconciled best") == 1
    finally:
        plt.close(fig)
