"""The ``claimrecon`` command line: a thin layer over the public functions.

Exit codes: 0 on success; 1 when ``--strict`` is given and a flag of severity
error was found; 2 on bad input (the message names the file, line and field),
on any other claimrecon error, and on an output that cannot be written (the
message names it; nothing is left behind).  No command ends in a traceback for
an error of the user's input or output.
"""

from __future__ import annotations

import functools
import io
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimrecon.attribution import attribute, check_unique_ids
from claimrecon.claim import Claim
from claimrecon.errors import ClaimReconError
from claimrecon.figure import describe
from claimrecon.flags import SEVERITIES, Flag, Severity, flag
from claimrecon.io import FORMATS, format_of, read_claims, write_claims
from claimrecon.io.results import (
    ATTRIBUTION_CSV_COLUMNS,
    ESTIMATE_CSV_COLUMNS,
    FLAG_CSV_COLUMNS,
    attribution_records,
    dump,
    estimate_records,
    flag_records,
    to_csv_text,
    to_json_text,
)
from claimrecon.reconcile import Policy, reconcile

app = typer.Typer(
    help="Reconcile conflicting casualty claims: flag, reconcile, attribute, report, convert.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
out = Console(width=None if Console().is_terminal else 160, emoji=False)
err = Console(stderr=True, soft_wrap=True, emoji=False)


class Output(StrEnum):
    """How results are printed."""

    table = "table"
    json = "json"
    csv = "csv"
    ged = "ged"


Files = Annotated[
    list[Path], typer.Argument(help="Claim files (any known format).", show_default=False)
]
FromFormat = Annotated[
    str | None,
    typer.Option(
        "--from", help=f"Input format, when the suffix does not say: {', '.join(FORMATS)}."
    ),
]
Format = Annotated[Output, typer.Option("--format", "-f", help="table, json or csv.")]
OutFile = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of the screen.")
]
Strict = Annotated[bool, typer.Option(help="Exit 1 when a flag of severity error is found.")]


def _fail(error: Exception | str) -> typer.Exit:
    err.print(f"error: {error}", markup=False, highlight=False)
    return typer.Exit(2)


def _cannot_write(output: Path | None, error: OSError) -> typer.Exit:
    """The one-line error for an output that cannot be written, naming it."""
    where = "standard output" if output is None else str(output)
    reason = error.strerror or str(error)
    # what is in the way: a file where a folder should be above the output, a folder
    # where a file should be in the report's folder; never a temporary file
    named = error.filename2 or error.filename
    if named is not None and output is not None:
        culprit = Path(named)
        related = culprit in output.parents or output in culprit.parents
        if related and not culprit.name.endswith(".tmp"):
            reason = f"{reason}: {culprit}"
    return _fail(f"cannot write {where}: {reason}")


@contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """Writing ``output`` (the screen when None): an error exits 2 naming it.

    The writers write atomically: a failed write leaves no partial or
    temporary file, and an earlier file at ``output`` as it was.
    """
    try:
        yield
    except ClaimReconError as error:  # a claim the format cannot hold
        raise _fail(error) from None
    except OSError as error:  # a folder, a missing or read-only place, a full disk
        raise _cannot_write(output, error) from None


_P = ParamSpec("_P")


def _guarded(command: Callable[_P, None]) -> Callable[_P, None]:
    """A command whose claimrecon errors exit 2 with the one-line error, never a traceback.

    Input errors are caught where the input is read, output errors where the
    output is written; this catches the rest (the columnar engine refusing a
    value, say, when flagging thousands of claims).
    """

    @functools.wraps(command)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except ClaimReconError as error:
            raise _fail(error) from None

    return run


@contextmanager
def _progress(total: int, label: str) -> Iterator[Progress]:
    """A progress bar on the terminal (hidden when output is not a terminal)."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        progress.add_task(label, total=total)
        yield progress


#: the formats ``flag`` and ``reconcile`` hand to the columnar engine as tables
_TABLE_FORMATS = ("parquet", "arrow")


def load(files: Sequence[Path], fmt: str | None = None) -> list[Claim]:
    """Read every file; bad input exits 2 with the file, line and field."""
    claims: list[Claim] = []
    try:
        with _progress(len(files), "reading") as progress:
            for path in files:
                claims.extend(read_claims(path, format=fmt))
                progress.advance(progress.task_ids[0])
        check_unique_ids(claims)
    except ClaimReconError as error:
        raise _fail(error) from None
    return claims


def load_for_engine(files: Sequence[Path], fmt: str | None = None) -> Sequence[Claim] | Any:
    """Claims for ``flag`` and ``reconcile``: table files go to the columnar engine as tables.

    Parquet and Arrow files are read, checked and prepared as columns, never
    built into a million claim objects; any other format is read as claims.
    """
    try:
        tabular = all(format_of(path, fmt) in _TABLE_FORMATS for path in files)
    except ClaimReconError as error:
        raise _fail(error) from None
    if not tabular:
        return load(files, fmt)
    from claimrecon.columnar.engine import prepare_claims

    try:
        if len(files) == 1 and fmt is None:  # a sealed Parquet file is read by polars
            return prepare_claims(files[0])
        import pyarrow as pa

        from claimrecon.columnar import read_table

        tables = [read_table(path, format=fmt) for path in files]
        return prepare_claims(pa.concat_tables(tables, promote_options="default"))
    except ClaimReconError as error:
        raise _fail(error) from None


def _emit(text: str, output: Path | None) -> None:
    with _writing(output):
        if output is None:
            sys.stdout.write(text)
        else:
            dump(text, output)


def _strict_exit(flags: Sequence[Flag], strict: bool) -> None:
    if strict and any(f.severity is Severity.ERROR for f in flags):
        raise typer.Exit(1)


def _no_ged(format: Output) -> None:
    if format is Output.ged:
        raise _fail(ValueError("--format ged is for reconcile's estimates"))


@app.command("flag")
@_guarded
def flag_command(
    files: Files,
    from_: FromFormat = None,
    format: Format = Output.table,
    output: OutFile = None,
    strict: Strict = False,
) -> None:
    """Flag divergent, inconsistent, partisan, regressing and impossible claims.

    Example: claimrecon flag seeds/claims.jsonl --format json
    """
    _no_ged(format)
    claims = load_for_engine(files, from_)
    if format in (Output.csv, Output.json) and not isinstance(claims, list):  # from columns
        _flags_from_columns(claims, format, output, strict)
        return
    flags = flag(claims)
    records = flag_records(flags)
    if format is Output.json:
        _emit(to_json_text(records), output)
    elif format is Output.csv:
        _emit(to_csv_text(records, columns=FLAG_CSV_COLUMNS), output)
    else:
        table = Table(title=f"{len(flags)} flags on {len(claims)} claims", title_justify="left")
        for column in ("severity", "code", "claims", "message"):
            table.add_column(column, overflow="fold")
        for f in flags:
            style = {"error": "bold red", "warning": "yellow"}.get(f.severity.value, "")
            table.add_row(f.severity.value, f.code, ", ".join(f.claims), f.message, style=style)
        _print_table(table, output)
    _strict_exit(flags, strict)


def _flags_from_columns(claims: Any, format: Output, output: Path | None, strict: bool) -> None:
    """Flags of prepared claims written as CSV or JSON straight from the flag table.

    The same file as from the flag objects, without building one per flag.
    """
    from claimrecon.columnar.engine import flag_table
    from claimrecon.columnar.texts import write_flags_csv, write_flags_json

    table = flag_table(claims)
    with _writing(output):
        (write_flags_json if format is Output.json else write_flags_csv)(table, output)
    if strict:
        _strict_from_columns(table)


def _strict_from_columns(table: Any) -> None:
    """``--strict`` answered from a flag table: exit 1 if it holds an error."""
    errors = [code for code, severity in SEVERITIES.items() if severity is Severity.ERROR]
    if table.frame.get_column("code").is_in(errors).any():
        raise typer.Exit(1)


def _estimates_from_columns(
    claims: Any, policy: Policy, format: Output, output: Path | None, strict: bool
) -> None:
    """Estimates of prepared claims written as CSV or JSON straight from the estimate table.

    The same file as from the estimate objects, without building one per estimate.
    """
    from claimrecon.columnar.engine import flag_table, reconcile_table
    from claimrecon.columnar.estimate_texts import write_estimates_csv, write_estimates_json

    table = reconcile_table(claims, policy)
    with _writing(output):
        (write_estimates_json if format is Output.json else write_estimates_csv)(table, output)
    if strict:  # flagging only when its answer is asked for
        _strict_from_columns(flag_table(claims))


@app.command("reconcile")
@_guarded
def reconcile_command(
    files: Files,
    policy: Annotated[Policy, typer.Option(help="best, conservative or range.")] = Policy.BEST,
    from_: FromFormat = None,
    format: Format = Output.table,
    output: OutFile = None,
    strict: Strict = False,
) -> None:
    """Reconcile a low/best/high estimate per subject and date, with a trace.

    --format ged writes the estimates of people killed as UCDP GED-like rows (with -o).

    Example: claimrecon reconcile seeds/claims.jsonl --policy conservative --format csv
    """
    claims = load_for_engine(files, from_)
    if format in (Output.csv, Output.json) and not isinstance(claims, list):  # from columns
        _estimates_from_columns(claims, policy, format, output, strict)
        return
    estimates = reconcile(claims, policy)
    if format is Output.ged:
        if output is None:
            raise _fail(ValueError("--format ged writes a file: give it with --output"))
        from claimrecon.io.ged import write_ged_estimates

        killed = [e for e in estimates if (e.unit, e.outcome) == ("person", "killed")]
        with _writing(output):
            write_ged_estimates(killed, output)
        err.print(
            f"wrote {len(killed)} estimates of people killed to {output}; GED holds no "
            f"other outcome, so {len(estimates) - len(killed)} were left out",
            markup=False,
            highlight=False,
        )
    elif format is Output.json:
        _emit(to_json_text(estimate_records(estimates)), output)
    elif format is Output.csv:  # a row per estimate: the trace stays out, the ids are listed
        _emit(
            to_csv_text(estimate_records(estimates, trace=False), columns=ESTIMATE_CSV_COLUMNS),
            output,
        )
    else:
        table = Table(title=f"{len(estimates)} estimates ({policy.value})", title_justify="left")
        for column in (
            "subject",
            "kind",
            "as of",
            "low",
            "best",
            "high",
            "grade",
            "used",
            "set aside",
        ):
            table.add_column(column, overflow="fold")
        for e in estimates:
            table.add_row(
                f"{e.side} {e.category} {e.outcome} ({e.unit})"
                + (f" at {e.location}" if e.location else ""),
                e.span,
                str(e.as_of or "undated"),
                _num(e.low),
                _num(e.best),
                "open" if e.high is None and e.low is not None else _num(e.high),
                e.grade.value,
                ", ".join(e.used),
                ", ".join(e.set_aside),
            )
        _print_table(table, output)
    if strict:  # flagging again only when its answer is asked for
        _strict_exit(flag(claims), strict)


def _num(value: int | None) -> str:
    return "-" if value is None else str(value)


def _print_table(table: Table, output: Path | None) -> None:
    if output is None:
        out.print(table)
        return
    console = Console(record=True, width=160, file=io.StringIO(), emoji=False)
    console.print(table)
    with _writing(output):
        dump(console.export_text(), output)


@app.command("attribute")
@_guarded
def attribute_command(
    files: Files, from_: FromFormat = None, format: Format = Output.table, output: OutFile = None
) -> None:
    """Show the independent sources, their statements and the echoes of each.

    Example: claimrecon attribute seeds/claims.jsonl
    """
    _no_ged(format)
    claims = load(files, from_)
    result = attribute(claims)
    records = attribution_records(result)
    if format is Output.json:
        _emit(to_json_text(records), output)
        return
    if format is Output.csv:
        rows = [
            {
                "source": r["source"],
                "side": r["side"],
                "stance": st["stance"],
                "claims": st["claims"],
                "echoes": st["echoes"],
                "chains": [" > ".join(c) or "(direct)" for c in st["chains"]],
            }
            for r in records
            for st in r["statements"]
        ]
        _emit(to_csv_text(rows, columns=ATTRIBUTION_CSV_COLUMNS), output)
        return
    by_id = {c.id: c for c in claims}
    table = Table(title=f"{len(result.sources)} independent sources", title_justify="left")
    for column in ("source", "side", "stance", "figure", "claims", "carried by"):
        table.add_column(column, overflow="fold")
    for source in result.sources:
        for st in source.statements:
            first = by_id[st.claims[0]]
            table.add_row(
                source.name,
                source.side,
                st.stance.value,
                f"{describe(first.figure)} {' '.join(first.subject.key)}",
                ", ".join(st.claims),
                "; ".join(" > ".join(c) or "(direct)" for c in st.chains),
            )
    _print_table(table, output)


@app.command("report")
@_guarded
def report_command(
    files: Files,
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Folder for the report.")],
    policy: Annotated[Policy, typer.Option(help="best, conservative or range.")] = Policy.BEST,
    from_: FromFormat = None,
    strict: Strict = False,
    title: Annotated[str, typer.Option(help="The report's title.")] = "claimrecon report",
) -> None:
    """Write report.html (self-contained) and report.md with timeline charts.

    The report replaces one written before to the same folder, with the charts in
    its charts/ folder that are no longer drawn; nothing else there is touched.

    Example: claimrecon report seeds/claims.jsonl -o report
    """
    from claimrecon.report import write_report

    claims = load(files, from_)
    try:
        with _writing(out_dir):
            written = write_report(
                claims, out_dir, inputs=[str(f) for f in files], policy=policy, title=title
            )
    except ImportError as error:  # matplotlib is missing
        raise _fail(error) from None
    err.print(
        f"wrote {written.html} and {written.markdown} ({len(written.charts)} charts)",
        markup=False,
        highlight=False,
    )
    if strict:  # flagging again only when its answer is asked for
        _strict_exit(flag(claims), strict)


@app.command("convert")
@_guarded
def convert_command(
    source: Annotated[Path, typer.Argument(help="The file to read.")],
    target: Annotated[Path, typer.Argument(help="The file to write.")],
    from_: FromFormat = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Output format, when the suffix does not say.")
    ] = None,
) -> None:
    """Convert claims between formats (chosen by suffix, or --from / --to).

    Example: claimrecon convert seeds/claims.jsonl claims.hxl.csv
    """
    claims = load([source], from_)
    try:
        with _writing(target):
            write_claims(claims, target, format=to)
    except ImportError as error:  # a format's optional package is missing
        raise _fail(error) from None
    err.print(f"wrote {len(claims)} claims to {target}", markup=False, highlight=False)


#: formats written as bytes, not text: to a file with ``-o``, never to the screen
_BINARY_FORMATS = ("parquet", "arrow")


def _extract_format(output: Path | None, to: str | None) -> str | None:
    """The format ``extract`` writes in (None: the suffix of ``output`` says); bad ones exit 2."""
    writable = [name for name, (_, _, writer) in FORMATS.items() if writer is not None]
    if to is not None and to not in writable:
        raise _fail(f"unknown format for --to: {to!r}; known: {', '.join(writable)}")
    if output is None and to in _BINARY_FORMATS:
        raise _fail(
            f"--to {to} writes a binary file, not text for the screen: "
            f"give the file with --output/-o (e.g. -o extracted.{to})"
        )
    if output is None:
        return to or "jsonl"
    return to


@app.command("extract")
@_guarded
def extract_command(
    files: Annotated[
        list[Path], typer.Argument(help="News articles (text files).", show_default=False)
    ],
    lang: Annotated[str, typer.Option(help="Language of the articles: id or en.")] = "id",
    output: OutFile = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Output format. On the screen: jsonl (the default), csv or another text "
            "format; with -o, when the file's suffix does not say. parquet and arrow are "
            "binary: with -o only.",
        ),
    ] = None,
) -> None:
    """Extract candidate claims from news articles, with the evidence span of each.

    With -o FILE the claims are written in the format its suffix names (or --to);
    without it they are printed as JSON Lines, or in the text format --to names.
    Parquet and Arrow files are written with -o only: they are not text.

    Example: claimrecon extract ../shared/seeds/*.txt --lang id -o extracted.jsonl
    """
    from claimrecon.extract import extract_report, read_article

    fmt = _extract_format(output, to)  # refused before any article is read
    claims: list[Claim] = []
    try:
        with _progress(len(files), "extracting") as progress:
            for path in files:
                text = read_article(path)
                found = extract_report(text, lang, document=path.name)
                claims.extend(found.claims)
                for warning in found.warnings:
                    err.print(f"{path}: {warning}", markup=False, highlight=False)
                progress.advance(progress.task_ids[0])
        check_unique_ids(claims)
    except ClaimReconError as error:
        raise _fail(error) from None
    try:
        if output is None:
            with tempfile.TemporaryDirectory() as tmp, _writing(None):
                screen = Path(tmp) / "claims"
                try:
                    write_claims(claims, screen, format=fmt)
                except ClaimReconError as error:  # a claim the format cannot hold
                    raise _fail(str(error).replace(str(screen), "standard output")) from None
                sys.stdout.write(screen.read_text(encoding="utf-8"))
            return
        with _writing(output):
            write_claims(claims, output, format=fmt)
    except ImportError as error:  # a format's optional package is missing
        raise _fail(error) from None
    err.print(f"wrote {len(claims)} claims to {output}", markup=False, highlight=False)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line."""
    app(args=list(argv) if argv is not None else None, prog_name="claimrecon")
