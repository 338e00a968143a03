"""Synthetic claims, generated straight into Arrow columns, for tests and benchmarks.

The data imitate a war's casualty reporting at scale, built with numpy a
column at a time (never a Python object per claim):

* 1,000 subjects: 2 sides x 3 categories x 4 outcomes (killed, wounded,
  missing, captured) x 38 locations (one of them "no location") for people,
  and 2 sides x 4 kinds of equipment loss (tanks destroyed or captured,
  aircraft and drones shot down) x 11 locations;
* 50 claimants, 20 on each side and 10 third parties;
* each subject has a true running total that grows by a daily increment,
  and the truths add up as in a war: a subject of no place counts all its
  places, one of the ``unspecified`` category its military and civilian
  (and what only it counts), so no true count is below a part of it;
* each claimant keeps cumulative series ("since 27 September") on some
  subjects, one figure a day for 60 days: the truth times the claimant's
  bias on that subject (belligerents play down their own side's losses,
  play up the enemy's; third parties land near the truth), so claimants on
  one subject disagree as they do in a war, and a part exceeds its whole
  only through a claimant's bias; about 3% of the series are revised down
  once and go backwards; past 50,000 series (about 3 million rows) a
  claimant's further series on a subject count from a week earlier each
  time, with the same bias and the weeks they add;
* a fifth of the figures are not exact: intervals ("antara"), open-ended
  ("sedikitnya", "lebih dari" a round number: ``high`` null), approximate
  ("sekitar" a round number) or magnitude words ("puluhan", "ratusan",
  "ribuan"); every figure admits the series' true total that day, so a
  series goes backwards only where it was revised down;
* most figures are carried by a wire (``reported_by == [wire]``), and a bit
  over half are echoed by 2 to 4 outlets (``[outlet, wire]``), each echo its
  own row with its own publication time;
* about 2% are undated (``as_of`` null), 1.5% revised, 1.5% disputed by a
  claimant of the other side.

Every row is a valid claim: ``table_to_claims(synthetic_table(1_000))``
succeeds.  The same ``n``, ``seed`` and ``batch_rows`` give the same table.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from claimrecon.columnar._optional import require
from claimrecon.columnar.schema import CLAIM_SCHEMA

__all__ = ["DAYS", "WAR_START", "synthetic_batches", "synthetic_table"]

#: the first day of every series
WAR_START = date(2020, 9, 27)
#: days in each cumulative series
DAYS = 60

_SIDES = ("armenia", "azerbaijan")
_CATEGORIES = ("military", "civilian", "unspecified")
_PEOPLE_OUTCOMES = ("killed", "wounded", "missing", "captured")
_EQUIPMENT: tuple[tuple[str, str], ...] = (
    ("tank", "destroyed"),
    ("tank", "captured"),
    ("aircraft", "shot_down"),
    ("drone", "shot_down"),
)
_LOCATIONS = (
    "Stepanakert", "Shusha", "Hadrut", "Martuni", "Martakert", "Askeran", "Jabrayil",
    "Fuzuli", "Zangilan", "Qubadli", "Lachin", "Kalbajar", "Aghdam", "Tartar", "Barda",
    "Ganja", "Goranboy", "Khojavend", "Khojaly", "Mingachevir", "Beylagan", "Aghjabadi",
    "Naftalan", "Yevlakh", "Horadiz", "Talish", "Madagiz", "Sugovushan", "Murovdag",
    "Vardenis", "Goris", "Kapan", "Meghri", "Jermuk", "Sisian", "Berdzor", "Karvachar",
)  # fmt: skip
_EQUIPMENT_LOCATIONS = 10  # the first ten places, and "no location"
_ORGS = (
    "Ministry of Defence", "Ombudsman", "Emergency Service", "Health Ministry",
    "Prosecutor General", "Presidential Office", "Foreign Ministry", "Army spokesperson",
    "Interior Ministry", "Regional Governor",
)  # fmt: skip
_THIRD_PARTIES = (
    "UN OCHA", "ICRC", "Human Rights Watch", "Amnesty International", "OSCE Minsk Group",
    "UNHCR", "WHO", "Russian Ministry of Defence", "Turkish Ministry of Defence",
    "Iranian Foreign Ministry",
)  # fmt: skip
_CLAIMANTS = (
    tuple(f"{country} {org}" for country in ("Armenia", "Nagorno-Karabakh") for org in _ORGS)
    + tuple(f"{country} {org}" for country in ("Azerbaijan", "Nakhchivan") for org in _ORGS)
    + _THIRD_PARTIES
)
_CLAIMANT_SIDES = ("armenia",) * 20 + ("azerbaijan",) * 20 + ("third_party",) * 10
_WIRES = ("Reuters", "AFP", "AP", "TASS", "Anadolu", "Interfax", "Xinhua", "dpa")
_OUTLETS = (
    "Kompas.com", "Detik", "Tempo", "CNN Indonesia", "Republika", "Antara", "Okezone",
    "Liputan6", "Sindonews", "Tribunnews", "Media Indonesia", "Jawa Pos", "The Guardian",
    "BBC News", "Al Jazeera", "Le Monde", "Der Spiegel", "El País", "Asbarez", "Armenpress",
    "news.am", "Azatutyun", "APA", "Trend", "Report.az", "Daily Sabah", "Hürriyet", "RIA",
    "Kommersant", "Euronews",
)  # fmt: skip
_HOPS = _WIRES + _OUTLETS
_RULES = ("exact", "between", "at_least", "more_than", "about", "magnitude")
_QUALIFIERS = ("antara", "sedikitnya", "lebih dari", "sekitar", "puluhan", "ratusan", "ribuan")
_MAGNITUDES = ((10, 99, 4), (100, 999, 5), (1_000, 9_999, 6))  # low, high, qualifier index
_STATUSES = ("reported", "revised", "disputed")
_PAIRS = len(_CLAIMANTS) * 1_000


def _subjects() -> tuple[list[str], list[str], list[str], list[str | None], list[str]]:
    """``(side, category, outcome, location, unit)`` of the 1,000 subjects."""
    sides: list[str] = []
    categories: list[str] = []
    outcomes: list[str] = []
    locations: list[str | None] = []
    units: list[str] = []
    people_places: tuple[str | None, ...] = (None, *_LOCATIONS)
    for side in _SIDES:
        for category in _CATEGORIES:
            for outcome in _PEOPLE_OUTCOMES:
                for place in people_places:
                    sides.append(side)
                    categories.append(category)
                    outcomes.append(outcome)
                    locations.append(place)
                    units.append("person")
        for unit, outcome in _EQUIPMENT:
            for place in people_places[: _EQUIPMENT_LOCATIONS + 1]:
                sides.append(side)
                categories.append("military")
                outcomes.append(outcome)
                locations.append(place)
                units.append(unit)
    return sides, categories, outcomes, locations, units


def synthetic_table(n: int, *, seed: int = 0, batch_rows: int = 1_000_000) -> pa.Table:
    """``n`` synthetic claims as one table of :data:`CLAIM_SCHEMA`.

    >>> from claimrecon.columnar import synthetic_table
    >>> synthetic_table(1_000, seed=1).num_rows
    1000
    """
    batches = list(synthetic_batches(n, seed=seed, batch_rows=batch_rows))
    if not batches:
        return CLAIM_SCHEMA.empty_table()
    return pa.concat_tables(batches)


def synthetic_batches(n: int, *, seed: int = 0, batch_rows: int = 1_000_000) -> Iterator[pa.Table]:
    """``n`` synthetic claims as tables of at most ``batch_rows`` rows each (bounded memory)."""
    if n < 0 or batch_rows < 1:
        raise ValueError(f"need n >= 0 and batch_rows >= 1, got {n} and {batch_rows}")
    np = require("numpy")
    world = _World(np, seed)
    per_batch = _series_for(batch_rows)
    for number, first in enumerate(range(0, n, batch_rows)):
        rows = min(batch_rows, n - first)
        rng = np.random.default_rng([seed, number])
        yield _Batch(world, rng, first, number * per_batch).table(rows)


def _series_for(rows: int) -> int:
    # an original figure appears on about 2.5 rows (itself and 1.5 echoes on average)
    return -(-rows * 12 // (DAYS * 25)) + 2


class _World:
    """What every batch shares: who claims about what, and the true running totals."""

    def __init__(self, np: Any, seed: int) -> None:
        self.np = np
        rng = np.random.default_rng([seed, 2**32 - 1])
        #: series ``i`` is claimant ``pairs[i] // 1000`` on subject ``pairs[i] % 1000``
        self.pairs = rng.permutation(_PAIRS)
        sides, _, _, _, units = _subjects()
        self.subject_side = np.array([_SIDES.index(s) for s in sides])
        equipment = np.array([u != "person" for u in units])
        count = len(sides)
        base = np.where(equipment, rng.lognormal(1.0, 1.0, count), rng.lognormal(2.5, 1.3, count))
        rate = np.maximum(base * 0.04, 0.05)
        steps = rng.poisson(rate[:, None], (count, DAYS))
        # each subject's own share: what only it counts (a place's dead, the dead of no known
        # place or of no known category), then the wholes made of their parts
        own = base.astype(np.int64)[:, None] + np.cumsum(steps, axis=1)
        #: the true running total of each subject on each day: a whole is never below its parts
        self.truth = _wholes(np, own)
        #: what an earlier start adds a day: the subject's daily rate, seen from the wholes
        self.rate = np.maximum((self.truth[:, -1] - self.truth[:, 0]) / (DAYS - 1), 0.05)
        #: each claimant's bias on each subject, the same in every series it keeps on it:
        #: belligerents play down their own losses and play up the enemy's; third parties
        #: land near the truth
        claimant, subject = np.arange(_PAIRS) // 1_000, np.arange(_PAIRS) % 1_000
        side = np.where(claimant < 20, 0, np.where(claimant < 40, 1, 2))
        mine, third = side == self.subject_side[subject], side == 2
        self.bias = np.where(
            mine,
            rng.uniform(0.5, 1.0, _PAIRS),
            np.where(third, rng.uniform(0.8, 1.1, _PAIRS), rng.uniform(1.0, 3.0, _PAIRS)),
        )


class _Batch:
    """One batch of rows: whole series of one claimant on one subject, their echoes, shuffled."""

    def __init__(self, world: _World, rng: Any, first_row: int, first_series: int) -> None:
        self.world = world
        self.np = world.np
        self.rng = rng
        self.first_row = first_row
        self.first_series = first_series

    def table(self, rows: int) -> pa.Table:
        np = self.np
        series = _series_for(rows)
        while True:
            originals = self.originals(series)
            copies = 1 + originals["echoes"]
            if int(copies.sum()) >= rows:
                break
            series *= 2  # pragma: no cover - the estimate has a 20% margin
        cols = {k: np.repeat(v, copies) for k, v in originals.items()}
        starts = np.repeat(np.cumsum(copies) - copies, copies)
        cols["echo"] = np.arange(len(starts)) - starts  # 0 for the original, then 1, 2, ...
        keep = self.rng.permutation(len(starts))[:rows]  # a random subset, shuffled
        cols = {k: v[keep] for k, v in cols.items()}
        return self.build(cols, rows)

    def originals(self, series: int) -> dict[str, Any]:
        """One entry per series and day: the figure as its claimant first gave it."""
        np, rng = self.np, self.rng
        world = self.world
        ids = self.first_series + np.arange(series)
        pair = world.pairs[ids % _PAIRS]
        claimant, subject = pair // 1_000, pair % 1_000
        generation = ids // _PAIRS
        # a claimant's count is the true count times its bias on the subject; a series of a
        # later generation counts from a week earlier per generation, so it adds those weeks
        earlier = (world.rate[subject] * 7 * generation)[:, None]
        values = ((world.truth[subject] + earlier) * world.bias[pair][:, None]).astype(np.int64)
        back = rng.random(series) < 0.03
        day = rng.integers(10, DAYS, series)
        drop = np.maximum(1, (values[np.arange(series), day] * 0.15).astype(np.int64))
        after = np.arange(DAYS)[None, :] >= day[:, None]
        values = np.maximum(values - np.where(back[:, None] & after, drop[:, None], 0), 0)
        count = series * DAYS
        out: dict[str, Any] = {
            "value": values.reshape(-1),
            "day": np.tile(np.arange(DAYS), series),
            "claimant": np.repeat(claimant, DAYS),
            "subject": np.repeat(subject, DAYS),
            "generation": np.repeat(generation, DAYS),
        }
        out["dated"] = rng.random(count) >= 0.02
        out["shape"] = rng.choice(6, size=count, p=[0.8, 0.06, 0.05, 0.03, 0.04, 0.02])
        out["spread"] = rng.uniform(0.05, 0.3, count)
        out["named"] = rng.random(count) < 0.3  # an interval says "antara"
        out["echoes"] = rng.choice([0, 2, 3, 4], size=count, p=[0.45, 0.25, 0.2, 0.1])
        out["wired"] = rng.random(count) < 0.7  # else the claimant's own statement
        out["wire"] = rng.integers(0, len(_WIRES), count)
        out["outlet"] = rng.integers(0, len(_OUTLETS), count)
        out["minute"] = rng.integers(0, 96, count)  # quarter hours
        out["status"] = rng.choice(3, size=count, p=[0.97, 0.015, 0.015])
        out["disputer"] = rng.integers(0, 20, count)
        return out

    def build(self, c: dict[str, Any], rows: int) -> pa.Table:
        np, rng = self.np, self.rng
        # every figure admits the true running total ``value``: an interval around it,
        # "at least" / "more than" a round number below it, "about" a round number near it
        value, shape = c["value"], c["shape"]
        low, high, stated = value.copy(), value.copy(), value.copy()
        has_high = np.ones(rows, bool)
        has_stated = np.ones(rows, bool)
        qualifier = np.full(rows, -1)
        rule = shape.copy()
        between = shape == 1
        spread = value * c["spread"]
        low[between] = value[between] - (spread[between] / 2).astype(np.int64)
        high[between] = value[between] + np.maximum(1, spread[between].astype(np.int64))
        has_stated[between] = False
        qualifier[between & c["named"]] = 0
        at_least = shape == 2
        low[at_least] = stated[at_least] = _round_down(np, value[at_least])
        more_than = (shape == 3) & (value >= 1)
        rule[(shape == 3) & (value < 1)] = 0  # "more than" needs a count below: exact
        stated[more_than] = _round_down(np, value[more_than] - 1)
        low[more_than] = stated[more_than] + 1
        has_high[at_least | more_than] = False
        qualifier[at_least], qualifier[more_than] = 1, 2
        about = shape == 4
        stated[about] = _round_near(np, value[about])
        low[about] = stated[about] * 9 // 10
        high[about] = -(-stated[about] * 11 // 10)
        qualifier[about] = 3
        magnitude = shape == 5
        rule[magnitude & ((value < 10) | (value > 9_999))] = 0  # no word: exact
        for word_low, word_high, word in _MAGNITUDES:
            hit = magnitude & (value >= word_low) & (value <= word_high)
            low[hit], high[hit], qualifier[hit] = word_low, word_high, word
            has_stated[hit] = False

        sides, categories, outcomes, locations, units = _subjects()
        subject = c["subject"]
        day = c["day"]
        echo = c["echo"]
        is_echo = echo > 0
        as_of = pa.array(day + _days(WAR_START), pa.int32()).cast(pa.date32())
        dated = pa.array(c["dated"])
        # the wire's story in Baku time (+04:00); an echo 15 minutes to 6 hours later in
        # Jakarta time (+07:00, 12 quarter hours ahead), sometimes a day later still
        minute = c["minute"]
        later = minute + 12 + rng.integers(1, 25, rows)
        delay = later // 96 + (rng.random(rows) < 0.3)
        times = pa.array([f"T{m // 4:02d}:{m % 4 * 15:02d}:00" for m in range(96)])
        wire_day = pa.array(day + _days(WAR_START), pa.int32()).cast(pa.date32())
        wire_time = pc.binary_join_element_wise(
            wire_day.cast(pa.string()), times.take(pa.array(minute)), "+04:00", ""
        )
        published_day = pa.array(day + delay + _days(WAR_START), pa.int32()).cast(pa.date32())
        outlet_time = pc.binary_join_element_wise(
            published_day.cast(pa.string()), times.take(pa.array(later % 96)), "+07:00", ""
        )
        date_only = pa.array(rng.random(rows) < 0.3)
        outlet_moment = pc.if_else(date_only, published_day.cast(pa.string()), outlet_time)
        published = pc.if_else(pa.array(is_echo), outlet_moment, wire_time)

        # the chain: [wire] for a wired original, [] for the claimant's own statement,
        # [outlet, wire] for an echo
        wire = (c["wire"] + np.where(is_echo & (rng.random(rows) < 0.2), echo, 0)) % len(_WIRES)
        outlet = len(_WIRES) + (c["outlet"] + echo) % len(_OUTLETS)
        lengths = np.where(is_echo, 2, np.where(c["wired"], 1, 0))
        offsets = np.zeros(rows + 1, np.int32)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.empty(int(offsets[-1]), np.int64)
        flat_moment = np.empty(len(flat), np.int64)  # row whose moment the hop carries
        first = offsets[:-1][lengths > 0]
        flat[first] = np.where(is_echo, outlet, wire)[lengths > 0]
        flat_moment[first] = np.arange(rows)[lengths > 0]
        second = offsets[:-1][lengths == 2] + 1
        flat[second] = wire[lengths == 2]
        flat_moment[second] = rows + np.arange(rows)[lengths == 2]  # the wire's own stamp
        hop_names = pa.array(_HOPS).take(pa.array(flat))
        stamps = pa.concat_arrays([published, wire_time]).take(pa.array(flat_moment))
        reported_by = pa.ListArray.from_arrays(pa.array(offsets), hop_names)
        reported_dates = pa.ListArray.from_arrays(pa.array(offsets), stamps)

        status = c["status"]
        disputed = status == 2
        claimant = c["claimant"]
        claimant_side = np.where(claimant < 20, 0, np.where(claimant < 40, 1, 2))
        other = np.where(claimant_side == 0, 20, np.where(claimant_side == 1, 0, 0))
        other = other + np.where(claimant_side == 2, c["disputer"] * 2 % 40, c["disputer"])
        d_offsets = np.zeros(rows + 1, np.int32)
        np.cumsum(disputed, out=d_offsets[1:])
        disputers = pa.array(_CLAIMANTS).take(pa.array(other[disputed]))

        ids = pc.binary_join_element_wise(
            "syn-", pa.array(self.first_row + np.arange(rows)).cast(pa.string()), ""
        )
        columns: dict[str, Any] = {
            "id": ids,
            "claimant": pa.array(_CLAIMANTS).take(pa.array(claimant)),
            "claimant_side": _dictionary(claimant_side, ("armenia", "azerbaijan", "third_party")),
            "reported_by": reported_by,
            "reported_dates": reported_dates,
            "published": published,
            "subject_side": _dictionary(_codes(sides, subject, _SIDES), _SIDES),
            "category": _dictionary(_codes(categories, subject, _CATEGORIES), _CATEGORIES),
            "outcome": _dictionary(_codes(outcomes, subject, _OUTCOME_WORDS), _OUTCOME_WORDS),
            "unit": _dictionary(_codes(units, subject, _UNITS), _UNITS),
            "low": pa.array(low),
            "high": pa.array(high, mask=~has_high),
            "approx": pa.array(np.isin(rule, (4, 5))),
            "qualifier": pa.array(_QUALIFIERS).take(pa.array(qualifier, mask=qualifier < 0)),
            "rule": _dictionary(rule, _RULES),
            "stated": pa.array(stated, mask=~has_stated),
            "as_of": pc.if_else(dated, as_of, pa.scalar(None, pa.date32())),
            "period_start": pa.array(_days(WAR_START) - 7 * c["generation"], pa.int32()).cast(
                pa.date32()
            ),
            "kind": _dictionary(np.zeros(rows, np.int32), ("cumulative",)),
            "precision": _dictionary(np.zeros(rows, np.int32), ("day",)),
            "location": pa.array(locations, pa.string()).take(pa.array(subject)),
            "status": _dictionary(status, _STATUSES),
            "disputed_by": pa.ListArray.from_arrays(pa.array(d_offsets), disputers),
        }
        arrays = [
            columns[f.name] if f.name in columns else pa.nulls(rows, f.type) for f in CLAIM_SCHEMA
        ]
        return pa.Table.from_arrays(arrays, schema=CLAIM_SCHEMA)


def _wholes(np: Any, own: Any) -> Any:
    """Running totals in which every whole is its own share plus the totals of its parts.

    ``own`` has one row per subject of :func:`_subjects`.  A subject of no
    place counts every place of its side, category and outcome; one of the
    ``unspecified`` category counts the military and the civilian of its side,
    outcome and place.  So no true count is ever below a part of it, nor below
    the sum of its military and civilian counts: a part exceeds its whole only
    where a claimant's bias or revision makes it so, as in the field.
    """
    sides, categories = len(_SIDES), len(_CATEGORIES)
    outcomes, places = len(_PEOPLE_OUTCOMES), len(_LOCATIONS) + 1
    people = sides * categories * outcomes * places
    days = own.shape[1]
    per_side = people // sides + len(_EQUIPMENT) * (_EQUIPMENT_LOCATIONS + 1)
    truth = own.copy()
    for side in range(sides):
        first = side * per_side
        block = truth[first : first + categories * outcomes * places]
        block = block.reshape(categories, outcomes, places, days)  # a view: writes go through
        military, civilian, unspecified = 0, 1, 2
        block[unspecified, :, 1:] += block[military, :, 1:] + block[civilian, :, 1:]
        for category in (military, civilian):
            block[category, :, 0] += block[category, :, 1:].sum(axis=1)
        block[unspecified, :, 0] += (
            own[first : first + categories * outcomes * places]
            .reshape(categories, outcomes, places, days)[unspecified, :, 1:]
            .sum(axis=1)
            + block[military, :, 0]
            + block[civilian, :, 0]
        )
        kit = truth[first + categories * outcomes * places : first + per_side]
        kit = kit.reshape(len(_EQUIPMENT), _EQUIPMENT_LOCATIONS + 1, days)
        kit[:, 0] += kit[:, 1:].sum(axis=1)
    return truth


_OUTCOME_WORDS = ("killed", "wounded", "missing", "captured", "destroyed", "shot_down")
_UNITS = ("person", "tank", "aircraft", "drone")


def _round_down(np: Any, value: Any) -> Any:
    """A round number at or below each value, as a claimant would state it."""
    return np.where(
        value < 20,
        value,
        np.where(
            value < 200,
            value // 10 * 10,
            np.where(value < 2_000, value // 50 * 50, value // 100 * 100),
        ),
    )


def _round_near(np: Any, value: Any) -> Any:
    """A round number near each value, within 10% of it."""
    return np.where(
        value < 100, value, np.where(value < 1_000, (value + 5) // 10 * 10, (value + 25) // 50 * 50)
    )


def _days(day: date) -> int:
    return (day - date(1970, 1, 1)).days


def _codes(values: list[Any], subject: Any, words: tuple[str, ...]) -> Any:
    """Each row's code (index into ``words``) of its subject's value."""
    table = pa.array([words.index(v) for v in values], pa.int32())
    return table.take(pa.array(subject)).to_numpy()


def _dictionary(codes: Any, words: tuple[str, ...]) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(
        pa.array(codes).cast(pa.int32()), pa.array(words, pa.string())
    )
