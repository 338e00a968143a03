"""The engine's steps on one Parquet file: time, processor time, page faults and peak, per step.

    .venv/bin/python benchmarks/steps.py                          # the 1M file, three processes
    .venv/bin/python benchmarks/steps.py benchmarks/data/claims-10M.parquet --runs 1
    .venv/bin/python benchmarks/steps.py FILE --check             # the file's seal ignored

Each run is a fresh process that imports the engine, then reads and prepares
the file (``prepare_claims``), flags it (``flag_table``) and reconciles it
(``reconcile_table``), and prints for each step its wall time, its processor
time in user space and in the kernel, the memory it faulted in (minor page
faults times the page size: pages the process touched for the first time, or
again after the allocator handed them back), and the peak RSS at its end.
The medians of the runs follow.

Where ``scale.py`` says how long the whole job takes, this says where the
time goes: on a virtual machine, memory not touched before can cost seconds
of kernel time per gigabyte (``benchmarks/README.md``, fourteenth session).
The data files are ``scale.py``'s (run it first to write them).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("import", "prepare", "flag", "reconcile")
FIGURES = ("wall", "user", "kernel", "faulted_mb", "peak_mb")
PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20
HEADER = "  step        wall s  user s  kernel s  faulted MB  peak MB"


def _usage() -> tuple[float, float, float, int, float]:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), used.ru_utime, used.ru_stime, used.ru_minflt, used.ru_maxrss / 1024


def one_run(path: str, trust_seal: bool) -> dict[str, dict[str, float]]:
    """The steps in this process, each with its figures."""
    marks = [_usage()]
    from claimrecon.columnar.engine import flag_table, prepare_claims, reconcile_table

    marks.append(_usage())
    claims = prepare_claims(path, trust_seal=trust_seal)
    marks.append(_usage())
    flag_table(claims)
    marks.append(_usage())
    reconcile_table(claims)
    marks.append(_usage())
    return {
        step: {
            "wall": end[0] - start[0],
            "user": end[1] - start[1],
            "kernel": end[2] - start[2],
            "faulted_mb": (end[3] - start[3]) * PAGE_MB,
            "peak_mb": end[4],
        }
        for step, start, end in zip(STEPS, marks[:-1], marks[1:], strict=True)
    }


def _line(label: str, figures: dict[str, float]) -> str:
    return (
        f"  {label:10s} {figures['wall']:7.2f} {figures['user']:7.2f} {figures['kernel']:9.2f}"
        f" {figures['faulted_mb']:11.0f} {figures['peak_mb']:8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(HERE / "data" / "claims-1M.parquet"))
    parser.add_argument("--runs", type=int, default=3, help="fresh processes; medians follow")
    parser.add_argument("--check", action="store_true", help="ignore the file's seal")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a run's process
    options = parser.parse_args()
    if options.one:
        print(json.dumps(one_run(options.file, trust_seal=not options.check)))
        return
    if not Path(options.file).is_file():
        sys.exit(f"no file {options.file}: benchmarks/scale.py writes the data files")
    command = [sys.executable, __file__, options.file, "--one", *(["--check"] * options.check)]
    runs = []
    for number in range(1, options.runs + 1):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"run {number} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.splitlines()[-1]))
        print(f"run {number}: {options.file}\n{HEADER}")
        for step in STEPS:
            print(_line(step, runs[-1][step]))
        print(_line("total", {f: _total(runs[-1], f) for f in FIGURES}))
    if len(runs) > 1:
        print(f"medians of {len(runs)} runs\n{HEADER}")
        for step in STEPS:
            print(_line(step, {f: statistics.median(r[step][f] for r in runs) for f in FIGURES}))
        print(_line("total", {f: statistics.median(_total(r, f) for r in runs) for f in FIGURES}))


def _total(run: dict[str, dict[str, float]], figure: str) -> float:
    """A whole run's figure: the sum of its steps', or for the peak the last step's."""
    if figure == "peak_mb":
        return run[STEPS[-1]][figure]
    return sum(run[step][figure] for step in STEPS)


if __name__ == "__main__":
    main()
