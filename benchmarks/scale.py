"""Scale: millions of synthetic claims through the columnar engine and two bare baselines.

    .venv/bin/python benchmarks/scale.py                 # 10k 100k 1M
    .venv/bin/python benchmarks/scale.py 10k 1M 10M      # sizes to run
    .venv/bin/python benchmarks/scale.py --duckdb-at 1M  # where DuckDB runs too (default 1M)

For each size the script writes ``benchmarks/data/claims-<size>.parquet`` once
(``claimrecon.columnar.synthetic_batches``, a million rows at a time, through
``claimrecon.columnar.write_table``, which checks the file and seals it, in a
fresh process, then kept; ``--regenerate`` writes it again, as does a file
without a seal), then runs each job in a fresh process and prints its
whole-process wall time and peak RSS:

* ``engine``: ``claimrecon.columnar.engine.prepare_claims`` (the file read,
  its seal verified, and prepared once), then ``flag_table`` and
  ``reconcile_table``: what the engine does with a file claimrecon wrote;
* ``full``: the same with the seal ignored, every rule checked as the file
  is read: what the engine does with a file another program wrote;
* ``csv``: what ``claimrecon flag FILE --format csv -o OUT`` does: the
  engine's flags written as CSV straight from the flag table
  (``claimrecon.columnar.write_flags_csv``), at the ``--csv-at`` sizes
  (default 1M);
* ``gate``: ``claimrecon.columnar.gate.read_checked_frame`` alone, the seal
  ignored: the first step of ``full``, the file read with polars and checked
  against every rule of the model without normalizing anything;
* ``check``: ``claimrecon.columnar.read_table`` alone: the exact path, which
  reads the file with Arrow, checks every row and normalizes what needs it
  (the engine takes it for a file the gate does not pass);
* ``polars``: the bare baseline: read the Parquet file and, per subject and
  as-of day, the smallest low, the largest high (open if any is), the count,
  the distinct claimants and whether the group disagrees (largest low above
  smallest high); per claimant and subject, whether the cumulative series
  goes backwards (a day's highest figure below an earlier day's low);
* ``duckdb``: the same baseline in SQL, at the ``--duckdb-at`` sizes.

The ratio column is each job's wall time over the polars baseline's;
``--repeat 5`` runs each job five times and shows the median run.  Each job's
process is watched and stopped above ``--max-rss-mb`` (default 8,000) or
after ``--timeout`` seconds (default 600), so that one runaway job cannot
take the machine's memory from everything else on it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SUBJECT = ["subject_side", "category", "outcome", "location", "unit"]
SERIES = ["claimant", *SUBJECT, "period_start"]


def parse_size(text: str) -> int:
    """``10k`` -> 10_000, ``1M`` -> 1_000_000, ``2500`` -> 2_500."""
    scale = {"k": 1_000, "m": 1_000_000}
    text = text.strip().lower().replace("_", "")
    if text[-1:] in scale:
        return int(float(text[:-1]) * scale[text[-1]])
    return int(text)


def label(n: int) -> str:
    """The short name of a size: 1_000_000 -> ``1M``."""
    for unit, name in ((1_000_000, "M"), (1_000, "k")):
        if n >= unit and n % unit == 0:
            return f"{n // unit}{name}"
    return str(n)


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the jobs, each run in a fresh process ------------------------------------------------------


def job_generate(path: Path, n: int, seed: int) -> dict[str, Any]:
    """Write ``n`` synthetic claims to ``path`` as Parquet, a million rows at a time, sealed."""
    from claimrecon.columnar import synthetic_batches, write_table
    from claimrecon.columnar.seal import is_sealed

    write_table(synthetic_batches(n, seed=seed), path)  # checked as written, then sealed
    return {"rows": n, "bytes": path.stat().st_size, "sealed": is_sealed(path)}


def job_engine(path: Path, *, trust_seal: bool = True) -> dict[str, Any]:
    """claimrecon's columnar engine: read (checked, or sealed), flag, reconcile."""
    try:
        from claimrecon.columnar.engine import (  # type: ignore[import-not-found]
            flag_table,
            prepare_claims,
            reconcile_table,
        )
    except ImportError as err:
        return {"available": False, "reason": str(err)}

    # read, checked (or its seal verified) and prepared once for both
    claims = prepare_claims(path, trust_seal=trust_seal)
    flags = flag_table(claims)
    estimates = reconcile_table(claims)
    return {"rows": len(claims), "flags": len(flags), "estimates": len(estimates)}


def job_full(path: Path) -> dict[str, Any]:
    """The engine with the file's seal ignored: every rule checked as the file is read."""
    return job_engine(path, trust_seal=False)


def job_csv(path: Path) -> dict[str, Any]:
    """``claimrecon flag FILE --format csv -o OUT``: flags written as CSV from the flag table."""
    from claimrecon.columnar.engine import flag_table, prepare_claims
    from claimrecon.columnar.texts import write_flags_csv

    flags = flag_table(prepare_claims(path))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "flags.csv"
        write_flags_csv(flags, out)
        return {"flags": len(flags), "csv_mb": round(out.stat().st_size / 1e6, 1)}


def job_check(path: Path) -> dict[str, Any]:
    """Only the edge: ``read_table``, which checks every row against the model, vectorized."""
    from claimrecon.columnar import read_table

    return {"rows": read_table(path).num_rows}


def job_gate(path: Path) -> dict[str, Any]:
    """Only the engine's first step on a canonical file, its seal ignored: every rule checked."""
    from claimrecon.columnar.gate import read_checked_frame

    frame = read_checked_frame(path, trust_seal=False)
    return {"rows": None if frame is None else frame.height}


def job_polars(path: Path) -> dict[str, Any]:
    """The bare polars baseline: per subject and day, and per cumulative series."""
    import polars as pl

    dated = pl.scan_parquet(path).filter(pl.col("as_of").is_not_null())
    groups = (
        dated.group_by([*SUBJECT, "as_of"])
        .agg(
            low=pl.col("low").min(),
            high=pl.col("high").max(),
            open=pl.col("high").is_null().any(),
            n=pl.len(),
            claimants=pl.col("claimant").n_unique(),
            disagree=pl.col("low").max() > pl.col("high").min(),
        )
        .select(pl.len().alias("groups"), pl.col("disagree").sum().alias("disagree"))
    )
    days = (
        dated.filter(pl.col("kind") == "cumulative")
        .group_by([*SERIES, "as_of"])
        .agg(
            day_low=pl.col("low").max(),
            day_high=pl.when(pl.col("high").is_null().any())
            .then(None)
            .otherwise(pl.col("high").max()),
        )
        .group_by(SERIES)
        .agg(
            backwards=(
                pl.col("day_high").sort_by("as_of")
                < pl.col("day_low").sort_by("as_of").cum_max().shift(1)
            )
            .fill_null(False)
            .any()
        )
        .select(pl.len().alias("series"), pl.col("backwards").sum().alias("backwards"))
    )
    g, d = pl.collect_all([groups, days])
    return {**g.row(0, named=True), **d.row(0, named=True)}


def job_duckdb(path: Path) -> dict[str, Any]:
    """The same baseline in DuckDB SQL."""
    import duckdb

    subject = ", ".join(SUBJECT)
    series = ", ".join(SERIES)
    con = duckdb.connect()
    con.execute(
        f"CREATE VIEW dated AS SELECT * FROM read_parquet('{path}') WHERE as_of IS NOT NULL"
    )
    groups = con.execute(
        f"""
        SELECT count(*) AS groups, sum(disagree::INT) AS disagree FROM (
            SELECT min(low) AS low, max(high) AS high, bool_or(high IS NULL) AS open,
                   count(*) AS n, count(DISTINCT claimant) AS claimants,
                   coalesce(max(low) > min(high), false) AS disagree
            FROM dated GROUP BY {subject}, as_of)
        """
    ).fetchone()
    days = con.execute(
        f"""
        WITH days AS (
            SELECT {series}, as_of, max(low) AS day_low,
                   CASE WHEN bool_or(high IS NULL) THEN NULL ELSE max(high) END AS day_high
            FROM dated WHERE kind = 'cumulative' GROUP BY {series}, as_of),
        running AS (
            SELECT *, max(day_low) OVER (
                PARTITION BY {series} ORDER BY as_of
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
            FROM days)
        SELECT count(*) AS series, sum(backwards::INT) AS backwards FROM (
            SELECT bool_or(coalesce(day_high < before, false)) AS backwards
            FROM running GROUP BY {series})
        """
    ).fetchone()
    assert groups is not None and days is not None
    return {"groups": groups[0], "disagree": groups[1], "series": days[0], "backwards": days[1]}


JOBS = {
    "engine": job_engine,
    "full": job_full,
    "csv": job_csv,
    "gate": job_gate,
    "check": job_check,
    "polars": job_polars,
    "duckdb": job_duckdb,
}


def child(args: argparse.Namespace) -> None:
    """Run one job in this (fresh) process and print its result as one JSON line."""
    start = time.perf_counter()
    path = Path(args.path)
    if args.run == "generate":
        result = job_generate(path, args.rows, args.seed)
    else:
        result = JOBS[args.run](path)
    result["work_s"] = time.perf_counter() - start
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


# -- the parent: one fresh process per job -------------------------------------------------------


class Guard:
    """Limits for a job's process: it is stopped past ``max_rss_mb`` or ``timeout`` seconds."""

    def __init__(self, max_rss_mb: float, timeout: float) -> None:
        self.max_rss_mb = max_rss_mb
        self.timeout = timeout


def rss_mb(pid: int) -> float:
    """A running process's resident set size in MB (0 where /proc is not there)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def spawn(guard: Guard, *args: str) -> tuple[dict[str, Any], float]:
    """Run this script with ``args`` in a fresh interpreter: its JSON result and wall time.

    The process is watched: past the guard's memory or time limit it is
    stopped (only it: by its own pid) and the result says why.  A failed job
    gives ``{"failed": reason}``.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), *args], stdout=out, stderr=err
        )
        stopped = ""
        while process.poll() is None:
            if rss_mb(process.pid) > guard.max_rss_mb:
                stopped = f"stopped above {guard.max_rss_mb:.0f} MB of memory"
            elif time.perf_counter() - start > guard.timeout:
                stopped = f"stopped after {guard.timeout:g} s"
            if stopped:
                process.kill()
                process.wait()
                break
            time.sleep(0.05)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        lines = out.read().strip().splitlines()
        if stopped or process.returncode != 0 or not lines:
            last = (err.read().strip().splitlines() or [f"exit status {process.returncode}"])[-1]
            return {"failed": stopped or last}, wall
        result: dict[str, Any] = json.loads(lines[-1])
        return result, wall


def median(guard: Guard, repeat: int, *args: str) -> tuple[dict[str, Any], float]:
    """The run of median wall time among ``repeat`` fresh runs (the first failure, if any)."""
    runs = []
    for _ in range(max(1, repeat)):
        run = spawn(guard, *args)
        if "failed" in run[0] or run[0].get("available") is False:
            return run
        runs.append(run)
    runs.sort(key=lambda run: run[1])
    return runs[len(runs) // 2]


def sealed(path: Path) -> bool:
    """Whether a data file is there, sealed (files of earlier releases of this script are not)."""
    from claimrecon.columnar.seal import is_sealed

    return is_sealed(path)


def bytecode() -> str:
    """Compile claimrecon's modules to bytecode once, as installing its wheel does.

    An editable install in an environment that writes no bytecode
    (``PYTHONDONTWRITEBYTECODE``, as on the project's CI machines) would
    otherwise compile every module from source in every job's process:
    about 70 ms of each job's wall time, which no installed copy pays.
    """
    import compileall

    import claimrecon

    folder = Path(claimrecon.__file__).resolve().parent
    compileall.compile_dir(folder, quiet=1)
    return f"claimrecon's modules compiled to bytecode in {folder}, as a wheel install does"


def versions() -> str:
    """The versions the figures were measured with."""
    import duckdb
    import polars
    import pyarrow

    return (
        f"Python {platform.python_version()}, pyarrow {pyarrow.__version__}, "
        f"polars {polars.__version__}, duckdb {duckdb.__version__}, {os.cpu_count()} CPUs"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", default=["10k", "100k", "1M"], help="e.g. 10k 1M 10M")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default=str(DATA), help="where the Parquet files live")
    parser.add_argument("--duckdb-at", nargs="*", default=["1M"], help="sizes to run DuckDB at")
    parser.add_argument("--csv-at", nargs="*", default=["1M"], help="sizes to write flag CSV at")
    parser.add_argument("--regenerate", action="store_true", help="write the data files again")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job; the median is shown")
    parser.add_argument("--max-rss-mb", type=float, default=8_000, help="stop a job above this")
    parser.add_argument("--timeout", type=float, default=600, help="stop a job after seconds")
    parser.add_argument("--run", choices=["generate", *JOBS], help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        child(args)
        return

    print(versions())
    print(bytecode())
    guard = Guard(args.max_rss_mb, args.timeout)
    duckdb_at = {parse_size(s) for s in args.duckdb_at}
    csv_at = {parse_size(s) for s in args.csv_at}
    columns = ("wall s", "work s", "peak MB", "x polars")
    print(f"{'size':>6} {'job':<8} " + " ".join(f"{c:>8}" for c in columns) + "  result")
    for n in map(parse_size, args.sizes):
        path = Path(args.data) / f"claims-{label(n)}.parquet"
        if args.regenerate or not sealed(path):
            made, wall = spawn(guard, "--run", "generate", "--path", str(path), "--rows", str(n),
                               "--seed", str(args.seed))  # fmt: skip
            if "failed" in made:
                print(f"{label(n):>6} {'generate':<8} failed: {made['failed']}")
                continue
            size_mb = made["bytes"] / 1e6
            print(f"{label(n):>6} {'generate':<8} {wall:8.2f} {made['work_s']:8.2f} "
                  f"{made['peak_rss_mb']:8.0f} {'':>8}  {size_mb:.1f} MB Parquet")  # fmt: skip
        jobs = ["engine", "full", *(["csv"] if n in csv_at else []), "gate", "check", "polars"]
        jobs += ["duckdb"] if n in duckdb_at else []
        results = {
            job: median(guard, args.repeat, "--run", job, "--path", str(path)) for job in jobs
        }
        polars_result, base = results["polars"]
        for job, (result, wall) in results.items():
            if result.get("available") is False:
                print(f"{label(n):>6} {job:<8} engine not available ({result['reason']})")
                continue
            if "failed" in result:
                print(f"{label(n):>6} {job:<8} failed after {wall:.1f} s: {result['failed']}")
                continue
            ratio = "-" if "failed" in polars_result else f"{wall / base:8.2f}"
            shown = {k: v for k, v in result.items() if k not in ("work_s", "peak_rss_mb")}
            print(f"{label(n):>6} {job:<8} {wall:8.2f} {result['work_s']:8.2f} "
                  f"{result['peak_rss_mb']:8.0f} {ratio:>8}  {shown}")  # fmt: skip


if __name__ == "__main__":
    main()
