"""Seals: Parquet files write_table checked and sealed, read again without a second check."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimrecon import Claim, FormatError, flag, load_seeds, reconcile
from claimrecon.columnar import claims_to_table, read_table, synthetic_table, write_table
from claimrecon.columnar import gate as gate_module
from claimrecon.columnar import seal as seal_module
from claimrecon.columnar.engine import prepare_claims
from claimrecon.columnar.gate import read_checked_frame
from claimrecon.columnar.seal import BLANK, RULES, SEAL_KEY, is_sealed
from claimrecon.errors import ArgumentError
from tests.strategies import claim_lists

file_settings = settings(max_examples=max(10, settings.default.max_examples // 2))


def seal_of(path: Path) -> str | None:
    value = pq.read_metadata(path).metadata.get(SEAL_KEY.encode())
    return None if value is None else value.decode()


def sealed_file(folder: Path, claims: list[Claim] | None = None) -> Path:
    path = folder / "claims.parquet"
    write_table(claims_to_table(load_seeds() if claims is None else claims), path)
    return path


def with_low(table: pa.Table, row: int, low: int) -> pa.Table:
    """``table`` with one claim's ``low`` set (a negative one breaks a rule)."""
    lows = table.column("low").to_pylist()
    lows[row] = low
    return table.set_column(table.schema.get_field_index("low"), "low", pa.array(lows))


def forged(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds with a bad cell, written with a seal: write_table told the gate passes them."""
    with monkeypatch.context() as patch:
        patch.setattr("claimrecon.columnar.gate.checked_file", lambda *a, **k: pl.DataFrame())
        write_table(with_low(claims_to_table(load_seeds()), 2, -5), path)
    return path


def rewritten(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


class TestWrite:
    def test_seeds_are_sealed(self, tmp_path: Path) -> None:
        """write_table seals a valid file: a seal of the current rules, a SHA-256 in hex."""
        path = sealed_file(tmp_path)
        assert is_sealed(path)
        value = seal_of(path)
        assert value is not None and value.startswith(f"rules-{RULES}:sha256:")
        assert len(value) == len(BLANK) and all(c in "0123456789abcdef" for c in value[-64:])

    @file_settings
    @given(claim_lists(max_size=5))
    def test_any_claims_are_sealed(self, claims: list[Claim]) -> None:
        """Any valid claims are sealed, and read through the seal as through the rules."""
        with tempfile.TemporaryDirectory() as folder:
            path = sealed_file(Path(folder), claims)
            assert is_sealed(path)
            frame = read_checked_frame(path)
            assert frame is not None
            assert frame.equals(read_checked_frame(path, trust_seal=False))

    def test_an_invalid_table_is_not_sealed(self, tmp_path: Path) -> None:
        """A table the gate does not pass is written as it is, with a blank seal, and reported."""
        path = tmp_path / "bad.parquet"
        write_table(with_low(claims_to_table(load_seeds()), 2, -5), path)
        assert seal_of(path) == BLANK
        assert not is_sealed(path)
        with pytest.raises(FormatError, match="low"):
            prepare_claims(path)

    def test_not_canonical_is_not_sealed(self, tmp_path: Path) -> None:
        """A valid table that needs normalizing (counts as int32) is not sealed, and still read."""
        table = claims_to_table(load_seeds())
        narrow = table.set_column(
            table.schema.get_field_index("low"), "low", table.column("low").cast(pa.int32())
        )
        path = tmp_path / "narrow.parquet"
        write_table(narrow, path)
        assert not is_sealed(path)
        assert len(flag(path)) == len(flag(load_seeds()))

    def test_arrow_ipc_has_no_seal(self, tmp_path: Path) -> None:
        """Only Parquet files are sealed; an Arrow IPC file is read and checked as before."""
        path = tmp_path / "claims.arrow"
        write_table(claims_to_table(load_seeds()), path)
        assert not is_sealed(path)
        assert read_table(path).num_rows == len(load_seeds())

    def test_batches(self, tmp_path: Path) -> None:
        """Tables of one schema are written one after another as one sealed file."""
        whole = synthetic_table(2_500, seed=3)
        one, many = tmp_path / "one.parquet", tmp_path / "many.parquet"
        write_table(whole, one)
        write_table((whole.slice(start, 1_000) for start in range(0, 2_500, 1_000)), many)
        assert is_sealed(one) and is_sealed(many)
        assert pq.ParquetFile(many).num_row_groups == 3
        assert read_table(many).equals(read_table(one))

    def test_batches_of_two_schemas(self, tmp_path: Path) -> None:
        """Tables of different schemas are refused, naming both, and nothing is left behind."""
        whole = synthetic_table(10, seed=3)
        path = tmp_path / "claims.parquet"
        with pytest.raises(ArgumentError, match="one schema"):
            write_table([whole, whole.drop_columns(["note"])], path)
        assert list(tmp_path.iterdir()) == []

    def test_no_tables(self, tmp_path: Path) -> None:
        """No table at all writes an empty file of claims, sealed."""
        path = tmp_path / "claims.parquet"
        write_table([], path)
        assert is_sealed(path)
        assert read_table(path).num_rows == 0


class TestChange:
    @file_settings
    @given(st.data())
    def test_any_byte_changed(self, data: st.DataObject) -> None:
        """A change to any one byte of a sealed file, data or footer, breaks its seal."""
        with tempfile.TemporaryDirectory() as folder:
            path = sealed_file(Path(folder), load_seeds()[:5])
            original = path.read_bytes()
            at = data.draw(st.integers(0, len(original) - 1), label="byte")
            flip = data.draw(st.integers(1, 255), label="xor")
            changed = bytearray(original)
            changed[at] ^= flip
            assert not is_sealed(rewritten(path, bytes(changed)))
            assert is_sealed(rewritten(path, original))

    def test_cut_or_grown(self, tmp_path: Path) -> None:
        """A file cut short, or with bytes before it, is not sealed."""
        path = sealed_file(tmp_path)
        original = path.read_bytes()
        assert not is_sealed(rewritten(path, original[:-1]))
        assert not is_sealed(rewritten(path, original[1:]))
        assert not is_sealed(rewritten(path, b"PAR1" + original))

    def test_a_changed_row_is_checked_again(self, tmp_path: Path) -> None:
        """A sealed file written again by another program, with a bad cell, is reported."""
        path = sealed_file(tmp_path)
        # written by pyarrow: the seal is carried over, and no longer verifies
        pq.write_table(with_low(pq.read_table(path), 0, -1), path)
        assert seal_of(path) is not None
        assert not is_sealed(path)
        with pytest.raises(FormatError, match="low"):
            prepare_claims(path)

    def test_the_same_table_written_again(self, tmp_path: Path) -> None:
        """Written again by write_table, the same claims are sealed again."""
        path = sealed_file(tmp_path)
        write_table(read_table(path), path)
        assert is_sealed(path)

    def test_other_rules(self, tmp_path: Path) -> None:
        """A seal of other rules is not trusted, however it was made."""
        path = sealed_file(tmp_path)
        data = path.read_bytes()
        other = data.replace(f"rules-{RULES}:".encode(), f"rules-{RULES + 1}:".encode())
        assert other != data
        assert not is_sealed(rewritten(path, other))

    def test_seal_like_text_in_the_footer(self, tmp_path: Path) -> None:
        """A footer holding seal-like text besides the seal (a column's statistics) is not sealed.

        The file is valid: the engine reads it through the gate's rules instead.
        """
        claims = load_seeds()
        odd = claims[0].evolve(note=f"rules-{RULES}:sha256:{'0' * 64}")
        path = sealed_file(tmp_path, [odd, *claims[1:]])
        assert not is_sealed(path)
        assert read_checked_frame(path) is not None
        assert flag(path) == flag([odd, *claims[1:]])

    def test_not_parquet(self, tmp_path: Path) -> None:
        """Anything that is not a Parquet file is not sealed, and no error is raised."""
        assert not is_sealed(tmp_path / "absent.parquet")
        assert not is_sealed(rewritten(tmp_path / "short.parquet", b"PAR1"))
        assert not is_sealed(rewritten(tmp_path / "text.parquet", b"id,low\na,3\n" * 10))
        assert not is_sealed(tmp_path)

    def test_a_forged_seal_is_trusted_by_the_gate_only(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A seal is a checksum, not a signature: a forged one passes the gate, never read_table.

        (What the seal module says of itself: files from a source not trusted
        are read with read_table, which checks every row whatever the seal.)
        """
        path = forged(tmp_path / "forged.parquet", monkeypatch)
        assert is_sealed(path)
        assert read_checked_frame(path) is not None
        with pytest.raises(FormatError, match="low"):
            read_table(path)


class TestEngine:
    def test_same_answers(self, tmp_path: Path) -> None:
        """Flags and estimates of a sealed file are those of the same file checked in full."""
        path = sealed_file(tmp_path, synthetic_table_claims())
        assert is_sealed(path)
        sealed = (flag(path), reconcile(path))
        plain = tmp_path / "plain.parquet"
        pq.write_table(pq.read_table(path).replace_schema_metadata({}), plain)
        assert seal_of(plain) is None
        assert (flag(plain), reconcile(plain)) == sealed

    def test_repeated_ids_are_sealed_never(self, tmp_path: Path) -> None:
        """Claims with a repeated id are not sealed; the engine names the id."""
        claims = load_seeds()
        path = tmp_path / "twice.parquet"
        write_table(claims_to_table([*claims, claims[0]]), path)
        assert not is_sealed(path)
        with pytest.raises(FormatError):
            prepare_claims(path)


def synthetic_table_claims() -> list[Claim]:
    from claimrecon.columnar import table_to_claims

    return table_to_claims(synthetic_table(400, seed=9))


def test_digest_reads_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest is the same read a few bytes at a time as read whole."""
    path = sealed_file(tmp_path)
    monkeypatch.setattr(seal_module, "_CHUNK", 7)
    assert is_sealed(path)


#: the gate's rules by name under each version of the rules a seal names (see seal.RULES):
#: 2 added the largest count; 3 changed a rule's meaning only (an extra named like a field)
RULE_NAMES = {1: "8694b92a21f0a544", 2: "14eacc29870f84e3", 3: "14eacc29870f84e3"}


def test_rules_are_versioned() -> None:
    """A rule added, dropped or renamed in the gate goes with a new seal.RULES.

    A file sealed under the old rules is then checked again.  (A rule whose
    meaning changes under the same name needs the same: this test cannot see it.)
    """
    from claimrecon.columnar import gate

    names = sorted(
        [
            *gate._ENGINE_RULES,
            gate._UNIQUE_IDS.meta.output_name(),
            *gate._OTHER_RULES,
            *(f"values of {n}" for n in gate._VALUE_RULES),
            "as_of is not after publication",
        ]
    )
    digest = hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]
    assert RULE_NAMES.get(RULES) == digest, "the gate's rules changed: raise seal.RULES"


def test_a_file_changed_while_read_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sealed file replaced while the gate reads it is checked in full, not trusted.

    The file here carries a forged seal over a bad cell; it is replaced (with
    the same bytes) between the seal's check and the read, and the gate then
    checks its rules and leaves the file to the exact path.
    """
    path = forged(tmp_path / "claims.parquet", monkeypatch)
    assert is_sealed(path) and read_checked_frame(path) is not None  # the forged seal holds

    def replaced_meanwhile(file: Path) -> bool:
        data = file.read_bytes()
        copy = file.with_name("copy.parquet")
        copy.write_bytes(data)
        copy.replace(file)  # a new file renamed into place, as writers do
        return is_sealed(file)

    monkeypatch.setattr("claimrecon.columnar.gate.is_sealed", replaced_meanwhile)
    assert read_checked_frame(path) is None


def test_a_valid_file_changed_while_read_passes_its_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sealed, valid file replaced while the gate reads it passes the gate by its rules.

    The seal no longer vouches for what is read, so every rule runs; the frame
    is the one the seal would have given.
    """
    path = sealed_file(tmp_path)
    by_seal = read_checked_frame(path)
    checks = []

    def replaced_meanwhile(file: Path) -> bool:
        copy = file.with_name("copy.parquet")
        copy.write_bytes(file.read_bytes())
        copy.replace(file)  # a new file renamed into place, as writers do
        return is_sealed(file)

    def counted(*args: object, **options: object) -> list[str]:
        checks.append(args)
        return broken_rules(*args, **options)

    broken_rules = gate_module._broken_rules
    monkeypatch.setattr(gate_module, "is_sealed", replaced_meanwhile)
    monkeypatch.setattr(gate_module, "_broken_rules", counted)
    frame = read_checked_frame(path)
    assert len(checks) == 1  # checked in full, once
    assert by_seal is not None and frame is not None and frame.equals(by_seal)
