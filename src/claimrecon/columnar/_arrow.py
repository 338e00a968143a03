"""Arrow helpers for checking tables of claims: type tests, codes, masks and row numbers."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from claimrecon.columnar.schema import LIST_TYPE

__all__ = [
    "all_null",
    "decoded_lists",
    "empty_lists",
    "encode",
    "is_blank",
    "is_list",
    "is_text",
    "is_text_like",
    "is_view",
    "null_false",
    "one_array",
    "repeated_rows",
    "rows_where",
    "used_codes",
]


def is_view(t: pa.DataType, kind: str) -> bool:
    """Whether ``t`` is a view type (``string_view``, ``list_view``: pyarrow 16 and later)."""
    test = getattr(pa.types, f"is_{kind}_view", None)
    return bool(test is not None and test(t))


def is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or is_view(t, "string"))


def is_text_like(t: pa.DataType) -> bool:
    """Text, or a dictionary of text (or of nulls: pandas' empty ``category`` column)."""
    return is_text(t) or (
        pa.types.is_dictionary(t) and (is_text(t.value_type) or pa.types.is_null(t.value_type))
    )


def all_null(t: pa.DataType) -> bool:
    return bool(
        pa.types.is_null(t) or (pa.types.is_dictionary(t) and pa.types.is_null(t.value_type))
    )


def is_list(t: pa.DataType) -> bool:
    return bool(
        pa.types.is_list(t)
        or pa.types.is_large_list(t)
        or is_view(t, "list")
        or is_view(t, "large_list")
    )


def one_array(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """One contiguous array (dictionary chunks are unified)."""
    if isinstance(column, pa.ChunkedArray):
        if column.num_chunks == 1:
            return column.chunk(0)
        return column.combine_chunks()
    return column


def encode(column: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, list[Any]]:
    """``(indices, distinct values)``: indices int32, null where the cell is null.

    A dictionary column (a Parquet file read by :func:`~claimrecon.columnar.read_table`,
    a pandas or polars categorical) keeps its own dictionary, unless that
    dictionary holds a null or one value twice: then equal values would not
    share one code, and it is encoded afresh.
    """
    array = one_array(column)
    if pa.types.is_dictionary(array.type):
        words = array.dictionary
        if not words.null_count and len(pc.unique(words)) == len(words):
            return array.indices.cast(pa.int32()), words.to_pylist()
        array = array.cast(words.type)
    array = pc.dictionary_encode(array)
    return array.indices.cast(pa.int32()), array.dictionary.to_pylist()


def decoded_lists(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A list column of dictionary-encoded text, without nulls, as ``list<string>``.

    Decoded a chunk at a time from the chunk's own entries: the chunks of a
    column read from Parquet are slices of one array, and Arrow's cast would
    decode every chunk's whole backing array.
    """
    chunks = []
    for chunk in column.chunks:
        offsets = chunk.offsets
        if len(offsets) and offsets[0].as_py():
            offsets = pc.subtract(offsets, offsets[0])
        values = pc.list_flatten(chunk).cast(pa.string())
        chunks.append(pa.ListArray.from_arrays(offsets.cast(pa.int32()), values))
    return pa.chunked_array(chunks, LIST_TYPE)


def repeated_rows(codes: pa.Array, parents: pa.Array, lengths: pa.Array) -> pa.Array:
    """The rows (ascending) whose list holds one code twice; null codes are not compared.

    ``codes`` are a list column's entries in order, ``parents`` their rows and
    ``lengths`` each row's length.  Pass ``d`` compares each entry with the one
    ``d`` places on, where both are in one row: most chains have one or two
    hops, so this is one or two cheap passes over the entries.  Whenever ``d``
    reaches a power of two, only the entries of rows longer than ``d`` are kept,
    so that a few long chains do not cost a pass over every entry per hop.
    """
    found: list[pa.Array] = []
    distance = 1
    while len(codes) > distance:
        same_row = pc.equal(parents[:-distance], parents[distance:])
        if not pc.any(same_row).as_py():
            break
        same = pc.and_(same_row, pc.equal(codes[:-distance], codes[distance:]))
        found.append(pc.filter(parents[:-distance], null_false(same)).cast(pa.int64()))
        distance += 1
        if distance >= 4 and not distance & (distance - 1):
            longer = pc.greater(pc.take(lengths, parents), pa.scalar(distance, lengths.type))
            codes, parents = pc.filter(codes, longer), pc.filter(parents, longer)
    rows = pc.unique(pa.concat_arrays([pa.array([], pa.int64()), *found]))
    return rows.take(pc.sort_indices(rows))


def used_codes(indices: pa.Array) -> list[int]:
    """The dictionary entries the rows use (a dictionary may carry unused ones).

    They come in the order the rows first use them, which is the order of the
    dictionaries :func:`~claimrecon.columnar.validate.validate_table` builds from them.
    """
    return [i for i in pc.unique(indices).to_pylist() if i is not None]


def null_false(value: Any) -> Any:
    return pc.fill_null(value, False)


def rows_where(mask: Any) -> pa.Array:
    """The row numbers where ``mask`` holds (a null counts as false).

    An empty mask gives none without asking pyarrow: before pyarrow 26,
    ``indices_nonzero`` of an empty chunked array crashes the interpreter.
    """
    if len(mask) == 0:
        return pa.array([], pa.uint64())
    return pc.indices_nonzero(null_false(mask))


def is_blank(values: Any) -> Any:
    """Whether each text is empty or all white space, as ``str.strip`` sees it.

    ``utf8_is_space`` holds for exactly the texts of one or more characters
    that ``str.isspace`` holds for (a test pins this over every code point),
    so no trimmed copy of the column is made.
    """
    return pc.or_(pc.equal(pc.binary_length(values), 0), pc.utf8_is_space(values))


def empty_lists(n: int) -> pa.Array:
    offsets = pc.fill_null(pa.nulls(n + 1, pa.int32()), 0)
    return pa.ListArray.from_arrays(offsets, pa.array([], pa.string()))
