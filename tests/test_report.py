"""The HTML and Markdown report: self-contained, complete, and safe with untrusted text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

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


class TestRewriteReport:
    def test_charts_of_the_earlier_report_removed(self, tmp_path: Path) -> None:
        """A report replaces the earlier one's charts; the user's other files stay."""
        first = write_report(load_seeds(), tmp_path)
        assert len(first.charts) >= 7
        mine = [tmp_path / "notes.png", tmp_path / "charts" / "README.txt"]
        for path in mine:
            path.write_text("mine\n", encoding="utf-8")
        second = write_report([claim("a", 5)], tmp_path)
        (chart,) = second.charts
        assert sorted((tmp_path / "charts").glob("*.png")) == [chart]
        markdown = second.markdown.read_text(encoding="utf-8")
        assert f"(charts/{chart.name})" in markdown
        assert all(path.read_text(encoding="utf-8") == "mine\n" for path in mine)
        assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]

    def test_no_chart_left_when_none_drawn(self, tmp_path: Path) -> None:
        """A report with nothing to draw leaves no chart of the earlier one, nor its folder."""
        write_report(load_seeds(), tmp_path)
        files = write_report([claim("a", 5, as_of=None)], tmp_path)
        assert files.charts == ()
        assert not (tmp_path / "charts").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.md"]

    def test_failure_leaves_the_earlier_report(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write failing half-way (a full disk) leaves the earlier report whole, no temp file."""
        write_report([claim("a", 5)], tmp_path)
        before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
        real = Path.write_bytes
        calls = []

        def fill_up(self: Path, data: bytes) -> int:
            calls.append(self)
            if len(calls) == 4:
                raise OSError(28, "No space left on device", str(self))
            return real(self, data)

        monkeypatch.setattr(Path, "write_bytes", fill_up)
        with pytest.raises(OSError, match="No space left"):
            write_report(load_seeds(), tmp_path)
        monkeypatch.undo()
        assert len(calls) == 4
        after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
        assert after == before

    def test_command_rewrites(self, tmp_path: Path) -> None:
        """``claimrecon report`` twice into one folder: only the charts it refers to are left."""
        from typer.testing import CliRunner

        from claimrecon.cli import app
        from claimrecon.io import write_claims
        from claimrecon.seeds import seeds_dir

        runner = CliRunner()
        out = tmp_path / "report"
        seeds = str(seeds_dir() / "claims.jsonl")
        assert runner.invoke(app, ["report", seeds, "-o", str(out)]).exit_code == 0
        one = tmp_path / "one.jsonl"
        write_claims([claim("a", 5)], one)
        result = runner.invoke(app, ["report", str(one), "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        markdown = (out / "report.md").read_text(encoding="utf-8")
        charts = sorted(p.name for p in (out / "charts").iterdir())
        assert len(charts) == 1 and f"(charts/{charts[0]})" in markdown
