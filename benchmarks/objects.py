"""100k claims given as Claim objects: the public flag and reconcile, timed.

Run from the project folder:  .venv/bin/python benchmarks/objects.py [SIZE]

The claims are built from the synthetic generator first (not timed); then
``claimrecon.flag`` and ``claimrecon.reconcile`` run on the list as a user
would call them.  Lists of this size go through the columnar engine: the time
includes turning the objects into an Arrow table and the results back into
Flag and Estimate objects.  Prints wall time and peak memory.
"""

from __future__ import annotations

import resource
import sys
import time

import claimrecon
from claimrecon.columnar import synthetic_table, table_to_claims
from claimrecon.columnar.convert import claims_to_table
from claimrecon.columnar.engine import flag_table, reconcile_table


def main(size: int = 100_000) -> None:
    claims = table_to_claims(synthetic_table(size, seed=0))
    print(f"{size:,} Claim objects ready")
    timings: dict[str, float] = {}
    start = time.perf_counter()
    table = claims_to_table(claims)
    timings["objects -> Arrow table"] = time.perf_counter() - start
    start = time.perf_counter()
    flags_found = flag_table(table)
    timings["flag (columnar, table out)"] = time.perf_counter() - start
    start = time.perf_counter()
    estimates_found = reconcile_table(table)
    timings["reconcile (columnar, table out)"] = time.perf_counter() - start
    start = time.perf_counter()
    flags = claimrecon.flag(claims)
    estimates = claimrecon.reconcile(claims)
    timings["public flag + reconcile, objects in and out"] = time.perf_counter() - start
    for label, seconds in timings.items():
        print(f"  {label:45} {seconds:7.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {len(flags):,} flags ({len(flags_found):,} rows), {len(estimates):,} estimates "
          f"({len(estimates_found):,} rows); peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 100_000)
