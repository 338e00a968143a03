"""Atomic file writing: a crash never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimrecon.errors import FormatError, RecordError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` to write, renamed into place once written.

    For writers that take a path and for work on the written file before it
    is in place; the file is synced to disk before the rename, which is atomic
    on POSIX and Windows.  On any error the temporary file is removed and
    ``path`` is left as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "r+b") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    *,
    mode: str = "w",
    newline: str | None = None,
    encoding: str | None = "utf-8",
) -> Iterator[IO[str]]:
    """Write to a temporary file beside ``path``, then rename it into place.

    The rename is atomic on POSIX and Windows; on any error the temporary file
    is removed and ``path`` is left as it was.
    """
    kwargs = {} if "b" in mode else {"newline": newline, "encoding": encoding}
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:  # type: ignore[call-overload]
        yield handle


def open_text(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> IO[str]:
    """Open a file for reading, or raise :class:`FormatError` naming it."""
    try:
        # the caller closes it in a ``with`` block; opening here only names the error
        return Path(path).open(encoding=encoding, newline=newline)
    except OSError as err:
        raise FormatError(
            str(path), [RecordError(None, None, f"cannot open: {err.strerror}")]
        ) from None
