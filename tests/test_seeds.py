"""The seeds dataset: loads, and its spans and checksums verify against the raw articles."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from claimrecon import load_seeds
from claimrecon.seeds import load_manifest, raw_seeds_dir, read_raw, verify

RAW = raw_seeds_dir()
# under CI the raw articles must be there: a missing folder fails rather than skips
needs_raw = pytest.mark.skipif(
    not RAW.is_dir() and os.environ.get("CI") != "true",
    reason="raw seed articles not found; set CLAIMRECON_RAW_SEEDS",
)


class TestSeeds:
    def test_loads(self) -> None:
        """Every curated claim loads, with unique ids, from the five articles."""
        claims = load_seeds()
        assert len(claims) >= 15
        assert len({c.id for c in claims}) == len(claims)
        manifest = load_manifest()
        assert {c.evidence.document for c in claims} <= {a["file"] for a in manifest["articles"]}
        assert len(manifest["articles"]) == 5

    def test_no_article_text(self) -> None:
        """The dataset holds figures and spans, not the articles' sentences."""
        assert all(c.evidence.text is None for c in load_seeds())

    @needs_raw
    def test_checksums(self) -> None:
        """Every article's sha256 matches the manifest."""
        for article in load_manifest()["articles"]:
            data = (RAW / article["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == article["sha256"], article["file"]

    @needs_raw
    def test_spans(self) -> None:
        """Every evidence span lies in its article and holds the figure's number or word."""
        assert verify() == []
        for claim in load_seeds():
            span = claim.evidence.span
            assert span is not None and claim.evidence.document is not None
            text = read_raw(claim.evidence.document)[span[0] : span[1]].lower()
            figure = claim.figure
            if figure.qualifier:
                assert figure.qualifier in text, claim.id
            if figure.stated is not None and not (claim.note and "no digit" in claim.note):
                digits = f"{figure.stated:,}".replace(",", ".")
                assert digits in text, (claim.id, digits, text)

    @needs_raw
    def test_setting_points_elsewhere(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: object
    ) -> None:
        """CLAIMRECON_RAW_SEEDS moves the raw folder; a wrong folder is a clear error."""
        from claimrecon import FormatError

        monkeypatch.setenv("CLAIMRECON_RAW_SEEDS", str(tmp_path))
        assert raw_seeds_dir() == tmp_path
        with pytest.raises(FormatError, match="CLAIMRECON_RAW_SEEDS"):
            read_raw("000_1ff55fa3aeb49bb1.txt")

    def test_verify_names_the_setting(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: object
    ) -> None:
        """verify() on a raw folder that lacks the articles is a FormatError naming the setting."""
        from claimrecon import FormatError

        monkeypatch.setenv("CLAIMRECON_RAW_SEEDS", str(tmp_path))
        with pytest.raises(FormatError, match="CLAIMRECON_RAW_SEEDS"):
            verify()

    def test_read_raw_keeps_crlf(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """read_raw keeps CRLF line endings, so spans index the file's own characters."""
        data = "Judul\r\n\r\nSebanyak 8 warga sipil tewas.\r\n"
        (tmp_path / "a.txt").write_bytes(data.encode("utf-8"))
        monkeypatch.setenv("CLAIMRECON_RAW_SEEDS", str(tmp_path))
        assert read_raw("a.txt") == data
