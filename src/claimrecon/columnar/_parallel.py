"""When the engine runs two of its passes side by side, in threads.

polars spreads one operation over both cores, but between operations, and in
its streaming engine, a core often waits.  Running two independent passes at
once (the gate's two passes over a file, two flag checks) fills that time: at
ten million claims on a 2-core machine the gate takes about a second less and
flagging 15 to 20% less; at a hundred thousand, where each of the checks'
many small operations leaves a core idle, flagging takes about a third less.
It also holds both passes' intermediate columns at once: a few megabytes
below :data:`SMALL_ROWS` claims, but 20 to 60 MB of peak at a million, with
polars' allocator as polars sets it up (from about 550 to about 610 MB,
measured with ``benchmarks/scale.py``).  With the allocator as claimrecon
sets it up (:mod:`._allocator`: one arena per four cores, large blocks kept
for reuse), a million claims take about 410 MB one after another and about
430 MB two at a time, and flagging them takes 7 to 10% less time two at a time (alternated in
one process).  So the passes run two at a time, unless polars was loaded
before claimrecon: then one after another from :data:`SMALL_ROWS` to
:data:`PARALLEL_ROWS` claims, where memory is the tighter bound.
"""

from __future__ import annotations

from claimrecon.columnar._allocator import tuned

__all__ = ["PARALLEL_ROWS", "SMALL_ROWS", "side_by_side"]

#: below this many claims, independent passes run two at a time (a few MB more)
SMALL_ROWS = 300_000
#: from this many claims on, independent passes run two at a time again
PARALLEL_ROWS = 2_000_000


def side_by_side(rows: int) -> int:
    """How many passes to run at once over ``rows`` claims.

    Two, but one from :data:`SMALL_ROWS` to :data:`PARALLEL_ROWS` claims when
    polars' allocator is not claimrecon's (see :func:`._allocator.tuned`).
    """
    return 1 if not tuned() and SMALL_ROWS <= rows < PARALLEL_ROWS else 2
