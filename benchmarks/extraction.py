"""Benchmark of claimrecon.extract: accuracy on the seed articles, and speed.

Run with ``.venv/bin/python benchmarks/extraction.py`` (``--quick`` skips the
speed part).  Two parts:

1. **Accuracy.**  The extractor reads the five raw seed articles (from
   ``claimrecon.seeds.raw_seeds_dir()``) twice: once finding the publication
   date, outlet and wire on the page itself, once given them from
   ``seeds/manifest.json``.  A predicted claim matches a curated one of
   ``seeds/claims.jsonl`` when its bounds (low, high), qualifier, outcome,
   category and subject side are equal; matching is one to one.  Per article
   and overall it prints precision and recall, the wrong claims it made, the
   curated claims it missed, and any claim whose evidence lies in page
   furniture (sidebars, related lists, promos).
2. **Speed.**  A 50,000-word text of news prose composed from varied sentences
   (figures with qualifiers, claimants, weekdays with dates, "since" phrases,
   traps such as money, percentages, ages and years, "Baca juga" lines and
   sidebars) is read in one call on one core; it prints words per second (best
   of three runs) and the peak memory (tracemalloc's peak of a separate run,
   and the process's maximum resident set).
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from datetime import datetime
from typing import Any

from claimrecon import Claim, load_seeds
from claimrecon.extract import extract_report
from claimrecon.seeds import load_manifest, raw_seeds_dir

Key = tuple[int, int | None, str | None, str, str, str]


def key(claim: Claim) -> Key:
    """What a predicted claim must share with a curated one to match it."""
    f, s = claim.figure, claim.subject
    return f.low, f.high, f.qualifier, s.outcome.value, s.category.value, s.side


def match(
    predicted: list[Claim], gold: list[Claim]
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """One-to-one ``(curated, predicted)`` pairs, the wrong predictions, the missed claims."""
    left = list(gold)
    wrong: list[Claim] = []
    pairs: list[tuple[Claim, Claim]] = []
    for claim in predicted:
        for i, g in enumerate(left):
            if key(g) == key(claim):
                pairs.append((g, claim))
                del left[i]
                break
        else:
            wrong.append(claim)
    return pairs, wrong, left


#: fields beyond the key, compared on matched claims (reported, not scored)
FIELDS = {
    "claimant": lambda c: c.claimant,
    "claimant_side": lambda c: c.claimant_side,
    "as_of": lambda c: c.period.as_of,
    "period_start": lambda c: c.period.start,
    "kind": lambda c: c.period.kind.value,
    "location": lambda c: c.subject.location,
    "chain": lambda c: [h.name for h in c.chain],
    "published": lambda c: c.published,
    "status": lambda c: (c.status.value, c.disputed_by),
}


def describe(claim: Claim) -> str:
    """One line for a claim: its key and its evidence."""
    f, s = claim.figure, claim.subject
    high = "open" if f.high is None else f.high
    return (
        f"[{f.low}, {high}] {f.qualifier or '-'} {s.outcome.value}/{s.category.value}/{s.side}"
        f"  {claim.evidence.text!r}"
    )


def accuracy(*, given: bool) -> tuple[int, int, int]:
    """Precision and recall per article; returns (hits, predicted, curated)."""
    gold_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in load_seeds():
        assert claim.evidence.document is not None
        gold_by_doc[claim.evidence.document].append(claim)
    totals = [0, 0, 0]
    title = (
        "given the manifest's date, outlet and wire"
        if given
        else "finding date, outlet and wire itself"
    )
    print(f"\n== Accuracy on the seeds ({title})")
    print(f"{'article':28} {'pred':>4} {'gold':>4} {'hit':>4} {'prec':>6} {'rec':>6}  furniture")
    details: list[str] = []
    agree: dict[str, list[int]] = {field: [0, 0] for field in FIELDS}
    differ: list[str] = []
    for article in load_manifest()["articles"]:
        name = article["file"]
        text = (raw_seeds_dir() / name).read_text(encoding="utf-8")
        kwargs: dict[str, Any] = {"document": name}
        if given:
            kwargs.update(
                published=datetime.fromisoformat(article["published"]),
                outlet=article["outlet"],
                wire=article["wire"],
            )
        report = extract_report(text, article["lang"], **kwargs)
        predicted = list(report.claims)
        gold = gold_by_doc[name]
        pairs, wrong, missed = match(predicted, gold)
        hits = len(pairs)
        for g, c in pairs:
            for field, get in FIELDS.items():
                agree[field][0] += get(g) == get(c)
                agree[field][1] += 1
                if get(g) != get(c):
                    differ.append(f"  {g.id} {field}: curated {get(g)!r}, extracted {get(c)!r}")
        in_furniture = [
            c
            for c in predicted
            if c.evidence.span is not None
            and any(s <= c.evidence.span[0] < e for s, e in report.furniture)
        ]
        precision = hits / len(predicted) if predicted else 1.0
        recall = hits / len(gold) if gold else 1.0
        print(
            f"{name:28} {len(predicted):4} {len(gold):4} {hits:4} {precision:6.2f} {recall:6.2f}"
            f"  {len(in_furniture)}"
        )
        if not given:
            published = report.published.isoformat() if report.published else None
            details.append(
                f"  {name}: found published={published} outlet={report.outlet} "
                f"wire={report.wire}; manifest published={article['published']} "
                f"outlet={article['outlet']} wire={article['wire']}"
            )
        details += [f"  {name}: WRONG   {describe(c)}" for c in wrong]
        details += [f"  {name}: MISSED  {describe(c)}" for c in missed]
        details += [f"  {name}: IN FURNITURE  {describe(c)}" for c in in_furniture]
        details += [f"  {name}: warning: {w}" for w in report.warnings]
        totals[0] += hits
        totals[1] += len(predicted)
        totals[2] += len(gold)
    hits, pred, gold_n = totals
    print(
        f"{'overall':28} {pred:4} {gold_n:4} {hits:4} {hits / max(pred, 1):6.2f} "
        f"{hits / max(gold_n, 1):6.2f}"
    )
    for line in details:
        print(line)
    print("agreement of the other fields on matched claims (not scored):")
    print("  " + ", ".join(f"{f} {a}/{n}" for f, (a, n) in agree.items()))
    for line in differ:
        print(line)
    return hits, pred, gold_n


# -- speed ------------------------------------------------------------------

CLAIMANTS = [
    "Kementerian Pertahanan Armenia",
    "Kementerian Pertahanan Azerbaijan",
    "Media Armenia",
    "Armenpress",
    "Juru bicara militer Azerbaijan",
    "Ombudsman Nagorno-Karabakh",
    "Pejabat setempat",
    "Palang Merah",
]
NOUNS = ["warga sipil", "tentara", "personel militer", "orang", "prajurit", "penduduk", "anak-anak"]
SIDES = ["Armenia", "Azerbaijan", "Azeri", "", "", ""]
QUALS = ["", "", "sedikitnya ", "setidaknya ", "lebih dari ", "sekitar ", "hampir ", "hingga "]
OUTCOMES = ["tewas", "meninggal dunia", "luka-luka", "terluka", "hilang", "mengungsi"]
PLACES = ["Stepanakert", "Martakert", "Ganja", "Tartar", "Barda", "Shusha", "Hadrut", "Fuzuli"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WORDS = [
    "tiga",
    "lima",
    "tujuh",
    "sembilan",
    "dua puluh",
    "tiga puluh",
    "seratus empat puluh empat",
    "dua ratus",
]
FILLER = [
    "pemerintah",
    "kedua",
    "negara",
    "menyatakan",
    "siap",
    "berunding",
    "namun",
    "situasi",
    "di",
    "garis",
    "depan",
    "masih",
    "tegang",
    "para",
    "diplomat",
    "bertemu",
    "di",
    "ibu",
    "kota",
    "untuk",
    "membahas",
    "gencatan",
    "senjata",
    "kemanusiaan",
    "yang",
    "rapuh",
    "warga",
    "kota",
    "mengungsi",
    "ke",
    "tempat",
    "penampungan",
    "sementara",
    "di",
    "wilayah",
    "tetangga",
    "sejak",
    "pekan",
    "lalu",
    "organisasi",
    "internasional",
    "menyerukan",
    "perlindungan",
    "bagi",
    "warga",
    "sipil",
    "dan",
    "akses",
    "bantuan",
    "kelompok",
    "pengamat",
    "melaporkan",
    "bentrokan",
    "di",
    "sepanjang",
    "garis",
    "kontak",
    "pada",
    "malam",
    "hari",
]


def _number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(WORDS)
    if roll < 0.25:
        return f"{rng.randint(1, 9)}.{rng.randint(100, 999)}"
    return str(rng.randint(2, 950))


def _date(rng: random.Random) -> str:
    day = rng.randint(1, 28)
    month = rng.choice([9, 10])
    return rng.choice(
        [
            f"pada {rng.choice(WEEKDAYS)}",
            f"pada {rng.choice(WEEKDAYS)} ({day}/{month})",
            f"pada {rng.choice(WEEKDAYS)} ({day}/{month}/2020)",
            f"pada {day} {'September' if month == 9 else 'Oktober'}",
            "kemarin",
        ]
    )


def _sentence(rng: random.Random) -> str:
    n, noun, side = _number(rng), rng.choice(NOUNS), rng.choice(SIDES)
    qual, outcome, place = rng.choice(QUALS), rng.choice(OUTCOMES), rng.choice(PLACES)
    who = rng.choice(CLAIMANTS)
    side_text = f" {side}" if side else ""
    filler = " ".join(rng.sample(FILLER, rng.randint(6, 14)))
    templates = [
        f"{who} mengatakan, {qual}{n} {noun}{side_text} telah {outcome} dalam serangan di {place} "
        f"{_date(rng)}.",
        f"Menurut {who}, {qual}{n} {noun}{side_text} tewas dan {_number(rng)} lainnya luka-luka "
        "sejak pertempuran dimulai.",
        f"Pertempuran di {place} dimulai {_date(rng)} dan telah menewaskan "
        f"{rng.choice(['puluhan', 'ratusan', 'ribuan'])} korban hingga saat ini.",
        f"Serangan itu merenggut {qual}{n} nyawa dan membuat {rng.choice(['ratusan', 'ribuan'])} "
        "orang harus mengungsi.",
        f'{who} juga merilis video penghancuran {rng.randint(2, 9)} tank "musuh" di dekat {place}.',
        f"{filler.capitalize()} {_date(rng)}.",
        f"Harga bahan bakar di {place} naik {rng.randint(2, 40)} persen menjadi Rp "
        f"{rng.randint(5, 20)}.{rng.randint(100, 999)} per liter pada {rng.randint(2019, 2024)}.",
        f"Seorang warga berusia {rng.randint(18, 90)} tahun mengatakan {filler}.",
        f"{filler.capitalize()}, kata {who} kepada wartawan di {place}.",
        f"Informasi lebih lanjut dapat diperoleh di nomor 0812-{rng.randint(1000, 9999)}-"
        f"{rng.randint(1000, 9999)} atau kantor {who}.",
    ]
    return rng.choice(templates)


def compose(words: int, seed: int = 2020) -> str:
    """News prose of about ``words`` words, with page furniture, in Indonesian."""
    rng = random.Random(seed)
    parts = ["Perang di Kaukasus Selatan\n\nKompas.com - 09/10/2020, 19:44 WIB\n\nSumber AFP\n"]
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        parts.append(paragraph)
        count += len(paragraph.split())
        roll = rng.random()
        if roll < 0.05:
            parts.append(f"Baca juga: Azerbaijan Klaim Hancurkan {rng.randint(2, 30)} Tank Armenia")
        elif roll < 0.07:
            parts.append(
                "Terkini Lainnya\n\nBiden Perintahkan Serangan Udara ke Suriah, 17 Orang Tewas\n\n"
                "Biden Perintahkan Serangan Udara ke Suriah, 17 Orang Tewas\n\nGlobal"
            )
    return "\n\n".join(parts)


def speed(words: int) -> None:
    """Words per second and peak memory on composed prose."""
    text = compose(words)
    n_words = len(text.split())
    published = datetime.fromisoformat("2020-10-09T19:44:00+07:00")
    extract_report(text[:2000], "id", published=published)  # warm the caches of the lexicon
    times = []
    claims = 0
    for _ in range(3):
        start = time.perf_counter()
        report = extract_report(text, "id", document="composed.txt")
        times.append(time.perf_counter() - start)
        claims = len(report.claims)
    best = min(times)
    tracemalloc.start()
    extract_report(text, "id", document="composed.txt")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n== Speed ({n_words:,} words of composed Indonesian news prose, one call, one core)")
    print(f"claims found: {claims:,}; runs: {', '.join(f'{t:.2f}s' for t in times)}")
    print(f"words per second (best run): {n_words / best:,.0f}")
    print(f"peak Python memory of one run (tracemalloc): {peak / 2**20:.1f} MiB")
    print(f"maximum resident set of the process: {rss / 1024:.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    """Run both parts; exit 1 if the seeds fall below the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the speed part")
    parser.add_argument("--words", type=int, default=50_000, help="size of the speed text")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()}")
    hits, pred, gold = accuracy(given=False)
    accuracy(given=True)
    if not args.quick:
        speed(args.words)
    ok = hits / max(pred, 1) >= 0.95 and hits / max(gold, 1) >= 0.95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
