"""The command line: each command on the seeds and on small files made for the purpose."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimrecon import Claim, Figure, read_claims, write_claims
from claimrecon.cli import app
from claimrecon.io.results import (
    ATTRIBUTION_CSV_COLUMNS,
    ESTIMATE_CSV_COLUMNS,
    FLAG_CSV_COLUMNS,
)
from claimrecon.seeds import seeds_dir
from tests.builders import claim

SEEDS = str(seeds_dir() / "claims.jsonl")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def as_table_and_objects(claims: list[Claim], folder: Path, stem: str) -> tuple[Path, Path]:
    """The claims as a Parquet file (the engine's path) and as JSON Lines (objects)."""
    from claimrecon.columnar import claims_to_table, write_table

    table, lines = folder / f"{stem}.parquet", folder / f"{stem}.jsonl"
    write_table(claims_to_table(claims), table)
    write_claims(claims, lines)
    return table, lines


def assert_table_file_like_objects(
    command: str, claims: list[Claim], folder: Path, *options: str
) -> str:
    """``claimrecon COMMAND x.parquet`` writes and prints what the same claims as JSON Lines give.

    Every file format, written with ``-o`` and printed; returns the printed CSV.
    """
    paths = as_table_and_objects(claims, folder, "same")
    for fmt in ("csv", "json"):
        written = []
        for path in paths:  # columns, then objects
            out = folder / f"{path.name}.{fmt}"
            assert run(command, str(path), "-f", fmt, *options, "-o", str(out))[0] == 0
            written.append(out.read_bytes())
        assert written[0] == written[1], fmt
    printed = [run(command, str(path), "-f", "csv", *options)[1] for path in paths]
    assert printed[0] == printed[1]
    return printed[0]


def strict_exit_codes(command: str, low: int, folder: Path) -> set[int]:
    """The exit codes of ``COMMAND --strict`` on a table and on objects, in every format.

    The claims: a partisan claim of ``low`` civilians against a wire's 50 (an
    error flag when ``low`` is well above 50).
    """
    claims = [
        claim("p", low, category="civilian"),
        claim("w", 50, category="unspecified", claimant="Reuters"),
    ]
    return {
        run(command, str(path), "-f", fmt, "--strict")[0]
        for path in as_table_and_objects(claims, folder, "strict")
        for fmt in ("csv", "json")
    }


class TestFlagCommand:
    def test_json(self) -> None:
        """JSON output is a list of flags with code, severity, claims and message."""
        code, out, _ = run("flag", SEEDS, "--format", "json")
        assert code == 0
        flags = json.loads(out)
        partisan = [f for f in flags if f["code"] == "partisan_enemy_claim"]
        assert partisan[0]["claims"] == ["003-02", "003-06"]
        assert {"code", "severity", "claims", "message"} <= set(flags[0])

    def test_table_and_csv(self) -> None:
        """The default table and the CSV name the same flags."""
        code, out, _ = run("flag", SEEDS)
        assert code == 0 and "partisan_enemy_claim" in out
        code, out, _ = run("flag", SEEDS, "--format", "csv")
        assert out.splitlines()[0].startswith("code,severity,claims,message")
        assert len(out.strip().splitlines()) == 8

    def test_strict(self, tmp_path: Path) -> None:
        """--strict exits 1 when an error flag is found, 0 otherwise."""
        path = tmp_path / "c.jsonl"
        write_claims(
            [
                claim("p", 90, category="civilian"),
                claim("w", 50, category="unspecified", claimant="Reuters"),
            ],
            path,
        )
        assert run("flag", str(path), "--strict")[0] == 1
        assert run("flag", str(path))[0] == 0
        assert run("flag", SEEDS, "--strict")[0] == 0

    @pytest.mark.parametrize(
        ("content", "needle"),
        [
            ('{"id": "a", "low": -3}\n', "line 1, claim 'a', field 'low'"),
            ('{"id": "a", "low": 3, "subject_side": "Armenia!"}\n', "field 'subject_side'"),
            ('{"id": "a", "low": "x"}\n', "field 'low'"),
            ('{"id": "a", "low": 3, "as_of": "2020-02-30"}\n', "field 'as_of'"),
            ('{"id": "a", "lo', "line 1"),
        ],
    )
    def test_bad_input(self, tmp_path: Path, content: str, needle: str) -> None:
        """Bad input exits 2 with the file, line and field."""
        path = tmp_path / "bad.jsonl"
        path.write_text(content, encoding="utf-8")
        code, _, err = run("flag", str(path))
        assert code == 2
        assert str(path) in err and needle in err

    def test_duplicate_ids_across_files(self, tmp_path: Path) -> None:
        """The same id in two files is bad input."""
        a, b = tmp_path / "a.jsonl", tmp_path / "b.csv"
        write_claims([claim("x", 1)], a)
        write_claims([claim("x", 2)], b)
        code, _, err = run("flag", str(a), str(b))
        assert code == 2 and "'x'" in err

    def test_help_shows_example(self) -> None:
        """Each command's help shows an example."""
        for command in ("flag", "reconcile", "attribute", "report", "convert", "extract"):
            code, out, _ = run(command, "--help")
            assert code == 0 and "Example: claimrecon " + command in out


class TestReconcileCommand:
    def test_json(self) -> None:
        """Estimates carry low/best/high, grade, as-of and the ids used and set aside."""
        code, out, _ = run("reconcile", SEEDS, "--format", "json")
        assert code == 0
        est = json.loads(out)
        military = [
            e
            for e in est
            if (e["side"], e["category"], e["outcome"], e["kind"])
            == ("armenia", "military", "killed", "cumulative")
        ]
        assert [(e["as_of"], e["best"], e["used"]) for e in military] == [
            ("2020-10-01", 80, ["003-06"]),
            ("2020-10-21", 772, ["001-02"]),
        ]
        aside = [e for e in est if "003-02" in e["set_aside"]]
        assert aside[0]["grade"] == "discounted"

    def test_policy_and_csv(self) -> None:
        """The policy is applied; CSV has one row per estimate."""
        code, out, _ = run("reconcile", SEEDS, "--policy", "conservative", "--format", "csv")
        assert code == 0
        lines = out.strip().splitlines()
        assert "low,best,high,grade" in lines[0]
        assert all(",conservative," in line for line in lines[1:])
        header = lines[0].split(",")
        assert "trace" not in header and {"used", "set_aside"} <= set(header)
        rows = list(csv.DictReader(io.StringIO(out)))
        assert any("003-06" in row["used"] for row in rows)  # the ids stay, the trace does not


class TestReconcileGed:
    def test_ged_estimates(self, tmp_path: Path) -> None:
        """--format ged writes the estimates of people killed as GED-like rows."""
        import csv

        out = tmp_path / "estimates.ged.csv"
        code, _, err = run("reconcile", SEEDS, "--format", "ged", "-o", str(out))
        assert code == 0, err
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert {"low", "best", "high"} <= set(rows[0])
        assert any(r["best"] == "772" for r in rows)
        assert run("reconcile", SEEDS, "--format", "ged")[0] == 2
        assert run("flag", SEEDS, "--format", "ged")[0] == 2


class TestAttributeCommand:
    def test_json(self) -> None:
        """Sources list their statements with the claims and chains that carried them."""
        code, out, _ = run("attribute", SEEDS, "--format", "json")
        sources = {s["source"]: s for s in json.loads(out)}
        assert code == 0
        assert sources["Nagorno-Karabakh"]["side"] == "armenia"
        assert ["Reuters"] in sources["Nagorno-Karabakh"]["statements"][0]["chains"]
        assert "Kompas.com" not in sources

    def test_echoes(self, tmp_path: Path) -> None:
        """Two outlets carrying one statement show as one source with an echo."""
        c = claim("a", 772, claimant="Nagorno-Karabakh")
        path = tmp_path / "c.jsonl"
        write_claims([c, c.republished("b", "Echo Daily")], path)
        _, out, _ = run("attribute", str(path), "--format", "json")
        (source,) = json.loads(out)
        assert source["statements"][0]["echoes"] == 1
        assert run("attribute", str(path))[0] == 0


class TestEmptyResults:
    @pytest.mark.parametrize(
        ("command", "columns"),
        [
            ("flag", FLAG_CSV_COLUMNS),
            ("reconcile", ESTIMATE_CSV_COLUMNS),
            ("attribute", ATTRIBUTION_CSV_COLUMNS),
        ],
    )
    @pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
    def test_header_of_every_column(
        self, tmp_path: Path, command: str, columns: tuple[str, ...], suffix: str
    ) -> None:
        """No claim gives a CSV file with its whole header, so a script can read its columns."""
        path = tmp_path / f"none{suffix}"
        write_claims([], path)
        code, out, _ = run(command, str(path), "--format", "csv")
        assert code == 0
        assert out.splitlines() == [",".join(columns)]
        assert next(csv.reader(io.StringIO(out))) == list(columns)


class TestConvertCommand:
    @pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".hxl.csv"])
    def test_round_trip(self, tmp_path: Path, suffix: str) -> None:
        """Seeds convert to each lossless format and read back unchanged."""
        target = tmp_path / f"seeds{suffix}"
        assert run("convert", SEEDS, str(target))[0] == 0
        assert read_claims(target) == read_claims(SEEDS)

    def test_nothing_written_on_bad_input(self, tmp_path: Path) -> None:
        """Bad input exits 2 and writes nothing."""
        bad = tmp_path / "bad.csv"
        bad.write_text("id,low\na,-1\n", encoding="utf-8")
        target = tmp_path / "out.jsonl"
        assert run("convert", str(bad), str(target))[0] == 2
        assert not target.exists()

    def test_binary_and_empty(self, tmp_path: Path) -> None:
        """A binary or empty CSV exits 2."""
        for content in (b"\x00\xff\xfe\x01", b""):
            path = tmp_path / "x.csv"
            path.write_bytes(content)
            assert run("convert", str(path), str(tmp_path / "y.jsonl"))[0] == 2


class TestReportCommand:
    def test_writes_report(self, tmp_path: Path) -> None:
        """The report command writes HTML, Markdown and charts."""
        code, _, err = run("report", SEEDS, "-o", str(tmp_path))
        assert code == 0
        assert (tmp_path / "report.html").is_file() and (tmp_path / "report.md").is_file()
        assert list((tmp_path / "charts").glob("*.png"))
        assert "wrote" in err

    def test_unknown_format(self, tmp_path: Path) -> None:
        """An unknown --from is bad input."""
        path = tmp_path / "c.jsonl"
        write_claims([Claim(id="a", figure=Figure.exact(1))], path)
        code, _, err = run("flag", str(path), "--from", "xlsx")
        assert code == 2 and "unknown format" in err

    @pytest.mark.parametrize("fmt", ["parquet", "arrow"])
    def test_table_format_named(self, tmp_path: Path, fmt: str) -> None:
        """--from and --to name a table format for a file whose suffix does not say it.

        The file is read as that format, never by its suffix: a JSON Lines file
        named as Parquet is an error, not read as JSON Lines.
        """
        table = tmp_path / "claims.dat"
        assert run("convert", SEEDS, str(table), "--to", fmt)[0] == 0
        code, out, err = run("flag", str(table), "--from", fmt)
        assert code == 0, err
        assert out == run("flag", SEEDS)[1]
        code, _, err = run("flag", SEEDS, "--from", fmt)
        assert_clean_error(code, err, f"not a readable {'ipc' if fmt == 'arrow' else fmt} file")


class TestExtractCommand:
    def test_english_passage(self, tmp_path: Path) -> None:
        """Extract reads an article file and writes claims with their evidence spans."""
        article = tmp_path / "story.txt"
        article.write_text(
            "Example Daily - 02/10/2020, 10:00 WIB\n\nThe health ministry said at least 12 "
            "civilians were killed in the shelling on Thursday.\n",
            encoding="utf-8",
        )
        out = tmp_path / "claims.jsonl"
        code, _, err = run("extract", str(article), "--lang", "en", "-o", str(out))
        assert code == 0, err
        (found,) = read_claims(out)
        assert (found.figure.low, found.figure.high, found.figure.qualifier) == (
            12,
            None,
            "at least",
        )
        assert found.subject.category.value == "civilian"
        span = found.evidence.span
        assert span is not None and "12" in article.read_text(encoding="utf-8")[span[0] : span[1]]

    def test_unreadable(self, tmp_path: Path) -> None:
        """A binary article is bad input: exit 2 naming the file."""
        article = tmp_path / "story.txt"
        article.write_bytes(b"\xff\xfe\x00bad")
        code, _, err = run("extract", str(article))
        assert code == 2 and "story.txt" in err


class TestTableFiles:
    @pytest.mark.parametrize("suffix", [".parquet", ".arrow"])
    def test_convert_and_flag(self, tmp_path: Path, suffix: str) -> None:
        """Parquet and Arrow files convert losslessly and are flagged like their JSONL."""
        target = tmp_path / f"seeds{suffix}"
        assert run("convert", SEEDS, str(target))[0] == 0
        assert read_claims(target) == read_claims(SEEDS)
        assert json.loads(run("flag", str(target), "-f", "json")[1]) == json.loads(
            run("flag", SEEDS, "-f", "json")[1]
        )

    def test_tables_go_to_the_engine(self, tmp_path: Path) -> None:
        """Several table files are flagged and reconciled as one set, without claim objects."""
        from claimrecon.columnar import claims_to_table, write_table

        seeds = read_claims(SEEDS)
        first, second = tmp_path / "a.parquet", tmp_path / "b.arrow"
        write_table(claims_to_table(seeds[:9]), first)
        write_table(claims_to_table(seeds[9:]), second)
        for command in ("flag", "reconcile"):
            code, out, _ = run(command, str(first), str(second), "-f", "json")
            assert code == 0
            assert json.loads(out) == json.loads(run(command, SEEDS, "-f", "json")[1])

    def test_bad_or_repeated_tables(self, tmp_path: Path) -> None:
        """A table file with a bad row, or two files sharing an id, exit 2 and say where."""
        import pyarrow as pa

        from claimrecon.columnar import claims_to_table, write_table

        seeds = read_claims(SEEDS)
        table = claims_to_table(seeds)
        bad = table.set_column(
            table.schema.get_field_index("low"),
            "low",
            pa.array([-1] + [c.figure.low for c in seeds[1:]], pa.int64()),
        )
        write_table(bad, tmp_path / "bad.parquet")
        code, _, err = run("flag", str(tmp_path / "bad.parquet"))
        assert code == 2 and "bad.parquet" in err and "low" in err
        write_table(table, tmp_path / "one.parquet")
        write_table(table, tmp_path / "two.parquet")
        files = [str(tmp_path / "one.parquet"), str(tmp_path / "two.parquet")]
        code, _, err = run("reconcile", *files)
        assert code == 2 and seeds[0].id in err


class TestFlagRecords:
    def test_same_as_the_converter(self) -> None:
        """Flag records are what the results converter makes of each flag, subject last."""
        from claimrecon import flag, load_seeds
        from claimrecon.columnar import synthetic_table
        from claimrecon.io.results import converter, flag_records

        flags = flag(load_seeds()) + flag(synthetic_table(3_000, seed=2))
        assert len(flags) > 100
        expected = []
        for f in flags:
            record = converter.unstructure(f)
            subject = record.pop("subject")
            keys = ("unit", "side", "category", "outcome")
            record["subject"] = None if subject is None else dict(zip(keys, subject, strict=True))
            record["claims"] = list(f.claims)
            expected.append(record)
        records = flag_records(flags)
        assert records == expected
        assert [list(r) for r in records] == [list(r) for r in expected]  # the keys' order too
        assert json.dumps(records) == json.dumps(expected)


class TestEstimateRecords:
    @pytest.mark.parametrize("trace", [True, False])
    def test_same_as_the_converter(self, trace: bool) -> None:
        """Estimate records are the converter's, with the ids used and set aside, keys in order.

        Without the trace, the record is the converter's of the estimate without
        its trace entries, the key dropped.
        """
        import attrs

        from claimrecon import load_seeds, reconcile
        from claimrecon.columnar import synthetic_table
        from claimrecon.io.results import converter, estimate_records

        estimates = reconcile(load_seeds()) + reconcile(synthetic_table(3_000, seed=2))
        assert len(estimates) > 100 and any(e.trace for e in estimates)
        expected = []
        for e in estimates:
            record = converter.unstructure(e if trace else attrs.evolve(e, trace=()))
            if not trace:
                del record["trace"]
            record["used"] = list(e.used)
            record["set_aside"] = list(e.set_aside)
            expected.append(record)
        records = estimate_records(estimates, trace=trace)
        assert records == expected
        assert [list(r) for r in records] == [list(r) for r in expected]
        assert json.dumps(records) == json.dumps(expected)


def assert_clean_error(code: int, err: str, *needles: str) -> None:
    """Exit 2 with the CLI's error, not a traceback: ``error: ...`` naming what is wrong.

    A bad-input error lists its bad records on indented lines beneath; nothing else.
    """
    assert code == 2, err
    lines = err.rstrip("\n").splitlines()
    assert lines[0].startswith("error: "), err
    assert all(line.startswith("  ") for line in lines[1:]), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a write left in ``folder`` or below."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


class TestCommandErrors:
    def test_huge_count_among_thousands(self, tmp_path: Path) -> None:
        """A count too large for claimrecon, in 2,500 claims, exits 2 with the error, every command.

        Above 2,000 claims flag and reconcile take the columnar engine, which
        refuses counts beyond 64 bits; the claim model may refuse it first.
        """
        path = tmp_path / "big.jsonl"
        rows = [
            {"id": f"c{i}", "low": 99999999999999999999 if i == 7 else i % 50 + 1}
            for i in range(2_500)
        ]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        report = tmp_path / "report"
        for args in (
            ["flag", str(path)],
            ["flag", str(path), "-f", "json"],
            ["reconcile", str(path)],
            ["reconcile", str(path), "-f", "csv"],
            ["report", str(path), "-o", str(report)],
        ):
            code, out, err = run(*args)
            assert_clean_error(code, err, "'c7'", "99999999999999999999")
            assert out == ""
        assert not report.exists()

    @pytest.mark.parametrize(
        ("target", "args"),
        [
            ("claimrecon.cli.flag", ["flag", SEEDS]),
            ("claimrecon.cli.reconcile", ["reconcile", SEEDS, "-f", "json"]),
            ("claimrecon.cli.flag", ["reconcile", SEEDS, "--strict"]),
            ("claimrecon.cli.attribute", ["attribute", SEEDS]),
            ("claimrecon.report.write_report", ["report", SEEDS, "-o", "unused"]),
        ],
    )
    def test_any_claimrecon_error(
        self, monkeypatch: pytest.MonkeyPatch, target: str, args: list[str]
    ) -> None:
        """Whatever raises a claimrecon error while a command runs, it exits 2 with its message."""
        from claimrecon.errors import FormatError, RecordError

        def refuse(*_: object, **__: object) -> None:
            raise FormatError(
                "<claims>", [RecordError(3, "low", "must fit a 64-bit integer", "c3")]
            )

        monkeypatch.setattr(target, refuse)
        code, _, err = run(*args)
        assert_clean_error(code, err, "<claims>", "claim 'c3'", "must fit a 64-bit integer")


class TestUnwritableOutput:
    @pytest.mark.parametrize(
        "args",
        [
            ["flag", SEEDS],
            ["flag", SEEDS, "-f", "json"],
            ["flag", SEEDS, "-f", "csv"],
            ["reconcile", SEEDS],
            ["reconcile", SEEDS, "-f", "json"],
            ["reconcile", SEEDS, "-f", "ged"],
            ["attribute", SEEDS],
            ["attribute", SEEDS, "-f", "csv"],
        ],
    )
    @pytest.mark.parametrize("where", ["folder", "under a file", "under a missing file"])
    def test_results(self, tmp_path: Path, args: list[str], where: str) -> None:
        """-o naming a folder, or a path under a file, exits 2 naming it and leaves nothing."""
        (tmp_path / "file.txt").write_text("mine\n", encoding="utf-8")
        output = {
            "folder": tmp_path,
            "under a file": tmp_path / "file.txt" / "out.txt",
            "under a missing file": tmp_path / "file.txt" / "more" / "out.txt",
        }[where]
        before = sorted(tmp_path.rglob("*"))
        code, out, err = run(*args, "-o", str(output))
        reason = "Is a directory" if where == "folder" else "Not a directory"
        assert_clean_error(code, err, f"cannot write {output}: {reason}")
        assert out == ""
        assert sorted(tmp_path.rglob("*")) == before
        assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "mine\n"

    @pytest.mark.parametrize("command", ["flag", "reconcile"])
    @pytest.mark.parametrize("fmt", ["csv", "json"])
    def test_from_columns(self, tmp_path: Path, command: str, fmt: str) -> None:
        """The columnar engine's writers fail the same way: exit 2, the path named, nothing left."""
        table, _ = as_table_and_objects(read_claims(SEEDS), tmp_path, "seeds")
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        code, _, err = run(command, str(table), "-f", fmt, "-o", str(out_dir))
        assert_clean_error(code, err, f"cannot write {out_dir}: Is a directory")
        assert list(tmp_path.rglob("*.tmp")) == [] and list(out_dir.iterdir()) == []

    def test_missing_place(self, tmp_path: Path) -> None:
        """A place where no file can be made (a missing folder in /proc) exits 2 naming it."""
        output = "/proc/claimrecon-no-such-place/flags.json"
        code, _, err = run("flag", SEEDS, "-f", "json", "-o", output)
        assert_clean_error(code, err, f"cannot write {output}")

    def test_convert(self, tmp_path: Path) -> None:
        """convert to a folder or under a file exits 2 naming the target; nothing is made."""
        (tmp_path / "file.txt").write_text("mine\n", encoding="utf-8")
        folder = tmp_path / "claims.jsonl"
        folder.mkdir()
        for target, reason in (
            (folder, "Is a directory"),
            (tmp_path / "file.txt" / "x.jsonl", "Not a directory"),
            (tmp_path / "file.txt" / "x.parquet", "Not a directory"),
        ):
            code, _, err = run("convert", SEEDS, str(target))
            assert_clean_error(code, err, f"cannot write {target}: {reason}")
        assert sorted(p.name for p in tmp_path.rglob("*")) == ["claims.jsonl", "file.txt"]

    def test_no_folder_left_by_a_failed_write(self, tmp_path: Path) -> None:
        """A write that fails leaves no file, and no folder made for it."""
        target = tmp_path / "new" / "deeper" / "seeds.ged.csv"  # GED holds the killed only
        code, _, err = run("convert", SEEDS, str(target))
        assert_clean_error(code, err, "GED counts the killed only")
        assert list(tmp_path.iterdir()) == []

    def test_existing_output_kept(self, tmp_path: Path) -> None:
        """A write that fails leaves the file already there as it was."""
        output = tmp_path / "flags.json"
        output.write_text("earlier\n", encoding="utf-8")
        code, _, _ = run("flag", SEEDS, "-f", "json", "-o", str(output / "x"))
        assert code == 2
        assert output.read_text(encoding="utf-8") == "earlier\n"
        assert leftovers(tmp_path) == []

    def test_report(self, tmp_path: Path) -> None:
        """report -o naming a file, or a folder whose charts/ is a file, exits 2 naming it."""
        file = tmp_path / "file.txt"
        file.write_text("mine\n", encoding="utf-8")
        code, _, err = run("report", SEEDS, "-o", str(file))
        assert_clean_error(code, err, f"cannot write {file}: Not a directory")
        folder = tmp_path / "report"
        folder.mkdir()
        (folder / "charts").write_text("mine\n", encoding="utf-8")
        code, _, err = run("report", SEEDS, "-o", str(folder))
        assert_clean_error(code, err, f"cannot write {folder}: Not a directory")
        assert sorted(p.name for p in folder.iterdir()) == ["charts"]  # no report half-written
        assert file.read_text(encoding="utf-8") == "mine\n"

    def test_report_chart_in_the_way(self, tmp_path: Path) -> None:
        """A folder where a chart goes exits 2 naming it; the earlier report stays whole."""
        assert run("report", SEEDS, "-o", str(tmp_path))[0] == 0
        before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
        chart = next(iter(sorted((tmp_path / "charts").glob("*.png"))))
        chart.unlink()
        chart.mkdir()
        del before[chart]
        code, _, err = run("report", SEEDS, "-o", str(tmp_path))
        assert_clean_error(code, err, f"cannot write {tmp_path}: Is a directory: {chart}")
        assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before

    def test_extract(self, tmp_path: Path) -> None:
        """extract -o naming a folder exits 2 naming it."""
        article = tmp_path / "story.txt"
        article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
        folder = tmp_path / "out.jsonl"
        folder.mkdir()
        code, _, err = run("extract", str(article), "--lang", "en", "-o", str(folder))
        assert_clean_error(code, err, f"cannot write {folder}: Is a directory")
        assert list(folder.iterdir()) == []


ENGLISH_ARTICLE = (
    "Example Daily - 02/10/2020, 10:00 WIB\n\nThe health ministry said at least 12 "
    "civilians were killed in the shelling on Thursday.\n"
)


class TestExtractFormats:
    @pytest.mark.parametrize("fmt", ["parquet", "arrow"])
    def test_binary_to_a_file(self, tmp_path: Path, fmt: str) -> None:
        """--to parquet or arrow writes that file with -o, whatever its suffix says."""
        article = tmp_path / "story.txt"
        article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
        for out in (tmp_path / f"claims.{fmt}", tmp_path / "claims.jsonl"):
            code, _, err = run("extract", str(article), "--lang", "en", "--to", fmt, "-o", str(out))
            assert code == 0, err
            (found,) = read_claims(out, format=fmt)
            assert found.figure.low == 12

    @pytest.mark.parametrize("fmt", ["parquet", "arrow"])
    def test_binary_not_to_the_screen(self, tmp_path: Path, fmt: str) -> None:
        """--to parquet or arrow without -o exits 2 saying to give a file; nothing is printed."""
        article = tmp_path / "story.txt"
        article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
        code, out, err = run("extract", str(article), "--lang", "en", "--to", fmt)
        assert_clean_error(code, err, f"--to {fmt}", "--output/-o")
        assert out == ""

    def test_text_formats_to_the_screen(self, tmp_path: Path) -> None:
        """--to csv prints CSV, the default JSON Lines; -o with --to writes that format."""
        article = tmp_path / "story.txt"
        article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
        code, out, _ = run("extract", str(article), "--lang", "en")
        assert code == 0 and json.loads(out.splitlines()[0])["low"] == 12
        code, out, _ = run("extract", str(article), "--lang", "en", "--to", "csv")
        assert code == 0 and out.splitlines()[0].startswith("id,")
        written = tmp_path / "claims.txt"
        code, _, err = run(
            "extract", str(article), "--lang", "en", "--to", "csv", "-o", str(written)
        )
        assert code == 0, err
        assert read_claims(written, format="csv")[0].figure.low == 12

    def test_unknown_format(self, tmp_path: Path) -> None:
        """An unknown --to exits 2 naming the option and the known formats, not a path."""
        article = tmp_path / "story.txt"
        article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
        code, out, err = run("extract", str(article), "--to", "xlsx")
        assert_clean_error(code, err, "--to", "'xlsx'", "jsonl, csv")
        assert out == "" and "tmp" not in err

    def test_help_names_the_formats(self) -> None:
        """The help says what --to takes, and that binary formats need -o."""
        code, out, _ = run("extract", "--help")
        assert code == 0
        assert "parquet" in out and "arrow" in out and "-o" in out
