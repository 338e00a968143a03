"""Atomic file writing: a crash never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
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
    on POSIX and Windows.  On any error the temporary file, and any folder
    made for it, is removed and ``path`` is left as it was; a folder at
    ``path`` is refused (:class:`IsADirectoryError`) before anything is written.
    """
    target = Path(path)
    if target.is_dir():  # refused before anything is written, not after
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    created = _make_parents(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except BaseException:
        _remove_dirs(created)
        raise
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
        _remove_dirs(created)
        raise


def _make_parents(target: Path) -> list[Path]:
    """Create the missing folders above ``target``; the ones created, outermost first.

    A file where a folder should be raises :class:`NotADirectoryError` naming it.
    """
    missing: list[Path] = []
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
    created: list[Path] = []
    try:
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:  # made meanwhile by someone else: theirs, not ours
                if not folder.is_dir():
                    raise NotADirectoryError(
                        errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)
                    ) from None
                continue
            created.append(folder)
    except BaseException:
        _remove_dirs(created)
        raise
    return created


def _remove_dirs(created: list[Path]) -> None:
    """Remove the folders a failed write created, innermost first, if still empty."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


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
