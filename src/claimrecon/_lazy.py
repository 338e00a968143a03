"""Lazy package facades: a public name is imported from its module on first use (PEP 562).

A package lists each public name beside the module that defines it and
hands the listing to :func:`facade`, which gives the package's module-level
``__getattr__`` and ``__dir__``.  ``import claimrecon`` then loads none of
the library's parts, and the engine loads only what it uses.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["facade"]


def facade(
    package: str, exports: Mapping[str, str], names: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose ``exports`` map names to modules.

    A name found is kept in the package's namespace, so it is looked up once;
    any other name not starting with ``_`` is tried as a submodule
    (``claimrecon.seeds``); ``names`` (the package's ``__all__``) are listed by
    ``dir()`` before they are loaded.
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
            namespace[name] = value
            return value
        if not name.startswith("_"):
            try:  # a submodule not imported yet
                return importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as err:
                if err.name != f"{package}.{name}":
                    raise
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*namespace, *names})

    return __getattr__, __dir__
