"""100k claims given as Claim objects: the public flag and reconcile, timed.

Run from the project folder:  .venv/bin/python benchmarks/objects.py [SIZE]

The claims are built from the synthetic generator first (not timed); then each
step of the columnar path is timed on its own (objects to engine rows, flagging
and reconciling with tables out, tables to Flag and Estimate objects), and
``claimrecon.flag`` and ``claimrecon.reconcile`` run on the list as a user
would call them, once straight on the list and once on ``prepare_claims(list)``.
Prints each step's wall time and the peak memory.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from typing import TypeVar

import claimrecon
from claimrecon.columnar import synthetic_table, table_to_claims
from claimrecon.columnar.engine import flag_table, prepare_claims, reconcile_table

T = TypeVar("T")


def main(size: int = 100_000) -> None:
    claims = table_to_claims(synthetic_table(size, seed=0))
    print(f"{size:,} Claim objects ready")
    timings: dict[str, float] = {}

    def timed(label: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = work()
        timings[label] = time.perf_counter() - start
        return result

    prepared = timed("objects -> engine rows (prepare_claims)", lambda: prepare_claims(claims))
    flags_found = timed("flag (columnar, table out)", lambda: flag_table(prepared))
    estimates_found = timed("reconcile (columnar, table out)", lambda: reconcile_table(prepared))
    timed("flag table -> Flag objects", flags_found.to_flags)
    timed("estimate table -> Estimate objects", estimates_found.to_estimates)
    flags = timed(
        "public flag + reconcile, list in, objects out",
        lambda: (claimrecon.flag(claims), claimrecon.reconcile(claims))[0],
    )

    def once() -> int:
        ready = prepare_claims(claims)
        return len(claimrecon.flag(ready)) + len(claimrecon.reconcile(ready))

    timed("the same, prepare_claims once", once)
    estimates = estimates_found.to_estimates()
    for label, seconds in timings.items():
        print(f"  {label:45} {seconds:7.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {len(flags):,} flags ({len(flags_found):,} rows), {len(estimates):,} estimates "
        f"({len(estimates_found):,} rows); peak RSS {peak:,.0f} MB"
    )


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 100_000)
