"""polars' allocator, set up by claimrecon as it loads polars (``columnar._allocator``).

The options polars' jemalloc runs with are read back from its own statistics,
printed to stderr at exit (``stats_print``), in a fresh interpreter each.
"""

from __future__ import annotations

import ast
import json
import os
import re
import textwrap
from pathlib import Path
from typing import Any

from claimrecon.columnar._allocator import ENV, engine_options

import pytest

from tests.fresh import ROOT, fresh_python

SOURCE = ROOT / "src" / "claimrecon"
ALLOCATOR = "claimrecon.columnar._allocator"


def run(code: str, conf: str | None) -> tuple[Any, dict[str, int]]:
    """Run ``code`` (it prints one JSON object) with ``conf`` as ``_RJEM_MALLOC_CONF``.

    Returns the printed object and the allocator options jemalloc reports.
    """
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if conf is not None:
        env[ENV] = conf
    done = fresh_python(code, env)
    options = {
        name: int(value)
        for name, value in re.findall(r"opt\.(narenas|oversize_threshold): (\d+)", done.stderr)
    }
    return json.loads(done.stdout), options


REPORT = textwrap.dedent(f"""
    import json, os
    import polars as pl
    from claimrecon.columnar import _allocator
    pl.DataFrame({{"n": [1, 2, 3]}}).sum()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(json.dumps({{"env": os.environ.get({ENV!r}), "tuned": _allocator.tuned(),
                      "cores": cores}}))
""")


def jemalloc_options(conf: str) -> dict[str, int]:
    """The options polars' allocator reports with claimrecon loading polars, or a skip."""
    _, options = run("import claimrecon.columnar.engine\n" + REPORT, conf)
    if not options:
        pytest.skip("polars does not allocate through jemalloc here")
    return options


def polars_alone(conf: str | None) -> object:
    """``_RJEM_MALLOC_CONF`` as polars leaves it, loaded without claimrecon."""
    found, _ = run(f"import json, os, polars\nprint(json.dumps(os.environ.get({ENV!r})))", conf)
    return found


class TestOptions:
    def test_arenas_per_core(self) -> None:
        """One arena per four cores, at least one; no arena apart for large blocks."""
        assert engine_options(1) == "narenas:1,oversize_threshold:0"
        assert engine_options(2) == "narenas:1,oversize_threshold:0"
        assert engine_options(8) == "narenas:2,oversize_threshold:0"
        assert engine_options(64) == "narenas:16,oversize_threshold:0"


class TestLoad:
    def test_engine_options_applied(self) -> None:
        """Loading the engine loads polars with the engine's options; the environment is kept."""
        jemalloc_options("stats_print:true")  # skips where polars has no jemalloc
        found, options = run("import claimrecon.columnar.engine\n" + REPORT, "stats_print:true")
        # as polars alone leaves it (its own options and the user's): none of claimrecon's
        assert found["env"] == polars_alone("stats_print:true")
        assert found["tuned"] is True
        cores = found["cores"]
        assert isinstance(cores, int)
        assert options == {"narenas": max(1, cores // 4), "oversize_threshold": 0}

    def test_user_options_win(self) -> None:
        """Options a user set in ``_RJEM_MALLOC_CONF`` stand over the engine's."""
        options = jemalloc_options("narenas:3,oversize_threshold:4194304,stats_print:true")
        assert options == {"narenas": 3, "oversize_threshold": 4194304}

    def test_environment_left_unset(self) -> None:
        """Without ``_RJEM_MALLOC_CONF``, none is left behind once polars has loaded."""
        found, _ = run("import claimrecon.columnar.engine\n" + REPORT, None)
        assert found["env"] == polars_alone(None)
        assert found["tuned"] is True

    def test_polars_loaded_first(self) -> None:
        """A process that loaded polars before claimrecon keeps the allocator it has."""
        jemalloc_options("stats_print:true")
        code = "import polars\nimport claimrecon.columnar.engine\n" + REPORT
        found, options = run(code, "stats_print:true")
        assert found["tuned"] is False
        assert found["env"] == polars_alone("stats_print:true")
        assert options["oversize_threshold"] != 0

    @pytest.mark.parametrize("conf", [None, "narenas:2"])
    def test_without_polars(self, conf: str | None) -> None:
        """Where polars cannot be imported, the import that needs it says so; nothing else.

        The environment is left as it was found, and the engine is not taken
        for tuned.
        """
        found, _ = run(
            f"""
            import importlib.abc, json, os, sys

            class NoPolars(importlib.abc.MetaPathFinder):  # as if polars were not installed
                def find_spec(self, name, path, target=None):
                    if name.split(".")[0] == "polars":
                        raise ImportError("No module named 'polars'")

            sys.meta_path.insert(0, NoPolars())
            from claimrecon.columnar import _allocator
            try:
                import claimrecon.columnar.engine
            except ImportError as err:
                error = str(err)
            print(json.dumps({{"env": os.environ.get({ENV!r}), "tuned": _allocator.tuned(),
                              "error": error}}))
            """,
            conf,
        )
        assert found["env"] == conf and found["tuned"] is False
        assert "polars" in str(found["error"])


def _imports_polars(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import):
        return any(a.name == "polars" or a.name.startswith("polars.") for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == "polars"
    if not isinstance(node, ast.Expr | ast.Assign | ast.AnnAssign | ast.Return):
        return False  # a compound statement's own blocks are looked at one by one
    calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
    return any(
        isinstance(c.func, ast.Name)
        and c.func.id == "require"
        and c.args
        and isinstance(c.args[0], ast.Constant)
        and c.args[0].value == "polars"
        for c in calls
    )


def _imports_allocator(node: ast.stmt) -> bool:
    return isinstance(node, ast.Import) and any(a.name == ALLOCATOR for a in node.names)


def _bodies(tree: ast.AST) -> list[list[ast.stmt]]:
    """Every list of statements that runs (not those under ``if TYPE_CHECKING:``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                found.append(body)
    return found


@pytest.mark.parametrize(
    "path", sorted(SOURCE.rglob("*.py")), ids=lambda p: str(p.relative_to(SOURCE))
)
def test_polars_loaded_after_allocator(path: Path) -> None:
    """Every import of polars in claimrecon comes after the allocator's, in the same block."""
    if path.name == "_allocator.py":
        return
    for body in _bodies(ast.parse(path.read_text(encoding="utf-8"))):
        ready = False
        for statement in body:
            ready = ready or _imports_allocator(statement)
            if _imports_polars(statement):
                assert ready, f"{path.name}:{statement.lineno} loads polars before the allocator"
