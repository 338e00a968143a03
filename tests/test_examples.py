"""Every example runs from the project folder and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
#: arguments that keep an example small enough for the suite
ARGUMENTS = {"many_claims.py": ["3000"]}


def test_every_example_is_listed_in_the_readme() -> None:
    """The README's list of examples names every script in examples/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert EXAMPLES
    assert all(f"examples/{path.name}" in readme for path in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path: Path) -> None:
    """The example exits cleanly and prints something."""
    done = subprocess.run(
        [sys.executable, str(path), *ARGUMENTS.get(path.name, [])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
