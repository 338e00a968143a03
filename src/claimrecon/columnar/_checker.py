"""One pass of the table check: each column normalized, then the rules between columns.

:class:`Checker` does the work of :func:`claimrecon.columnar.validate.check_table`
for one slice of a table; see :mod:`claimrecon.columnar.validate` for what is
checked and what the checked table holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from claimrecon.claim import (
    ALL_SIDES,
    EQUIPMENT_OUTCOMES,
    LIST_SEPARATOR,
    MAX_COUNT,
    NOT_FINITE,
    PEOPLE_OUTCOMES,
    TOO_LARGE,
    UNKNOWN,
    Category,
    Hop,
    Kind,
    Outcome,
    Precision,
    Status,
    Subject,
)
from claimrecon.columnar._arrow import (
    all_null,
    decoded_lists,
    empty_lists,
    encode,
    is_blank,
    is_list,
    is_text_like,
    null_false,
    one_array,
    repeated_rows,
    rows_where,
    used_codes,
)
from claimrecon.columnar._rules import ENUM_WORDS, STRIP_SPACE, json_object
from claimrecon.columnar.schema import CLAIM_SCHEMA, EXTRA_COLUMN, LIST_TYPE
from claimrecon.errors import InvalidClaimError, RecordError
from claimrecon.figure import APPROXIMATE_RULES, Rule
from claimrecon.io.rows import REQUIRED, _as_date, _as_moment, _local_day
from claimrecon.units import canonical_unit, is_equipment

__all__ = ["Checked", "Checker"]

_DEFAULTS: dict[str, str] = {
    "claimant_side": UNKNOWN,
    "subject_side": UNKNOWN,
    "category": Category.UNSPECIFIED.value,
    "outcome": Outcome.KILLED.value,
    "unit": "person",
    "kind": Kind.CUMULATIVE.value,
    "precision": Precision.DAY.value,
    "status": Status.REPORTED.value,
}


@attrs.frozen
class Checked:
    """What :func:`~claimrecon.columnar.validate.check_table` found.

    The canonical table, the errors, the bad rows.
    """

    table: pa.Table
    errors: tuple[RecordError, ...]
    bad_rows: frozenset[int]
    #: whether a whole column is unusable (a missing required column, a wrong type)
    broken: bool
    #: columns that are not part of the flat row: the table's own extra columns
    extra_columns: tuple[str, ...]


class Checker:
    """One pass over a table: normalize each column, then check the rules between columns."""

    def __init__(self, table: pa.Table, offset: int = 0) -> None:
        self.source = table
        #: the row number of this slice's first row in the whole table
        self.offset = offset
        self.names: list[str] = table.column_names
        self.n = table.num_rows
        self.errors: list[RecordError] = []
        self.bad: set[int] = set()
        self.broken = False
        self.ids: pa.Array = pa.nulls(self.n, pa.string())
        self.out: dict[str, Any] = {}
        #: per dictionary column, the dictionary entries (of the source) that were bad
        self.invalid: dict[str, Any] = {}
        #: text and list columns the table holds dictionary-encoded, as they came: their
        #: checks run once per distinct value, while ``out`` holds them as plain text
        self.coded: dict[str, pa.ChunkedArray] = {}

    # -- reporting ------------------------------------------------------------

    def not_utf8(self) -> bool:
        """Report each cell of text that is not UTF-8, by column and row; whether any was.

        Each column is checked in full by Arrow (a scan of its bytes); only a
        column that fails is read a cell at a time, to find its rows.
        """
        for name, column in zip(self.names, self.source.columns, strict=True):
            try:
                column.validate(full=True)
            except pa.ArrowInvalid as err:
                rows = _rows_not_utf8(column)
                for row in rows:
                    self.errors.append(
                        RecordError(self.offset + row + 1, name, "holds text that is not UTF-8")
                    )
                if not rows:
                    self.errors.append(RecordError(None, name, f"cannot be read: {err}"))
        return bool(self.errors)

    def column_error(self, field: str, message: str) -> None:
        self.errors.append(RecordError(None, field, message))
        self.broken = True

    def report(
        self,
        field: str,
        rows: pa.Array,
        rule: str,
        values: pa.Array | pa.ChunkedArray | list[Any],
        details: pa.Array | pa.ChunkedArray | None = None,
    ) -> None:
        """One error per entry of ``rows`` (0-based row numbers), ``values`` aligned with them.

        ``rule`` may hold ``{}``, filled with the matching entry of ``details``.
        """
        positions: list[int] = rows.to_pylist()
        if not positions:
            return
        shown = [_shown(v) for v in (values if isinstance(values, list) else values.to_pylist())]
        filled = [_shown(v) for v in details.to_pylist()] if details is not None else None
        records = self.ids.take(rows).to_pylist()
        for k, (row, value, record) in enumerate(zip(positions, shown, records, strict=True)):
            text = rule.format(filled[k]) if filled is not None else rule
            line = self.offset + row + 1
            self.errors.append(RecordError(line, field, f"{text}: {value!r}", record or None))
            self.bad.add(self.offset + row)

    def where(
        self,
        field: str,
        mask: Any,
        rule: str,
        values: pa.Array | pa.ChunkedArray,
        details: pa.Array | pa.ChunkedArray | None = None,
    ) -> None:
        """Report the rows where ``mask`` holds, showing each row's entry of ``values``."""
        rows = rows_where(mask)
        if len(rows):
            self.report(
                field,
                rows,
                rule,
                values.take(rows),
                None if details is None else details.take(rows),
            )

    # -- columns --------------------------------------------------------------

    def raw(self, name: str) -> pa.ChunkedArray | None:
        if name not in self.names or self.names.count(name) > 1:
            return None  # a repeated column is reported once, in run()
        return self.source.column(name)

    def text(self, name: str, *, dates: bool = False) -> pa.Array:
        column = self.raw(name)
        if column is None or all_null(column.type):
            return pa.nulls(self.n, pa.string())
        kind = column.type
        if is_text_like(kind) or (dates and (pa.types.is_date32(kind) or pa.types.is_date64(kind))):
            if pa.types.is_dictionary(kind):
                self.coded[name] = column
            return column.cast(pa.string())  # zero-copy when it is text already
        wanted = "ISO-8601 text or a date column" if dates else "a text column"
        self.column_error(name, f"must be {wanted}, not {kind}")
        return pa.nulls(self.n, pa.string())

    def integer(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.int64())
        kind = column.type
        array = column
        if pa.types.is_integer(kind):
            if pa.types.is_uint64(kind):
                over = pc.greater(array, pa.scalar(2**63 - 1, pa.uint64()))
                self.where(name, over, "must fit a 64-bit integer", array)
                array = pc.if_else(over, None, array)
            return array.cast(pa.int64())
        if pa.types.is_floating(kind):
            bad = pc.invert(
                pc.and_(
                    pc.equal(pc.floor(array), array),
                    pc.and_(pc.greater_equal(array, -(2.0**63)), pc.less(array, 2.0**63)),
                )
            )
            self.where(name, bad, "must be a whole number", array)
            return pc.if_else(null_false(bad), None, array).cast(pa.int64())
        self.column_error(name, f"must be an integer column (int64), not {kind}")
        return pa.nulls(self.n, pa.int64())

    def boolean(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.bool_())
        if pa.types.is_boolean(column.type):
            return column
        self.column_error(name, f"must be a boolean column, not {column.type}")
        return pa.nulls(self.n, pa.bool_())

    def day(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return pa.nulls(self.n, pa.date32())
        kind = column.type
        array = column
        if pa.types.is_date32(kind) or pa.types.is_date64(kind):
            return array.cast(pa.date32())
        if pa.types.is_timestamp(kind) and kind.tz is None:
            days = array.cast(pa.date32())
            timed = pc.not_equal(days.cast(kind), array)
            self.where(name, timed, "must be a date (not a datetime)", array.cast(pa.string()))
            return pc.if_else(null_false(timed), None, days)
        if is_text_like(kind):
            return self.distinct(name, array, _parse_date, pa.date32())
        self.column_error(name, f"must be a date32 column or ISO-8601 text, not {kind}")
        return pa.nulls(self.n, pa.date32())

    def listed(self, name: str) -> pa.Array:
        column = self.raw(name)
        if column is None or pa.types.is_null(column.type):
            return empty_lists(self.n)
        kind = column.type
        if is_list(kind) and (is_text_like(kind.value_type) or pa.types.is_null(kind.value_type)):
            plain = pa.types.is_list(kind) or pa.types.is_large_list(kind)  # not a view
            if plain and pa.types.is_dictionary(kind.value_type) and not column.null_count:
                self.coded[name] = column
                return decoded_lists(column)
            array = column.cast(LIST_TYPE)
            if array.null_count:
                array = pc.if_else(pc.is_null(array), pa.scalar([], LIST_TYPE), array)
            return array
        self.column_error(name, f"must be a list<string> column, not {kind}")
        return empty_lists(self.n)

    def distinct(
        self,
        name: str,
        column: pa.Array | pa.ChunkedArray,
        parse: Callable[[Any], Any],
        kind: pa.DataType,
    ) -> pa.Array:
        """Parse each distinct value once; report the rows holding a value that fails."""
        indices, values = encode(column)
        parsed: list[Any] = [None] * len(values)
        bad: dict[int, str] = {}
        for i in used_codes(indices):
            if values[i] is None:
                continue
            try:
                parsed[i] = parse(values[i])
            except (ValueError, TypeError) as err:
                bad[i] = _rule_of(err)
        for i, rule in bad.items():
            self.where(name, pc.equal(indices, i), rule, column)
        return pc.take(pa.array(parsed, kind), indices)

    def dictionary(
        self, name: str, canonical: Callable[[str], str], order: Iterable[str] = ()
    ) -> pa.DictionaryArray:
        """A dictionary column with canonical values, each distinct value checked once.

        Null cells and empty text take the column's default (none for ``rule``).
        """
        column = self.raw(name)
        default = _DEFAULTS.get(name)
        if column is not None and not (pa.types.is_null(column.type) or is_text_like(column.type)):
            self.column_error(name, f"must be a text or dictionary column, not {column.type}")
            column = None
        if column is None or pa.types.is_null(column.type):
            indices: pa.Array = pa.nulls(self.n, pa.int32())
            values: list[Any] = []
        else:
            indices, values = encode(column)
        words = list(order)
        position = {w: i for i, w in enumerate(words)}
        remap: list[int | None] = [None] * len(values)
        bad: list[int] = []
        for i in used_codes(indices):
            value = values[i]
            if value is None or value == "":
                word = default
            else:
                try:
                    word = canonical(value)
                except (ValueError, TypeError) as err:
                    rows = rows_where(pc.equal(indices, i))
                    self.report(name, rows, _rule_of(err), [value] * len(rows))
                    bad.append(i)
                    continue
            if word is not None:
                remap[i] = position.setdefault(word, len(position))
        if default is not None:
            position.setdefault(default, len(position))
        words = list(position)
        new = pc.take(pa.array(remap, pa.int32()), indices) if values else indices
        if default is not None and indices.null_count:
            # a missing cell takes the default; a bad one stays null (and is reported)
            new = pc.if_else(pc.is_null(indices), position[default], new)
        self.invalid[name] = pc.is_in(indices, value_set=pa.array(bad, pa.int32())) if bad else None
        return pa.DictionaryArray.from_arrays(new, pa.array(words, pa.string()))

    # -- the pass ------------------------------------------------------------

    def run(self) -> Checked:
        names = self.names
        if self.not_utf8():  # Arrow does not check every byte of a table it is given
            return Checked(self.source, tuple(self.errors), frozenset(), True, ())
        for column in sorted(REQUIRED):
            if column not in names:
                self.column_error(column, "is required: the table has no such column")
        for column in sorted({c for c in names if names.count(c) > 1}):
            self.column_error(column, "appears more than once in the table")
        out = self.out
        out["id"] = self.ids = self.text("id")
        for name in ("claimant", "qualifier", "location", "document", "evidence", "url", "note"):
            out[name] = self.text(name)
        out["published"] = self.text("published", dates=True)
        out[EXTRA_COLUMN] = self.text(EXTRA_COLUMN)
        for name in ("low", "high", "stated", "evidence_start", "evidence_end"):
            out[name] = self.integer(name)
        out["approx"] = self.boolean("approx")
        out["as_of"] = self.day("as_of")
        out["period_start"] = self.day("period_start")
        for name in ("reported_by", "reported_dates", "disputed_by"):
            out[name] = self.listed(name)
        out["unit"] = self.dictionary("unit", canonical_unit)
        out["claimant_side"] = self.dictionary("claimant_side", _claimant_side)
        out["subject_side"] = self.dictionary("subject_side", _subject_side)
        for name, words in ENUM_WORDS.items():
            out[name] = self.dictionary(name, _member(name, words), words)
        if not self.broken:
            self.check_ids()
            self.check_texts()
            self.check_extra()
            self.check_figure()
            self.check_subject()
            self.check_period()
            self.check_chain()
            self.check_evidence()
            self.check_status()
        extra_columns = tuple(
            c for c in names if c not in CLAIM_SCHEMA.names and names.count(c) == 1
        )
        arrays = [out[f.name] for f in CLAIM_SCHEMA]
        arrays += [self.source.column(c) for c in extra_columns]
        fields = list(CLAIM_SCHEMA) + [self.source.schema.field(c) for c in extra_columns]
        if self.errors:  # bad cells are left null
            fields = [f.with_nullable(True) for f in fields]
        schema = pa.schema(fields, metadata=CLAIM_SCHEMA.metadata)
        table = pa.Table.from_arrays(arrays, schema=schema)
        return Checked(table, tuple(self.errors), frozenset(self.bad), self.broken, extra_columns)

    def check_ids(self) -> None:
        ids = self.ids
        self.where("id", pc.is_null(ids), "is required", ids)
        self.where(
            "id",
            pc.not_equal(pc.utf8_trim(ids, STRIP_SPACE), ids),
            "must be non-empty text without surrounding spaces",
            ids,
        )
        self.where(
            "id", pc.equal(ids, ""), "must be non-empty text without surrounding spaces", ids
        )

    def check_texts(self) -> None:
        for name in ("claimant", "location", "document", "url", "note"):
            self.blank(name, "must be None or non-empty text")
        self.blank("qualifier", "must be None or a non-empty word")

    def check_extra(self) -> None:
        """``extra`` holds a JSON object or nothing, each distinct text parsed once.

        The table's own extra columns hold no NaN or infinite number, at any
        depth, as a claim's extras cannot (JSON has neither): found by Arrow
        in float columns and their lists and structs, a cell at a time only in
        a column of another type that holds floats (a map, a dictionary).
        """
        values = self.out[EXTRA_COLUMN]
        if values.null_count < len(values):
            parse = lambda text: json_object(text) is not None  # noqa: E731
            self.distinct(EXTRA_COLUMN, values, parse, pa.bool_())
        for name in self.names:
            if name in CLAIM_SCHEMA.names or self.names.count(name) > 1:
                continue
            column = self.source.column(name)
            rows = _not_finite_rows(column)
            if rows is not None and rows.any():
                self.where(name, pa.array(rows), NOT_FINITE, column)

    def blank(self, name: str, rule: str) -> None:
        values = self.out[name]
        if values.null_count == len(values):
            return
        coded = self.coded.get(name)
        if coded is None:
            self.where(name, is_blank(values), rule, values)
            return
        indices, words = encode(coded)
        bad = rows_where(is_blank(pa.array(words, pa.string())))
        if len(bad):
            self.where(name, pc.is_in(indices, value_set=bad.cast(pa.int32())), rule, values)

    def check_figure(self) -> None:
        out = self.out
        low, high, stated = out["low"], out["high"], out["stated"]
        self.where("low", pc.is_null(self.source.column("low")), "is required", low)
        for name in ("low", "high", "stated"):
            self.where(name, pc.less(out[name], 0), "must be >= 0", out[name])
            self.where(name, pc.greater(out[name], MAX_COUNT), TOO_LARGE, out[name])
        self.where(
            "high",
            pc.and_(pc.less(high, low), pc.greater_equal(high, 0)),
            "must be >= low ({})",
            high,
            low,
        )
        # a missing rule is read from the bounds, and then a missing stated number
        # from low, as from_row does
        given: pa.DictionaryArray = out["rule"]
        words = given.dictionary.to_pylist()
        code = {w: words.index(w) for w in ENUM_WORDS["rule"]}
        missing = pc.is_null(given)
        if self.invalid["rule"] is not None:
            missing = pc.and_(missing, pc.invert(null_false(self.invalid["rule"])))
        rule = given
        if pc.any(missing).as_py():
            guess = pc.if_else(
                pc.is_null(high),
                code[Rule.AT_LEAST],
                pc.if_else(pc.equal(high, low), code[Rule.EXACT], code[Rule.BETWEEN]),
            ).cast(pa.int32())
            rule = pa.DictionaryArray.from_arrays(
                one_array(pc.if_else(missing, guess, given.indices)), given.dictionary
            )
        out["rule"] = rule
        names = rule  # shown as text in messages

        def among(*rules: Rule) -> Any:
            """Whether each row's rule is one of ``rules`` (never null: a bad rule is none)."""
            wanted = {code[r] for r in rules}
            lookup = pa.array([i in wanted for i in range(len(words))], pa.bool_())
            return null_false(lookup.take(rule.indices))

        exact = among(Rule.EXACT)
        fill = pc.and_(pc.and_(missing, pc.is_null(stated)), among(Rule.EXACT, Rule.AT_LEAST))
        out["stated"] = stated = pc.if_else(fill, low, stated)
        self.where(
            "high",
            pc.and_(exact, pc.or_(pc.is_null(high), pc.not_equal(high, low))),
            "must equal low ({}) for an exact figure",
            high,
            low,
        )
        self.where(
            "high",
            pc.and_(among(Rule.AT_LEAST, Rule.MORE_THAN), pc.is_valid(high)),
            "must be open (None) for rule {!r}",
            high,
            names,
        )
        self.where(
            "high",
            pc.and_(among(Rule.AT_MOST, Rule.FEWER_THAN, Rule.BETWEEN), pc.is_null(high)),
            "must be set for rule {!r}",
            high,
            names,
        )
        self.where(
            "low",
            pc.and_(among(Rule.AT_MOST, Rule.FEWER_THAN), pc.not_equal(low, 0)),
            "must be 0 for rule {!r}",
            low,
            names,
        )
        self.where(
            "stated",
            pc.and_(exact, pc.not_equal(stated, low)),
            "must equal low ({}) for an exact figure",
            stated,
            low,
        )
        approx = among(*sorted(APPROXIMATE_RULES))
        rows = rows_where(pc.not_equal(out["approx"], approx))
        if len(rows):  # the message's text is made for the bad rows only
            wanted = pc.binary_join_element_wise(
                pc.if_else(approx.take(rows), "true", "false"),
                " for rule '",
                rule.take(rows).cast(pa.string()),
                "'",
                "",
            )
            self.report("approx", rows, "must be {}", out["approx"].take(rows), wanted)
        out["approx"] = approx

    def check_subject(self) -> None:
        unit, outcome = self.out["unit"], self.out["outcome"]
        units = unit.dictionary.to_pylist()
        kinds = outcome.dictionary.to_pylist()
        # one code per (unit, outcome) pair: both dictionaries are small, so int32 holds it
        width = pa.scalar(len(kinds), pa.int32())
        combined = pc.add(
            pc.multiply(unit.indices.cast(pa.int32()), width), outcome.indices.cast(pa.int32())
        )
        people = ", ".join(sorted(o.value for o in PEOPLE_OUTCOMES))
        equipment = ", ".join(sorted(o.value for o in EQUIPMENT_OUTCOMES))
        for code in used_codes(combined):
            u, o = units[code // len(kinds)], kinds[code % len(kinds)]
            rows = pc.equal(combined, code)
            if is_equipment(u) and Outcome(o) not in EQUIPMENT_OUTCOMES:
                self.where(
                    "outcome",
                    rows,
                    f"must be one of {equipment} for unit {u!r}",
                    outcome.cast(pa.string()),
                )
            elif not is_equipment(u) and Outcome(o) not in PEOPLE_OUTCOMES:
                self.where(
                    "outcome",
                    rows,
                    f"must be one of {people} for people",
                    outcome.cast(pa.string()),
                )

    def check_period(self) -> None:
        as_of, start = self.out["as_of"], self.out["period_start"]
        self.where(
            "period_start",
            pc.greater(start, as_of),
            "must be on or before as_of ({})",
            start,
            as_of,
        )
        published = self.distinct(
            "published", self.coded.get("published", self.out["published"]), _local_day, pa.date32()
        )
        self.where(
            "as_of",
            pc.greater(as_of, published),
            "must not be after publication ({})",
            as_of,
            published,
        )

    def check_chain(self) -> None:
        names, dates = self.out["reported_by"], self.out["reported_dates"]
        coded = self.coded.get("reported_by", names)
        flat = pc.list_flatten(coded)
        if len(flat):
            parents = one_array(pc.list_parent_indices(coded))
            codes, values = encode(flat)
            self.report(
                "reported_by",
                pc.filter(parents, pc.is_null(codes)),
                "must name every hop",
                [None] * codes.null_count,
            )
            self.items("reported_by", codes, values, parents, _hop_name)
            self.repeated_hops(names, codes, parents)
        hops, stamps = pc.list_value_length(names), pc.list_value_length(dates)
        self.where(
            "reported_dates",
            pc.and_(pc.greater(stamps, 0), pc.not_equal(stamps, hops)),
            "must have one entry per hop ({})",
            dates,
            hops,
        )
        coded = self.coded.get("reported_dates", dates)
        flat_dates = pc.list_flatten(coded)
        if len(flat_dates) - flat_dates.null_count:
            indices, values = encode(flat_dates)
            parents = one_array(pc.list_parent_indices(coded))
            self.items("reported_dates", indices, values, parents, _as_moment)

    def items(
        self,
        name: str,
        indices: pa.Array,
        values: list[Any],
        parents: pa.Array,
        check: Callable[[Any], Any],
    ) -> None:
        """Check each distinct entry of a list column once; report the rows holding a bad one.

        ``indices`` and ``values`` are the flattened entries as
        :func:`~claimrecon.columnar._arrow.encode` gives them, ``parents`` the
        row of each entry.
        """
        for i in used_codes(indices):
            try:
                check(values[i])
            except (ValueError, TypeError) as err:
                rows = pc.filter(parents, null_false(pc.equal(indices, i)))
                self.report(name, rows, _rule_of(err), [values[i]] * len(rows))

    def repeated_hops(self, names: pa.ChunkedArray, codes: pa.Array, parents: pa.Array) -> None:
        """Chains that cite one hop twice, compared by the codes of the hop names."""
        rows = repeated_rows(codes, parents, one_array(pc.list_value_length(names)))
        if len(rows):
            rule = "must not cite itself (a hop appears twice)"
            self.report("reported_by", rows, rule, pc.binary_join(names.take(rows), " > "))

    def check_evidence(self) -> None:
        start, end, text = (
            self.out["evidence_start"],
            self.out["evidence_end"],
            self.out["evidence"],
        )
        if start.null_count == end.null_count == text.null_count == len(text):
            return  # no evidence in the table (an empty cell breaks no rule)
        self.where("evidence_start", pc.less(start, 0), "must be >= 0", start)
        self.where("evidence_end", pc.less(end, 0), "must be >= 0", end)
        self.where(
            "evidence_end",
            pc.not_equal(pc.is_null(start), pc.is_null(end)),
            "must be given together with evidence_start",
            end,
        )
        self.where(
            "evidence_end",
            pc.and_(pc.less(end, start), pc.greater_equal(end, 0)),
            "must be >= evidence_start ({})",
            end,
            start,
        )
        self.where("evidence", pc.equal(text, ""), "must be None or non-empty text", text)
        span = pc.subtract(end, start)
        sound = pc.and_(pc.greater_equal(start, 0), pc.greater_equal(span, 0))
        self.where(
            "evidence",
            pc.and_(
                pc.and_(sound, pc.not_equal(text, "")),
                pc.not_equal(pc.utf8_length(text).cast(pa.int64()), span),
            ),
            "must be as long as its span ({} characters)",
            text,
            span,
        )

    def check_status(self) -> None:
        disputed_by = self.out["disputed_by"]
        coded = self.coded.get("disputed_by", disputed_by)
        indices, values = encode(pc.list_flatten(coded))
        if indices.null_count:  # a null disputer names no one: an error, then left out
            parents = one_array(pc.list_parent_indices(coded))
            rows = np.zeros(self.n, dtype=bool)
            rows[pc.filter(parents, pc.is_null(indices)).to_numpy()] = True
            rule = "must name who disputes the claim, not null"
            self.where("disputed_by", pa.array(rows), rule, disputed_by)
            disputed_by = coded = pa.array(
                [[x for x in row if x is not None] for row in disputed_by.to_pylist()], LIST_TYPE
            )
            self.out["disputed_by"] = disputed_by
            indices, values = encode(pc.list_flatten(coded))
        if len(indices):
            parents = one_array(pc.list_parent_indices(coded))
            self.items("disputed_by", indices, values, parents, _disputer)
        status = self.out["status"]
        code = status.dictionary.to_pylist().index(Status.DISPUTED.value)
        disputed = pc.equal(status.indices, code)
        named = pc.greater(pc.list_value_length(disputed_by), 0)
        self.where(
            "disputed_by",
            pc.not_equal(disputed, named),
            "must name who disputes a claim exactly when status is 'disputed'",
            disputed_by,
        )


def _holds_floats(kind: pa.DataType) -> bool:
    """Whether values of a type may hold a float, at any depth."""
    if pa.types.is_floating(kind):
        return True
    if pa.types.is_dictionary(kind):
        return _holds_floats(kind.value_type)
    return any(_holds_floats(kind.field(i).type) for i in range(kind.num_fields))


def _not_finite_rows(column: pa.ChunkedArray | pa.Array) -> Any:
    """Per row, whether the cell holds NaN or an infinite number at any depth (a numpy mask).

    ``None`` for a type that holds no float.  A null cell holds none, even
    where the values under it do.
    """
    kind = column.type
    if not _holds_floats(kind):
        return None
    array = one_array(column)
    n = len(array)
    if pa.types.is_floating(kind) and not pa.types.is_float16(kind):
        return null_false(pc.invert(pc.is_finite(array))).to_numpy(zero_copy_only=False)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
        inner = _not_finite_rows(pc.list_flatten(array))
        rows = np.zeros(n, dtype=bool)
        if inner is not None and inner.any():
            parents = pc.list_parent_indices(array).to_numpy(zero_copy_only=False)
            rows[parents[inner]] = True
        return rows
    if pa.types.is_struct(kind):
        rows = np.zeros(n, dtype=bool)
        for child in array.flatten():  # each field, null where the struct is
            inner = _not_finite_rows(child)
            if inner is not None:
                rows |= inner
        return rows
    # a map, a dictionary, a union, a half float: a cell at a time
    return np.fromiter((not _finite(v) for v in array.to_pylist()), dtype=bool, count=n)


def _finite(value: Any) -> bool:
    """Whether a Python value Arrow gives holds no NaN or infinite number, at any depth."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list | tuple):
        return all(map(_finite, value))
    if isinstance(value, dict):
        return all(_finite(key) and _finite(item) for key, item in value.items())
    return True


def _rows_not_utf8(column: pa.ChunkedArray) -> list[int]:
    """The rows of a column whose text is not UTF-8, each cell read on its own."""
    rows = []
    start = 0
    for chunk in column.chunks:
        for row, cell in enumerate(chunk, start=start):
            try:
                cell.as_py()
            except UnicodeDecodeError:
                rows.append(row)
        start += len(chunk)
    return rows


def _shown(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _rule_of(err: Exception) -> str:
    if isinstance(err, InvalidClaimError):
        return err.rule
    return str(err)


def _member(field: str, words: tuple[str, ...]) -> Callable[[str], str]:
    allowed = frozenset(words)
    message = f"must be one of {', '.join(words)}"

    def check(value: str) -> str:
        if value not in allowed:
            raise InvalidClaimError(field, message, value)
        return value

    return check


def _subject_side(value: str) -> str:
    Subject(side=value)
    return value


def _claimant_side(value: str) -> str:
    if value == ALL_SIDES:
        raise InvalidClaimError(
            "claimant_side", "cannot be 'all' (only a subject covers all sides)", value
        )
    return _subject_side(value)


def _parse_date(value: Any) -> date:
    return _as_date(value)


def _hop_name(value: Any) -> None:
    Hop(value)


def _disputer(value: Any) -> None:
    if not value.strip() or LIST_SEPARATOR.strip() in value:
        raise InvalidClaimError("disputed_by", "must name each disputer (no ';')", value)
