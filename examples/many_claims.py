"""A hundred thousand claims through the columnar engine: write, read once, flag, reconcile.

Run from the project folder:  python examples/many_claims.py [SIZE]

The claims are synthetic (``claimrecon.columnar.synthetic_table``: a war's
reporting imitated, with biased claimants, revisions, echoes and vague
figures). They are written to Parquet, then read, checked and prepared once
with ``prepare_claims``, and flagged and reconciled as tables; the flags are
counted by code and the most divergent figures shown as a frame.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from claimrecon.columnar import synthetic_table, write_table
from claimrecon.columnar.engine import flag_table, prepare_claims, reconcile_table


def main(size: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.parquet"
        write_table(synthetic_table(size, seed=0), path)
        start = time.perf_counter()
        claims = prepare_claims(path)  # read, checked and prepared once for both
        flags = flag_table(claims)
        estimates = reconcile_table(claims, "best")
        seconds = time.perf_counter() - start
    print(
        f"{len(claims):,} claims: {len(flags):,} flags and {len(estimates):,} estimates "
        f"in {seconds:.2f} s"
    )
    if len(flags):
        by_code = flags.frame.group_by("code").len().sort("len", descending=True)
        for code, count in by_code.iter_rows():
            print(f"  {code:22} {count:>9,}")
    divergent = flags.frame.filter(pl.col("code") == "divergent")
    if divergent.height:
        print("\nthe widest disagreements above zero (largest low over smallest high):")
        print(
            divergent.filter(pl.col("factor").is_finite())
            .sort("factor", descending=True)
            .select("side", "category", "outcome", "as_of", "factor", "p_src1", "p_src2")
            .head(5)
        )
    grades = estimates.estimates.group_by("grade").len().sort("grade")
    print("\nestimates by grade:", dict(grades.iter_rows()))


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 100_000)
