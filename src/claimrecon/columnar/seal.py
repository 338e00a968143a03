"""Seals: Parquet files claimrecon checked as it wrote them, read again without a second check.

Most files the engine reads were written by claimrecon itself and read many
times over: flagged, reconciled, flagged again after a policy changes.
:func:`~claimrecon.columnar.convert.write_table` checks a Parquet file it has
just written with every rule of the engine's gate
(:func:`~claimrecon.columnar.gate.read_checked_frame`); when the file passes,
it writes into the file's footer, under :data:`SEAL_KEY`, a *seal*: the
version of the gate's rules and a SHA-256 digest of the whole file (the
seal's own bytes taken as blank).  The gate reads a file whose seal verifies
(same rules, same digest) without checking it again: every byte is the one
that was checked.

What a seal is and is not:

* any change to a sealed file (a cell, a row, the footer, a byte anywhere)
  breaks its seal, and the file is checked in full, as any other file is;
* a file written again by another program keeps at most a seal that no
  longer verifies; a file replaced or written to while the engine reads it
  is checked in full (the gate compares the file's identity before the
  seal's check and after the read);
* a seal of older rules (:data:`RULES`) is not trusted: the file is checked
  by the rules of the running release;
* it is a checksum, not a signature: it guards against change and mistakes,
  not against someone who forges one on purpose.  Files from a source you do
  not trust can be checked in full with
  :func:`~claimrecon.columnar.convert.read_table`, which never reads a seal.

Costs, measured with ``benchmarks/scale.py`` on this project's 2-core
machines: the digest reads the file once more at about 1.7 GB/s (12 ms for a
million claims, about 0.1 s for ten million); the check it spares takes
about 0.4 s of a million claims' 2 to 2.5 s, and about 2 s of ten million's
18 to 21 s.  Writing pays for the check once: about as long as the engine's
check of the file would take.
"""

from __future__ import annotations

import hashlib
import os
import re
from io import BufferedIOBase
from pathlib import Path

__all__ = ["RULES", "SEAL_KEY", "is_sealed"]

#: the key of the seal in the Parquet footer's key-value metadata
SEAL_KEY = "claimrecon.seal"
#: the version of the gate's rules; raised whenever a rule is added, dropped or changed, so
#: that a file sealed under other rules is checked again
RULES = 3
_PREFIX = f"rules-{RULES}:sha256:".encode()
#: a seal not yet written (or never written: the file did not pass), the same length as one
BLANK = (_PREFIX + b"-" * 64).decode()
#: a seal of any rules, written or blank
_ANY_SEAL = re.compile(rb"rules-[0-9]+:sha256:(?:[0-9a-f]{64}|-{64})")
#: a Parquet file ends with its footer, the footer's length (4 bytes) and this
_MAGIC = b"PAR1"
_CHUNK = 1 << 20


def is_sealed(path: str | os.PathLike[str]) -> bool:
    """Whether a Parquet file carries a seal of the current rules that verifies.

    ``False`` for anything else: no seal, a seal of other rules, a file
    changed since it was sealed, a file that is not Parquet or cannot be read.
    """
    try:
        with Path(path).open("rb") as file:
            found = _seal_in_footer(file)
            if found is None:
                return False
            at, value = found
            return value.startswith(_PREFIX) and _digest(file, at) == value[len(_PREFIX) :]
    except OSError:
        return False


def seal(path: str | os.PathLike[str]) -> bool:
    """Write the seal into a file written with a :data:`BLANK` seal, in place.

    Returns whether it did: ``False`` when the footer does not hold exactly one
    seal, a blank one (then the file is left as it is, and a blank never
    verifies).  The caller decides that the file deserves one: it passed the gate.
    """
    with Path(path).open("r+b") as file:
        found = _seal_in_footer(file)
        if found is None or found[1] != BLANK.encode():
            return False
        at, _ = found
        digest = _digest(file, at)
        file.seek(at + len(_PREFIX))
        file.write(digest)
        file.flush()
        os.fsync(file.fileno())
    return True


def _seal_in_footer(file: BufferedIOBase) -> tuple[int, bytes] | None:
    """Where the one seal in a Parquet footer is, and what it says (blank or not, any rules).

    ``None`` unless the file ends as Parquet does and its footer holds exactly
    one text shaped as a seal: a footer whose column statistics happen to hold
    seal-like text as well is never trusted.
    """
    size = file.seek(0, os.SEEK_END)
    if size < 12:
        return None
    file.seek(size - 8)
    tail = file.read(8)
    if tail[4:] != _MAGIC:
        return None
    start = size - 8 - int.from_bytes(tail[:4], "little")
    if start < 4:
        return None
    file.seek(start)
    seals = list(_ANY_SEAL.finditer(file.read(size - 8 - start)))
    if len(seals) != 1:
        return None
    return start + seals[0].start(), seals[0].group()


def _digest(file: BufferedIOBase, at: int) -> bytes:
    """The SHA-256 hex digest of a file with the seal at ``at`` read as :data:`BLANK`."""
    digest = hashlib.sha256()
    view = memoryview(bytearray(_CHUNK))
    size = file.seek(0, os.SEEK_END)
    file.seek(0)
    position = 0
    for end in (at, size):
        while position < end:
            read = file.readinto(view[: min(_CHUNK, end - position)])
            if not read:
                raise OSError("the file ended early")
            digest.update(view[:read])
            position += read
        if end == at:  # the seal's own bytes, as blank
            digest.update(BLANK.encode())
            position = file.seek(at + len(BLANK))
    return digest.hexdigest().encode()
