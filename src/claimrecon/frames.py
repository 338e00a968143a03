"""Claims as data frames: Arrow tables, pandas and polars, both ways, losslessly.

Each frame holds one flat claim row a row, in the columns of
:data:`~claimrecon.columnar.schema.CLAIM_SCHEMA`.  Counts stay integers with
nulls (an open ``high`` is null, never ``NaN`` in a float column): pandas gets
``ArrowDtype`` columns (``int64[pyarrow]``) and ``category`` for units and
enumerations, polars ``Int64`` and ``Categorical``.  Reading a frame back
checks it as :func:`~claimrecon.columnar.convert.table_to_claims` does and
reports every bad row at once::

    >>> from claimrecon import load_seeds
    >>> from claimrecon.frames import from_polars, to_polars
    >>> claims = load_seeds()
    >>> frame = to_polars(claims)
    >>> frame.schema["high"]
    Int64
    >>> from_polars(frame) == claims
    True

pandas and polars are optional: install them with
``pip install 'claimrecon[pandas]'`` or ``pip install 'claimrecon[polars]'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from claimrecon.claim import Claim
from claimrecon.columnar._optional import require
from claimrecon.columnar.convert import claims_to_table, table_to_claims
from claimrecon.errors import MissingDependencyError

__all__ = [
    "MissingDependencyError",
    "from_arrow",
    "from_pandas",
    "from_polars",
    "to_arrow",
    "to_pandas",
    "to_polars",
]


def to_arrow(claims: Iterable[Claim]) -> pa.Table:
    """The claims as an Arrow table, a flat row each."""
    return claims_to_table(claims)


def from_arrow(table: pa.Table) -> list[Claim]:
    """The claims of an Arrow table; a :class:`~claimrecon.errors.FormatError` lists bad rows."""
    return table_to_claims(table, source="<arrow table>")


def to_pandas(claims: Iterable[Claim]) -> Any:
    """The claims as a pandas ``DataFrame`` with nullable integer counts.

    Counts, dates, lists and text are ``ArrowDtype`` columns (``int64[pyarrow]``
    keeps a null ``high`` as ``<NA>`` in an integer column); units and
    enumerations are ``category``.
    """
    pd = require("pandas", "pandas")

    def mapper(kind: pa.DataType) -> Any:
        return None if pa.types.is_dictionary(kind) else pd.ArrowDtype(kind)

    return claims_to_table(claims).to_pandas(types_mapper=mapper)


def from_pandas(frame: Any) -> list[Claim]:
    """The claims of a pandas ``DataFrame``; its index is ignored.

    Besides the frames :func:`to_pandas` makes, this reads the usual shapes:
    ``object`` columns of text, lists and ``date`` objects, ``Int64`` and
    whole-valued ``float64`` counts (``NaN`` is a missing count), ``category``.
    """
    pa_frame = pa.Table.from_pandas(frame, preserve_index=False)
    return table_to_claims(pa_frame, source="<pandas.DataFrame>")


def to_polars(claims: Iterable[Claim]) -> Any:
    """The claims as a polars ``DataFrame`` (``Int64`` counts, ``Categorical`` enumerations)."""
    import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

    pl = require("polars", "polars")
    return pl.from_arrow(claims_to_table(claims))


def from_polars(frame: Any) -> list[Claim]:
    """The claims of a polars ``DataFrame``."""
    import claimrecon.columnar._allocator  # noqa: F401  (sets up polars' allocator: before polars)

    require("polars", "polars")
    return table_to_claims(frame.to_arrow(), source="<polars.DataFrame>")
