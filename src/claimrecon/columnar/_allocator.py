"""polars' memory allocator, set up for the engine as polars loads.

On Linux (and in most of its builds for macOS) polars allocates through its
own jemalloc, which reads its options once, from the environment variable
``_RJEM_MALLOC_CONF``, as polars loads.  Two of its defaults cost the engine
time and memory (measured on Linux):

* four arenas per core: memory one thread frees stays with that thread's
  arena, where the next column another thread builds cannot use it;
* a separate arena for every allocation over 8 MiB (a column of a million
  integers), which hands its memory back to the system at once, so that the
  next column of that size is faulted in again, page by page.

Measured with ``benchmarks/scale.py`` on a 2-core machine (see
``benchmarks/README.md``): a million claims read, flagged and reconciled in
about 410 MB instead of about 570 MB at peak, and a tenth faster, which leaves
room to run the flag checks two at a time there (:mod:`._parallel`).

So, when claimrecon is the one that loads polars, it asks for
:func:`engine_options`, put before whatever the process's
``_RJEM_MALLOC_CONF`` says already (jemalloc reads its options left to right:
a user's own ``narenas`` or ``oversize_threshold`` wins).  polars itself
sets its allocator up the same way, adding its own options to the variable
as it loads; once it has loaded, claimrecon takes its own out again, so that
the environment is what polars alone leaves and child processes inherit
nothing of claimrecon's.  A process that loaded polars before claimrecon
keeps the allocator it has.  Where polars allocates otherwise (on Windows,
say) the variable is never read, and nothing changes.

Import this module before polars (``import claimrecon.columnar._allocator``
above ``import polars``): ruff keeps that order in every module of the engine
(``[tool.ruff.lint.isort]`` in ``pyproject.toml``), and a test checks that no
module of claimrecon imports polars without it.
"""

from __future__ import annotations

import os
import sys
from typing import Final

__all__ = ["ENV", "engine_options", "load_polars", "tuned"]

#: the environment variable polars' jemalloc reads its options from
ENV: Final = "_RJEM_MALLOC_CONF"


def engine_options(cores: int) -> str:
    """The allocator options the engine asks for on ``cores`` cores.

    One arena per four cores (at least one): a sixteenth of jemalloc's
    default, and one on this project's 2-core machines; and no arena apart
    for large allocations.
    """
    return f"narenas:{max(1, cores // 4)},oversize_threshold:0"


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container, say)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_tuned = False


def tuned() -> bool:
    """Whether claimrecon loaded polars, asking for :func:`engine_options`.

    A user's own ``_RJEM_MALLOC_CONF`` may have changed some of them; false
    when polars was loaded before claimrecon.
    """
    return _tuned


def load_polars() -> None:
    """Load polars with :func:`engine_options`, unless it is loaded already."""
    global _tuned
    if "polars" in sys.modules:
        return
    ours = engine_options(_cores())
    os.environ[ENV] = ",".join(filter(None, [ours, os.environ.get(ENV)]))
    try:
        import polars  # noqa: F401  (its allocator reads the options now)

        _tuned = True
    except ImportError:  # the import that needs polars says so, as it would without this
        pass
    finally:
        # polars adds its own options to the variable and leaves it set: it is left as polars
        # alone would leave it, without claimrecon's
        rest = ",".join(filter(None, os.environ.get(ENV, "").replace(ours, "", 1).split(",")))
        if rest:
            os.environ[ENV] = rest
        else:
            os.environ.pop(ENV, None)


load_polars()
