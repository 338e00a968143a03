"""Where the seeds live: the curated dataset and the raw articles it points into.

* The curated dataset (``seeds/claims.jsonl`` and ``seeds/manifest.json``) sits
  at the top of the project; ``CLAIMRECON_SEEDS`` points elsewhere.
* The raw articles are not part of the project: they are read from
  ``../shared/seeds`` beside the project, or from wherever the one setting
  ``CLAIMRECON_RAW_SEEDS`` points.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError

__all__ = [
    "RAW_SEEDS_SETTING",
    "SEEDS_SETTING",
    "load_manifest",
    "load_seeds",
    "raw_seeds_dir",
    "read_raw",
    "seeds_dir",
    "verify",
]

SEEDS_SETTING = "CLAIMRECON_SEEDS"
RAW_SEEDS_SETTING = "CLAIMRECON_RAW_SEEDS"

_PROJECT = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    """The folder of the curated seeds dataset."""
    configured = os.environ.get(SEEDS_SETTING)
    if configured:
        return Path(configured)
    for candidate in (Path.cwd() / "seeds", _PROJECT / "seeds"):
        if (candidate / "claims.jsonl").is_file():
            return candidate
    return _PROJECT / "seeds"


def raw_seeds_dir() -> Path:
    """The folder of the raw seed articles (``$CLAIMRECON_RAW_SEEDS`` or ``../shared/seeds``)."""
    configured = os.environ.get(RAW_SEEDS_SETTING)
    if configured:
        return Path(configured)
    for base in (Path.cwd(), _PROJECT):
        candidate = base.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return _PROJECT.parent / "shared" / "seeds"


def load_seeds() -> list[Claim]:
    """The curated claims of the seed articles."""
    from claimrecon.io import read_claims

    return read_claims(seeds_dir() / "claims.jsonl")


def load_manifest() -> dict[str, Any]:
    """The manifest of the seed articles (file, outlet, wire, date, checksum ...)."""
    path = seeds_dir() / "manifest.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise FormatError(str(path), [RecordError(None, None, str(err))]) from None
    return data


def _unreadable(path: Path, err: OSError) -> FormatError:
    return FormatError(
        str(path),
        [
            RecordError(
                None,
                None,
                f"cannot read the raw article ({err.strerror}); set {RAW_SEEDS_SETTING} "
                "to the folder of the raw seed articles",
            )
        ],
    )


def read_raw(document: str) -> str:
    """The raw text of one seed article, as the evidence spans count it.

    Line endings are kept as the file has them, so a span indexes the file's
    own text whether its lines end in LF or CRLF.
    """
    path = raw_seeds_dir() / document
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as err:
        raise _unreadable(path, err) from None


def verify() -> list[str]:
    """Check checksums and evidence spans against the raw articles; return the problems.

    Raises :class:`~claimrecon.errors.FormatError` naming ``CLAIMRECON_RAW_SEEDS``
    when an article cannot be read.
    """
    problems: list[str] = []
    for article in load_manifest()["articles"]:
        path = raw_seeds_dir() / article["file"]
        try:
            data = path.read_bytes()
        except OSError as err:
            raise _unreadable(path, err) from None
        digest = hashlib.sha256(data).hexdigest()
        if digest != article["sha256"]:
            problems.append(f"{article['file']}: sha256 {digest} != manifest {article['sha256']}")
    texts: dict[str, str] = {}
    for claim in load_seeds():
        doc, span = claim.evidence.document, claim.evidence.span
        if doc is None or span is None:
            problems.append(f"claim {claim.id!r}: no evidence span")
            continue
        text = texts.setdefault(doc, read_raw(doc))
        if span[1] > len(text):
            problems.append(f"claim {claim.id!r}: span {span} beyond the end of {doc}")
    return problems
