"""The reconciliation report: one self-contained HTML file, and the same as Markdown.

Per subject: a timeline chart of every claim (intervals as bars, open bounds
as arrows, colour by claimant side, echoes drawn once), the reconciled
low/best/high band over it, the estimates, the claims with the flags that
concern them beside each, and the attribution chains.  Charts are PNG images,
inline in the HTML (no external resource is loaded) and files beside the
Markdown; a report written again to the same folder replaces them.  Every
string from the input is escaped: a claimant named ``<script>`` renders as
those characters and runs nothing.
"""

from __future__ import annotations

import base64
import contextlib
import html
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimrecon.claim import Claim
from claimrecon.figure import describe
from claimrecon.io._atomic import atomic_path
from claimrecon.reconcile import Estimate, Policy
from claimrecon.report.charts import colour_of, render
from claimrecon.report.model import ReportData, SubjectView, build

__all__ = ["ReportFiles", "build", "write_report"]


@attrs.frozen
class ReportFiles:
    """The files a report wrote."""

    html: Path
    markdown: Path
    charts: tuple[Path, ...]


def write_report(
    claims: Sequence[Claim],
    out_dir: str | os.PathLike[str],
    *,
    inputs: Sequence[str] = (),
    policy: Policy | str = "best",
    title: str = "claimrecon report",
) -> ReportFiles:
    """Write ``report.html`` (self-contained) and ``report.md`` with its charts to ``out_dir``.

    The report replaces the one written before to the same folder: the PNG
    files in ``charts/`` that this report did not write (charts of subjects
    gone since) are removed; nothing else in the folder is touched.  Every
    chart is rendered before any file is written, and every file is written
    in full beside its place before the first is renamed into it, so a
    failure leaves the earlier report as it was.  An :class:`OSError` (a
    folder that cannot be written) propagates, with nothing left behind.
    """
    data = build(claims, inputs=inputs, policy=policy, title=title)
    out = Path(out_dir)
    charts_dir = out / "charts"
    images: dict[str, bytes] = {}
    for subject in data.subjects:
        png = render(subject)
        if png is not None:
            images[subject.slug] = png
    html_path, md_path = out / "report.html", out / "report.md"
    chart_paths = {slug: charts_dir / f"{slug}.png" for slug in images}
    texts: list[tuple[Path, bytes]] = [
        # the Markdown, which names the chart files, goes into place last
        (md_path, to_markdown(data, {s: f"charts/{s}.png" for s in images}).encode("utf-8")),
        (html_path, to_html(data, images).encode("utf-8")),
        *((chart_paths[slug], png) for slug, png in images.items()),
    ]
    with contextlib.ExitStack() as stack:  # renamed into place in reverse order, on leaving
        for path, content in texts:
            tmp = stack.enter_context(atomic_path(path))
            tmp.write_bytes(content)
    _remove_stale_charts(charts_dir, set(chart_paths.values()))
    return ReportFiles(html_path, md_path, tuple(chart_paths.values()))


def _remove_stale_charts(charts_dir: Path, written: set[Path]) -> None:
    """Remove the charts an earlier report wrote that this one did not; the folder if empty."""
    if not charts_dir.is_dir():
        return
    for path in charts_dir.glob("*.png"):
        if path not in written and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
    if not written and not any(charts_dir.iterdir()):
        charts_dir.rmdir()


# -- shared wording -------------------------------------------------------------------------


def _figure(low: int | None, best: int | None, high: int | None) -> str:
    if low is None:
        return "-"
    return f"{low} / {best} / {'open' if high is None else high}"


def _estimate_cells(e: Estimate) -> list[str]:
    return [
        str(e.as_of or "undated"),
        e.span + (f" at {e.location}" if e.location else ""),
        _figure(e.low, e.best, e.high),
        e.grade.value,
        str(e.sources),
        ", ".join(e.used) or "-",
        ", ".join(e.set_aside) or "-",
    ]


ESTIMATE_HEADER = ["as of", "kind", "low / best / high", "grade", "sources", "used", "set aside"]
CLAIM_HEADER = [
    "id",
    "figure",
    "qualifier",
    "as of",
    "kind",
    "claimant",
    "side",
    "stance",
    "chain",
    "status",
    "flags",
]
FLAG_HEADER = ["severity", "code", "claims", "message"]


def _claim_cells(subject: SubjectView, index: int) -> list[str]:
    r = subject.rows[index]
    c = r.claim
    status = c.status.value + (f" by {', '.join(c.disputed_by)}" if c.disputed_by else "")
    return [
        c.id,
        describe(c.figure),
        c.figure.qualifier or "",
        str(c.period.as_of or "undated"),
        c.period.kind.value,
        c.claimant or f"(none named: {r.source})",
        r.source_side,
        r.stance.value,
        " > ".join(h.name for h in c.chain) or "(direct)",
        status,
        ", ".join(subject.flags_of(c.id)),
    ]


def _summary(data: ReportData) -> list[str]:
    severities = {
        s: sum(1 for f in data.flags if f.severity.value == s) for s in ("error", "warning", "info")
    }
    return [
        f"{len(data.claims)} claims from {len(data.attribution.sources)} independent sources",
        f"{len(data.flags)} flags: {severities['error']} error, {severities['warning']} warning, "
        f"{severities['info']} info",
        f"{len(data.estimates)} estimates, policy '{data.policy.value}'",
        "inputs: " + (", ".join(data.inputs) or "(claims given directly)"),
    ]


# -- HTML -------------------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;
color:#222;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-top:1rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem;width:100%}
th,td{border:1px solid #ddd;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.error{color:#b00020;font-weight:600}.warning{color:#a45a00}
.info{color:#555}.side{display:inline-block;width:.7em;height:.7em;border-radius:50%;
margin-right:.3em}img{max-width:100%}.muted{color:#666;font-size:.85rem}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(header: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{_e(classes[i])}"' if classes else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def to_html(data: ReportData, images: dict[str, bytes]) -> str:
    """The report as one HTML document with its charts inline."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{_e(data.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(data.title)}</h1>",
        "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in _summary(data)) + "</ul>",
        '<h2 id="flags">Flags</h2>',
        _table(
            FLAG_HEADER,
            [[f.severity.value, f.code, ", ".join(f.claims), f.message] for f in data.flags],
            [f.severity.value for f in data.flags],
        )
        if data.flags
        else "<p>No flags.</p>",
    ]
    for subject in data.subjects:
        parts.append(f'<h2 id="{_e(subject.slug)}">{_e(subject.title)}</h2>')
        png = images.get(subject.slug)
        if png is not None:
            encoded = base64.b64encode(png).decode("ascii")
            parts.append(
                f'<img alt="{_e("timeline of " + subject.title)}" '
                f'src="data:image/png;base64,{encoded}">'
            )
        else:
            parts.append('<p class="muted">No dated claim: nothing to draw on a timeline.</p>')
        if subject.estimates:
            parts.append("<h3>Reconciled</h3>")
            parts.append(_table(ESTIMATE_HEADER, [_estimate_cells(e) for e in subject.estimates]))
        parts.append("<h3>Claims</h3>")
        parts.append(
            _table(CLAIM_HEADER, [_claim_cells(subject, i) for i in range(len(subject.rows))])
        )
        if subject.flags:
            parts.append("<h3>Flags on this subject</h3>")
            parts.append(
                _table(
                    FLAG_HEADER,
                    [
                        [f.severity.value, f.code, ", ".join(f.claims), f.message]
                        for f in subject.flags
                    ],
                    [f.severity.value for f in subject.flags],
                )
            )
    parts.append('<h2 id="attribution">Attribution</h2><ul>')
    for source in data.attribution.sources:
        items = []
        for st in source.statements:
            chains = "; ".join(
                " &gt; ".join(_e(h) for h in chain) or "(direct)" for chain in st.chains
            )
            items.append(f"<li>{_e(', '.join(st.claims))} ({_e(st.stance.value)}): {chains}</li>")
        parts.append(
            f'<li><span class="side" style="background:{colour_of(source.side)}"></span>'
            f"<strong>{_e(source.name)}</strong> [{_e(source.side)}]<ul>{''.join(items)}</ul></li>"
        )
    parts.append("</ul>")
    parts.append(
        '<p class="muted">Made by claimrecon. Each estimate\'s trace lists every claim '
        "used or set aside and why; see the JSON output of "
        "<code>claimrecon reconcile</code>.</p></body></html>"
    )
    return "\n".join(parts)


# -- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def md_escape(text: object) -> str:
    """Text that Markdown shows as written (no markup, no HTML, no table breaks)."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def to_markdown(data: ReportData, images: dict[str, str]) -> str:
    """The report as Markdown, with charts as image files beside it."""
    out = [f"# {md_escape(data.title)}", ""]
    out += [f"- {md_escape(line)}" for line in _summary(data)]
    out += ["", "## Flags", ""]
    out.append(
        _md_table(
            FLAG_HEADER,
            [[f.severity.value, f.code, ", ".join(f.claims), f.message] for f in data.flags],
        )
        if data.flags
        else "No flags."
    )
    for subject in data.subjects:
        out += ["", f"## {md_escape(subject.title)}", ""]
        if subject.slug in images:
            out.append(f"![timeline of {md_escape(subject.title)}]({images[subject.slug]})")
        else:
            out.append("No dated claim: nothing to draw on a timeline.")
        if subject.estimates:
            out += [
                "",
                "### Reconciled",
                "",
                _md_table(ESTIMATE_HEADER, [_estimate_cells(e) for e in subject.estimates]),
            ]
        out += [
            "",
            "### Claims",
            "",
            _md_table(CLAIM_HEADER, [_claim_cells(subject, i) for i in range(len(subject.rows))]),
        ]
        if subject.flags:
            out += [
                "",
                "### Flags on this subject",
                "",
                _md_table(
                    FLAG_HEADER,
                    [
                        [f.severity.value, f.code, ", ".join(f.claims), f.message]
                        for f in subject.flags
                    ],
                ),
            ]
    out += ["", "## Attribution", ""]
    for source in data.attribution.sources:
        out.append(f"- **{md_escape(source.name)}** \\[{md_escape(source.side)}\\]")
        for st in source.statements:
            chains = "; ".join(" > ".join(chain) or "(direct)" for chain in st.chains)
            out.append(
                f"  - {md_escape(', '.join(st.claims))} "
                f"({md_escape(st.stance.value)}): {md_escape(chains)}"
            )
    return "\n".join(out) + "\n"
