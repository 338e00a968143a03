"""Reading and writing claim files, one module per format, chosen by suffix."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from claimrecon.attribution import claim_list
from claimrecon.claim import Claim
from claimrecon.errors import FormatError, RecordError

__all__ = ["FORMATS", "format_of", "read_claims", "write_claims"]

Reader = Callable[[str | os.PathLike[str]], list[Claim]]
Writer = Callable[[Iterable[Claim], str | os.PathLike[str]], None]

# Each format's reader and writer -> its module, imported on first use, so that
# importing one module of claimrecon.io (the flat row, say) loads no format.
_MODULE_OF = {
    "read_acled": "claimrecon.io.acled",
    "write_acled": "claimrecon.io.acled",
    "read_csv": "claimrecon.io.csvfile",
    "write_csv": "claimrecon.io.csvfile",
    "read_ged": "claimrecon.io.ged",
    "write_ged": "claimrecon.io.ged",
    "read_hxl": "claimrecon.io.hxl",
    "write_hxl": "claimrecon.io.hxl",
    "read_jsonl": "claimrecon.io.jsonl",
    "write_jsonl": "claimrecon.io.jsonl",
    "write_prov": "claimrecon.io.prov",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_MODULE_OF[name]), name)


def _reader(name: str) -> Reader:
    def read(path: str | os.PathLike[str]) -> list[Claim]:
        function: Reader = __getattr__(name)
        return function(path)

    return read


def _writer(name: str) -> Writer:
    def write(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
        function: Writer = __getattr__(name)
        function(claims, path)

    return write


def _table_reader(fmt: str) -> Reader:
    def read(path: str | os.PathLike[str]) -> list[Claim]:
        from claimrecon.columnar.convert import read_table, table_to_claims

        # table_to_claims checks every row itself: the table is read unchecked, not twice
        table = read_table(path, validate=False, format=fmt)
        return table_to_claims(table, source=str(path))

    return read


def _table_writer(fmt: str) -> Writer:
    def write(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
        from claimrecon.columnar.convert import claims_to_table, write_table

        write_table(claims_to_table(claims), path, format=fmt)

    return write


#: format name -> (suffixes, reader, writer); other modules register more formats here
FORMATS: dict[str, tuple[tuple[str, ...], Reader | None, Writer | None]] = {
    "jsonl": ((".jsonl", ".ndjson", ".jsonlines"), _reader("read_jsonl"), _writer("write_jsonl")),
    "csv": ((".csv",), _reader("read_csv"), _writer("write_csv")),
    "hxl": ((".hxl.csv",), _reader("read_hxl"), _writer("write_hxl")),
    "ged": ((".ged.csv",), _reader("read_ged"), _writer("write_ged")),
    "acled": ((".acled.csv",), _reader("read_acled"), _writer("write_acled")),
    "prov": ((".prov.json",), None, _writer("write_prov")),
    "parquet": ((".parquet", ".pq"), _table_reader("parquet"), _table_writer("parquet")),
    "arrow": ((".arrow", ".feather", ".ipc"), _table_reader("arrow"), _table_writer("arrow")),
}


def format_of(path: str | os.PathLike[str], given: str | None = None) -> str:
    """The format of a path: ``given`` if set, else the one its longest matching suffix names.

    ``claims.hxl.csv`` is HXL, not plain CSV: compound suffixes win.
    """
    if given is not None:
        if given not in FORMATS:
            raise FormatError(
                str(path),
                [RecordError(None, None, f"unknown format {given!r}; known: {', '.join(FORMATS)}")],
            )
        return given
    name = Path(path).name.lower()
    by_length = sorted(
        ((suffix, fmt) for fmt, (suffixes, _, _) in FORMATS.items() for suffix in suffixes),
        key=lambda pair: -len(pair[0]),
    )
    for suffix, fmt in by_length:
        if name.endswith(suffix):
            return fmt
    known = ", ".join(s for suffixes, _, _ in FORMATS.values() for s in suffixes)
    raise FormatError(str(path), [RecordError(None, None, f"unknown file suffix; known: {known}")])


def read_claims(path: str | os.PathLike[str], *, format: str | None = None) -> list[Claim]:
    """Read claims from a file, its format chosen by suffix (or ``format``).

    Every bad record is reported at once in one :class:`FormatError`, each
    with its line and field; nothing is returned partially.
    """
    fmt = format_of(path, format)
    reader = FORMATS[fmt][1]
    if reader is None:
        raise FormatError(str(path), [RecordError(None, None, f"format {fmt!r} cannot be read")])
    return reader(path)


def write_claims(
    claims: Iterable[Claim], path: str | os.PathLike[str], *, format: str | None = None
) -> None:
    """Write claims to a file, atomically, its format chosen by suffix (or ``format``).

    An item that is not a claim is an :class:`~claimrecon.errors.ArgumentError`
    naming its place, and nothing is written.
    """
    fmt = format_of(path, format)
    writer = FORMATS[fmt][2]
    if writer is None:
        raise FormatError(str(path), [RecordError(None, None, f"format {fmt!r} cannot be written")])
    writer(claim_list(claims), path)
