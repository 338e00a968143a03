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
from claimrecon.errors import FormatError, MissingDependencyError, RecordError

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
    A column named twice, or whose cells Arrow cannot hold as one type (a
    count that is text, text mixed with numbers), is a
    :class:`~claimrecon.errors.FormatError` naming the column.
    """
    source = "<pandas.DataFrame>"
    names = [str(name) for name in frame.columns]  # as Arrow names them
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        errors = [RecordError(None, name, "column appears twice in the frame") for name in repeated]
        raise FormatError(source, errors)
    try:
        pa_frame = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, ValueError, TypeError) as err:
        raise FormatError(source, _unconvertible(frame, names, err)) from None
    return table_to_claims(pa_frame, source=source)


def _unconvertible(frame: Any, names: list[str], err: Exception) -> list[RecordError]:
    """An error for each column of a frame that Arrow cannot hold, as it says why."""
    errors = []
    for i, name in enumerate(names):
        try:
            pa.array(frame.iloc[:, i], from_pandas=True)
        except (pa.ArrowException, ValueError, TypeError) as bad:
            reason = f"must hold cells of one type (whole numbers, or text, ...): {bad}"
            errors.append(RecordError(None, name, reason))
    return errors or [RecordError(None, None, f"cannot be read as a table: {err}")]


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
