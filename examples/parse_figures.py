"""Parse qualifier phrases in Indonesian and English into figures with bounds.

Run from the project folder:  python examples/parse_figures.py
"""

from __future__ import annotations

from claimrecon import ACLED_TABLE, Figure

PHRASES = [
    ("sedikitnya 30", "id"),
    ("lebih dari 100", "id"),
    ("sekitar 400", "id"),
    ("hampir 400", "id"),
    ("ratusan", "id"),
    ("2.300", "id"),
    ("seratus empat puluh empat", "id"),
    ("antara 30 dan 40", "id"),
    ("at least thirty", "en"),
    ("up to 2,300", "en"),
    ("dozens", "en"),
]


def main() -> None:
    for text, lang in PHRASES:
        figure = Figure.parse(text, lang)
        print(f"{text!r:32} [{lang}] -> {figure.rule.value:10} bounds {figure.bounds}")
    print("ACLED-style table:", Figure.parse("ratusan", "id", table=ACLED_TABLE).bounds)


if __name__ == "__main__":
    main()
