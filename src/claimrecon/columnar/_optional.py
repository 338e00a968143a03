"""Optional dependencies, imported only when a function needs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from claimrecon.errors import MissingDependencyError

__all__ = ["MissingDependencyError", "require"]


def require(module: str, extra: str | None = None) -> ModuleType:
    """Import ``module``, or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        install = f"'claimrecon[{extra}]'" if extra else module
        raise MissingDependencyError(module, install) from None
