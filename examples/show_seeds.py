"""Load the seeds dataset and print its claims as a table, grouped by subject.

Run from the project folder:  python examples/show_seeds.py
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table

import claimrecon
from claimrecon.figure import describe


def main() -> None:
    claims = claimrecon.load_seeds()
    groups: dict[tuple[str, str, str, str], list[claimrecon.Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.figure.unit, *claim.subject.key)].append(claim)
    console = Console(width=None if Console().is_terminal else 150)
    console.print(f"[bold]{len(claims)} claims[/bold] from the seed articles, by subject\n")
    for (unit, side, category, outcome), members in sorted(groups.items()):
        table = Table(title=f"{side} / {category} / {outcome} ({unit})", title_justify="left")
        for column in ("id", "figure", "as of", "since", "kind", "claimant", "chain", "status"):
            table.add_column(column)
        for c in sorted(members, key=lambda c: (c.period.as_of is None, c.period.as_of, c.id)):
            table.add_row(
                c.id,
                describe(c.figure),
                str(c.period.as_of or "undated"),
                str(c.period.start or ""),
                c.period.kind.value,
                f"{c.claimant or '(none named)'} [{c.claimant_side}]",
                " > ".join(h.name for h in c.chain),
                c.status.value + (f" by {', '.join(c.disputed_by)}" if c.disputed_by else ""),
            )
        console.print(table)


if __name__ == "__main__":
    main()
