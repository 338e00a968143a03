"""The gate against the exact path: reading a canonical Parquet file into the engine's columns.

    .venv/bin/python benchmarks/gate.py                  # 1M
    .venv/bin/python benchmarks/gate.py 100k 1M 10M --repeat 3

Each job runs in a fresh process on ``benchmarks/data/claims-<size>.parquet``
(written by ``benchmarks/scale.py``):

* ``gate``: :func:`claimrecon.columnar.gate.read_checked_frame`, polars alone;
* ``exact``: ``with_original(to_frame(read_table(path)))``, the exact path it stands in for.

Printed for each: the whole process's wall time (interpreter start included),
the job's own time from its start (imports included), its peak RSS, whether
pandas was imported, and the rows it gave.  ``--repeat`` runs each job that
many times and shows the run of median wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def job_gate(path: Path) -> int | None:
    from claimrecon.columnar.gate import read_checked_frame

    frame = read_checked_frame(path)
    return None if frame is None else frame.height


def job_exact(path: Path) -> int | None:
    from claimrecon.columnar import read_table
    from claimrecon.columnar.prepare import to_frame, with_original

    return with_original(to_frame(read_table(path))).height


JOBS = {"gate": job_gate, "exact": job_exact}


def child(job: str, path: Path) -> None:
    """Run one job in this fresh process and print its figures as one JSON line."""
    start = time.perf_counter()
    rows = JOBS[job](path)
    result = {
        "work_s": time.perf_counter() - start,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "pandas": "pandas" in sys.modules,
        "rows": rows,
    }
    print(json.dumps(result))


def spawn(job: str, path: Path) -> dict[str, Any]:
    """One job in a fresh interpreter: its figures and its whole wall time."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--job", job, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        return {"failed": (done.stderr.strip().splitlines() or ["?"])[-1], "wall_s": wall}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", default=["1M"], help="e.g. 100k 1M 10M")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job; the median is shown")
    parser.add_argument("--job", choices=sorted(JOBS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job:
        child(args.job, Path(args.sizes[0]))
        return
    print(f"{'size':>6} {'job':<6} {'wall s':>7} {'work s':>7} {'peak MB':>8} {'pandas':>7}  rows")
    for size in args.sizes:
        path = DATA / f"claims-{size}.parquet"
        if not path.exists():
            print(f"{size:>6} no file {path} (benchmarks/scale.py {size} writes it)")
            continue
        for job in JOBS:
            runs = sorted((spawn(job, path) for _ in range(max(1, args.repeat))),
                          key=lambda run: run["wall_s"])  # fmt: skip
            run = runs[len(runs) // 2]
            if "failed" in run:
                print(f"{size:>6} {job:<6} failed: {run['failed']}")
                continue
            print(
                f"{size:>6} {job:<6} {run['wall_s']:7.2f} {run['work_s']:7.2f} "
                f"{run['peak_mb']:8.0f} {'yes' if run['pandas'] else 'no':>7}  {run['rows']}"
            )


if __name__ == "__main__":
    main()
