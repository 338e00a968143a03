"""Claim objects to files and back: each format's write and read, timed in fresh processes.

    .venv/bin/python benchmarks/formats.py                 # 100k claims, three runs
    .venv/bin/python benchmarks/formats.py 1M --runs 1 --formats parquet jsonl

The claims are the synthetic generator's (``claimrecon.columnar.synthetic_table``),
made into objects once and written to a temporary folder in each format
(``claimrecon.write_claims``, the format chosen by suffix). Each run is then a
fresh process per format that reads the file back (``claimrecon.read_claims``),
writes the claims it read to a new file, and checks that they are the claims
written. Printed: each run's read and write time and peak memory per format,
then the medians.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("parquet", "arrow", "jsonl", "csv")


def _size(text: str) -> int:
    scale = {"k": 1_000, "M": 1_000_000}
    return int(float(text[:-1]) * scale[text[-1]]) if text[-1] in scale else int(text)


def one_run(path: str, written: str) -> dict[str, float]:
    """Read ``path`` and write what was read to ``written``, in this process."""
    from claimrecon import read_claims, write_claims

    start = time.perf_counter()
    claims = read_claims(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    write_claims(claims, written)
    write = time.perf_counter() - start
    if read_claims(written) != claims:
        raise SystemExit(f"{written}: the claims read back differ")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"read": read, "write": write, "peak_mb": peak, "claims": len(claims)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", default="100k")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # a run, in a child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(*args.one)))
        return
    from claimrecon import write_claims
    from claimrecon.columnar import synthetic_table, table_to_claims

    size = _size(args.size)
    claims = table_to_claims(synthetic_table(size, seed=0))
    with tempfile.TemporaryDirectory() as folder:
        files = {fmt: Path(folder, f"claims.{fmt}") for fmt in args.formats}
        for path in files.values():
            write_claims(claims, path)
        del claims
        print(f"{size:,} claims, {args.runs} runs, each a fresh process per format")
        figures: dict[str, list[dict[str, float]]] = {fmt: [] for fmt in files}
        for run in range(1, args.runs + 1):
            for fmt, path in files.items():
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(path), str(path.with_stem("again"))],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                found = json.loads(out.stdout)
                figures[fmt].append(found)
                print(
                    f"  run {run} {fmt:8} read {found['read']:6.2f} s  "
                    f"write {found['write']:6.2f} s  peak {found['peak_mb']:6.0f} MB"
                )
        print("medians")
        for fmt, runs in figures.items():
            read = statistics.median(r["read"] for r in runs)
            write = statistics.median(r["write"] for r in runs)
            peak = statistics.median(r["peak_mb"] for r in runs)
            print(f"  {fmt:8} read {read:6.2f} s  write {write:6.2f} s  peak {peak:6.0f} MB")


if __name__ == "__main__":
    main()
