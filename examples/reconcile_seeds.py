"""Flag the seeds' claims and print the reconciled series, with the trace of each figure.

Run from the project folder:  python examples/reconcile_seeds.py [best|conservative|range]
"""

from __future__ import annotations

import sys

import claimrecon


def main(policy: str = "best") -> None:
    claims = claimrecon.load_seeds()
    sources = claimrecon.attribute(claims)
    print(f"{len(claims)} claims from {len(sources.sources)} independent sources\n")
    for source in sources.sources:
        for statement in source.statements:
            carried = "; ".join(" > ".join(chain) or "(direct)" for chain in statement.chains)
            print(
                f"  {source.name} [{source.side}, {statement.stance.value}]: "
                f"{', '.join(statement.claims)} via {carried}"
            )
    print("\nFlags")
    for f in claimrecon.flag(claims):
        print(f"  {f.severity.value:7} {f.code:22} {', '.join(f.claims):16} {f.message}")
    print(f"\nReconciled ({policy})")
    for e in claimrecon.reconcile(claims, policy):
        what = f"{e.side} {e.category} {e.outcome} ({e.unit})"
        where = f" at {e.location}" if e.location else ""
        figure = (
            "-" if e.low is None else f"{e.low} / {e.best} / {'open' if e.high is None else e.high}"
        )
        print(
            f"  {what}{where}, {e.span}, as of {e.as_of or 'undated'}: "
            f"{figure}  [{e.grade.value}, {e.sources} source(s)]"
        )
        for t in e.trace:
            print(f"      {t.claim}: {t.reason}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
