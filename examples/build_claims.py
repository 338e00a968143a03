"""Build claims by hand, write them to a file and read them back.

Run from the project folder:  python examples/build_claims.py
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from claimrecon import Claim, Figure, Hop, Period, Subject, read_claims, write_claims

WIB = timezone(timedelta(hours=7))


def main() -> None:
    published = datetime(2020, 10, 21, 9, 20, tzinfo=WIB)
    military = Claim(
        id="nk-mil",
        figure=Figure.exact(772),
        subject=Subject("armenia", "military", "killed"),
        period=Period.since(date(2020, 9, 27), as_of=date(2020, 10, 20)),
        claimant="Nagorno-Karabakh",
        claimant_side="armenia",
        chain=(Hop("Example Daily", published), Hop("Reuters")),
        published=published,
    )
    civilians = Claim(
        id="az-civ",
        figure=Figure.parse("sedikitnya 30", lang="id"),
        subject=Subject("azerbaijan", "civilian", "killed"),
        period=Period.since(date(2020, 9, 27), as_of=date(2020, 10, 9)),
        claimant="Azerbaijan's mission to the UN",
        claimant_side="azerbaijan",
    )
    tanks = Claim(
        id="az-tanks",
        figure=Figure.exact(2, "tank"),
        subject=Subject("armenia", "military", "destroyed"),
        period=Period.incident(None),
        claimant="Azerbaijan",
        claimant_side="azerbaijan",
        note="date of the incident not given",
    )
    print(
        military.id,
        military.figure,
        "- said by",
        military.original_source,
        "via",
        " > ".join(h.name for h in military.chain),
    )
    print(civilians.id, civilians.figure, "- bounds", civilians.figure.bounds)
    print(tanks.id, tanks.figure)
    try:
        military.figure + tanks.figure
    except TypeError as err:  # people and tanks never mix
        print("refused:", err)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("claims.jsonl", "claims.csv"):
            path = Path(tmp) / name
            write_claims([military, civilians, tanks], path)
            assert read_claims(path) == [military, civilians, tanks]
            print(f"wrote and read back {path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
