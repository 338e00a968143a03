"""Optional dependencies, imported only when a function needs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from claimrecon.errors import ClaimReconError

__all__ = ["MissingDependencyError", "require"]


class MissingDependencyError(ClaimReconError, ImportError):
    """A function needs an optional dependency that is not installed.

    The message says what to install: ``pip install 'claimrecon[pandas]'``.
    """

    def __init__(self, module: str, install: str) -> None:
        self.module = module
        self.install = install
        super().__init__(f"{module} is not installed; install it with: pip install {install}")
        self.name = module

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.module, self.install))


def require(module: str, extra: str | None = None) -> ModuleType:
    """Import ``module``, or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        install = f"'claimrecon[{extra}]'" if extra else module
        raise MissingDependencyError(module, install) from None
