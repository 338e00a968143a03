"""Timeline charts, one per subject, rendered offline with matplotlib (Agg, PNG).

x is the as-of date; each statement (a claim and its echoes, drawn once) is a
bar from its low to its high, a dot when exact, an arrow up when its high is
open; colour tells the claimant's side; incidents are drawn hollow.  The
reconciled low-high band of the running total and its best line lie beneath.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from claimrecon.report.model import SubjectView

SIDE_COLOURS = {
    "armenia": "#c0392b",
    "azerbaijan": "#1f5fa8",
    "third_party": "#555555",
    "unknown": "#b38f00",
}
OTHER_COLOUR = "#6a3d9a"


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError("charts need matplotlib: pip install 'claimrecon[report]'") from err
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def colour_of(side: str) -> str:
    """The colour a claimant side is drawn in."""
    return SIDE_COLOURS.get(side, OTHER_COLOUR)


def render(subject: SubjectView, *, width: float = 7.5, height: float = 3.6) -> bytes | None:
    """The subject's timeline as PNG bytes, or None when no claim has an as-of date."""
    statements: dict[object, list[Any]] = {}
    for r in subject.rows:
        if r.claim.period.as_of is not None:
            statements.setdefault(r.echo_key, []).append(r)
    if not statements:
        return None
    plt = _pyplot()
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(width, height), dpi=110)
    try:
        _band(ax, subject)
        values = [
            v
            for rows in statements.values()
            for v in (rows[0].claim.figure.low, rows[0].claim.figure.high)
            if v is not None
        ]
        arrow = max(values) * 0.12 + 1
        tops: list[float] = []
        seen_sides: set[str] = set()
        by_day: dict[date, int] = {}
        for rows in statements.values():
            first = rows[0]
            c = first.claim
            assert c.period.as_of is not None
            slot = by_day.get(c.period.as_of, 0)
            by_day[c.period.as_of] = slot + 1
            x = c.period.as_of + timedelta(hours=5 * slot)
            colour = colour_of(first.source_side)
            hollow = c.period.kind.value == "incident"
            low, high = c.figure.low, c.figure.high
            seen_sides.add(first.source_side)
            face = "white" if hollow else colour
            if high is None:
                ax.annotate(
                    "",
                    xy=(x, low + arrow),
                    xytext=(x, low),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.6},
                )
                ax.plot([x], [low], "o", color=colour, mfc=face, zorder=3)
                tops.append(low + arrow)
            elif high == low:
                ax.plot([x], [low], "o", color=colour, mfc=face, zorder=3)
                tops.append(high)
            else:
                ax.vlines(x, low, high, color=colour, lw=3, zorder=3)
                ax.plot([x, x], [low, high], "_", color=colour, ms=10, zorder=3)
                tops.append(high)
            if len(rows) > 1:
                ax.annotate(
                    f"x{len(rows)}",
                    (x, high if high is not None else low),
                    textcoords="offset points",
                    xytext=(4, 4),
                    fontsize=7,
                    color=colour,
                )
        ax.set_ylim(bottom=0, top=max(tops) * 1.12 + 1)
        if len(by_day) == 1:  # one day: a week around it, not matplotlib's years
            only = next(iter(by_day))
            ax.set_xlim(only - timedelta(days=3), only + timedelta(days=3))
        ax.set_title(subject.title, fontsize=10)
        ax.set_ylabel(subject.key[0])
        ax.grid(axis="y", alpha=0.3)
        handles, _ = ax.get_legend_handles_labels()
        for side in sorted(seen_sides):
            handles.append(Line2D([], [], marker="o", ls="", color=colour_of(side), label=side))
        handles.append(
            Line2D(
                [], [], marker="o", ls="", color="#555555", mfc="white", label="incident (hollow)"
            )
        )
        handles.append(
            Line2D([], [], marker=r"$\uparrow$", ls="", color="#555555", label="open upper bound")
        )
        ax.legend(handles=handles, fontsize=7, loc="upper left", frameon=False)
        fig.autofmt_xdate()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(fig)


def _band(ax: Any, subject: SubjectView) -> None:
    points = [
        e
        for e in subject.estimates
        if e.kind.value == "cumulative"
        and e.as_of is not None
        and e.low is not None
        and e.location is None
    ]
    # one band per series: running totals from different starts are not joined into one line
    starts = sorted({e.start for e in points}, key=lambda d: (d is not None, d or date.min))
    for i, start in enumerate(starts):
        series = [e for e in points if e.start == start]
        xs = [e.as_of for e in series]
        lows = [e.low for e in series]
        highs = [e.high if e.high is not None else e.low for e in series]
        bests = [e.best for e in series]
        band = "reconciled low-high" if i == 0 else None
        best = "reconciled best" if i == 0 else None
        if len(series) == 1:  # one day: a step would draw nothing
            ax.vlines(xs, lows, highs, color="#2ca02c", alpha=0.15, lw=10, label=band)
            ax.plot(xs, bests, "_", color="#2ca02c", ms=14, mew=1.2, label=best)
            continue
        ax.fill_between(xs, lows, highs, step="post", color="#2ca02c", alpha=0.15, label=band)
        ax.step(xs, bests, where="post", color="#2ca02c", lw=1.2, label=best)
