"""What an import loads: each part of claimrecon loads only what it needs.

Every check runs a fresh interpreter, since this process has imported
everything already.
"""

from __future__ import annotations

import importlib
import json
import textwrap
from pathlib import Path

import pytest

from tests.fresh import fresh_python


def run(code: str) -> object:
    """Run ``code`` in a fresh interpreter; it prints one JSON value, returned here."""
    return json.loads(fresh_python(code).stdout)


HEAVY = ("pint", "babel", "dateparser", "networkx", "polars", "pyarrow", "pandas")


def loaded(statement: str) -> dict[str, bool]:
    """Which of the heavy libraries and claimrecon modules ``statement`` loads."""
    names = [*HEAVY, "claimrecon.extract", "claimrecon.report", "claimrecon.io.hxl"]
    report = f"import json, sys\nprint(json.dumps({{n: n in sys.modules for n in {names!r}}}))"
    found = run(textwrap.dedent(statement) + "\n" + report)
    assert isinstance(found, dict)
    return found


class TestWhatLoads:
    def test_package_loads_nothing_heavy(self) -> None:
        """``import claimrecon`` loads no library and no part until a name is used."""
        assert not any(loaded("import claimrecon").values())

    def test_engine_without_pint(self) -> None:
        """The columnar engine loads polars, not pint, pyarrow, pandas or the extractor."""
        found = loaded("import claimrecon.columnar.engine")
        assert found["polars"]
        assert not found["pyarrow"] and not found["pandas"]
        assert not found["pint"] and not found["babel"] and not found["dateparser"]
        assert not found["claimrecon.extract"] and not found["claimrecon.report"]

    def test_columnar_package_loads_nothing_heavy(self) -> None:
        """``import claimrecon.columnar`` loads none of its parts until a name is used."""
        assert not any(loaded("import claimrecon.columnar").values())

    def test_engine_run_without_pyarrow(self, tmp_path: Path) -> None:
        """A canonical Parquet file is read, flagged and reconciled with polars alone."""
        files = [tmp_path / "synthetic.parquet", tmp_path / "seeds.parquet"]
        written = run(f"""
            import json
            from claimrecon import load_seeds
            from claimrecon.columnar import claims_to_table, synthetic_table, write_table
            write_table(synthetic_table(3_000, seed=3), {str(files[0])!r})
            write_table(claims_to_table(load_seeds()), {str(files[1])!r})
            print(json.dumps(True))
        """)
        assert written is True
        found = loaded(f"""
            import claimrecon
            from claimrecon.columnar.engine import flag_table, prepare_claims, reconcile_table
            from claimrecon.columnar.gate import read_checked_frame
            for path in {[str(f) for f in files]!r}:
                assert read_checked_frame(path) is not None, path  # the gate passes it
                prepared = prepare_claims(path)
                assert flag_table(prepared).to_flags()
                assert reconcile_table(prepared).to_estimates()
                assert flag_table(path).to_flags() == claimrecon.flag(path)
                assert reconcile_table(path).to_estimates() == claimrecon.reconcile(path)
        """)
        assert found["polars"]
        assert not found["pyarrow"] and not found["pandas"]
        assert not found["pint"] and not found["claimrecon.extract"]

    def test_model_without_pint(self) -> None:
        """Claims of every countable unit are built and compared without pint."""
        found = loaded("""
            from claimrecon import Figure, flag, reconcile, Claim
            from claimrecon.units import canonical_unit, is_equipment
            from tests.builders import claim
            for unit in ("people", "person", "tanks", "jet", "uav", "air_defence", "ship"):
                is_equipment(canonical_unit(unit))
            claims = [claim("k-1", 5), claim("k-2", Figure.between(3, 9)),
                      claim("k-3", Figure.exact(2, "tanks"), outcome="destroyed")]
            flag(claims), reconcile(claims)
            Figure.exact(2) + Figure.exact(3)
        """)
        assert not found["pint"]

    def test_registry_on_first_use(self) -> None:
        """``ureg`` is built when first asked for: one registry, however reached."""
        same = run("""
            import json, sys
            import claimrecon, claimrecon.units as units
            from claimrecon.figure import Figure
            before = "pint" in sys.modules
            low, _ = Figure.exact(3, "people").quantities
            print(json.dumps([before, claimrecon.ureg is units.ureg, low._REGISTRY is units.ureg,
                              units.Quantity is units.ureg.Quantity]))
        """)
        assert same == [False, True, True, True]


class TestPublicNames:
    @pytest.mark.parametrize("package", ["claimrecon", "claimrecon.columnar"])
    def test_every_name(self, package: str) -> None:
        """Each name of ``__all__`` is an attribute, listed by ``dir``, and from-importable.

        Both facades load a name from its module on first use, and give the
        module's own object; a name that is no module of the package is refused.
        """
        facade = importlib.import_module(package)
        assert set(facade._EXPORTS) == set(facade.__all__)
        missing = run(f"""
            import json, {package} as facade
            missing = [n for n in facade.__all__ if n not in dir(facade)]
            exec(f"from {package} import {{', '.join(facade.__all__)}}")
            for name in facade.__all__:
                module = __import__(facade._EXPORTS[name], fromlist=[name])
                if getattr(facade, name) is not getattr(module, name):
                    missing.append(name)
            if hasattr(facade, "no_such_module"):
                missing.append("no_such_module")
            print(json.dumps(missing))
        """)
        assert missing == []

    def test_functions_named_like_modules(self) -> None:
        """``claimrecon.compare`` is the function, even once its module is imported by name."""
        for first in ("import claimrecon.{0}", "from claimrecon.{0} import {0}", "pass"):
            kinds = run(f"""
                import json, types
                {first.format("compare")}
                {first.format("extract")}
                {first.format("reconcile")}
                import claimrecon
                import claimrecon.compare, claimrecon.extract, claimrecon.reconcile
                from claimrecon import compare, extract, reconcile
                print(json.dumps([
                    type(f).__name__
                    for f in (compare, extract, reconcile, claimrecon.compare,
                              claimrecon.extract, claimrecon.reconcile)
                ]))
            """)
            assert kinds == ["function"] * 6, first

    def test_columnar_submodules(self) -> None:
        """``claimrecon.columnar.engine`` is reached as an attribute before it is imported."""
        found = run("""
            import json, claimrecon.columnar as columnar
            print(json.dumps(callable(columnar.engine.flag_table)))
        """)
        assert found is True

    def test_schema_names(self) -> None:
        """``claimrecon.columnar.schema`` exports every name it did, the names from ``columns``."""
        found = run("""
            import json
            import claimrecon.columnar.columns as columns
            import claimrecon.columnar.schema as schema
            from claimrecon.io.rows import COLUMNS
            print(json.dumps([
                sorted(schema.__all__),
                [n for n in (*schema.__all__, "COLUMNS") if not hasattr(schema, n)],
                [n for n in columns.__all__ if getattr(schema, n, None) is not getattr(columns, n)],
                schema.CLAIM_SCHEMA.names == [*COLUMNS, "extra"] == [*columns.CLAIM_COLUMNS],
            ]))
        """)
        assert found == [
            [
                "BOOL_COLUMNS",
                "CLAIM_SCHEMA",
                "DATE_COLUMNS",
                "DICTIONARY_COLUMNS",
                "DICTIONARY_TYPE",
                "EXTRA_COLUMN",
                "INTEGER_COLUMNS",
                "LIST_COLUMNS",
                "LIST_TYPE",
                "RECORD_SCHEMA",
                "SCHEMA_VERSION",
                "TEXT_COLUMNS",
            ],
            [],
            [],
            True,
        ]

    def test_submodules_as_attributes(self) -> None:
        """``claimrecon.seeds`` and the other modules stay reachable as attributes."""
        ok = run("""
            import json, claimrecon
            print(json.dumps([callable(claimrecon.seeds.seeds_dir),
                              claimrecon.units.PEOPLE == "person",
                              not hasattr(claimrecon, "no_such_module")]))
        """)
        assert ok == [True, True, True]


class TestUnitMismatchError:
    def test_one_class(self) -> None:
        """However reached and however many threads ask first, there is one class."""
        ok = run("""
            import json, pickle, threading
            import claimrecon.errors as errors
            from pint.errors import DimensionalityError
            seen = []
            threads = [threading.Thread(target=lambda: seen.append(errors.UnitMismatchError))
                       for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            import claimrecon
            from claimrecon.errors import UnitMismatchError
            from claimrecon import Figure
            try:
                Figure.exact(1) + Figure.exact(1, "tank")
            except UnitMismatchError as err:
                caught = err
            again = pickle.loads(pickle.dumps(caught))
            print(json.dumps([
                all(cls is UnitMismatchError for cls in seen),
                claimrecon.UnitMismatchError is UnitMismatchError,
                type(caught) is UnitMismatchError and type(again) is UnitMismatchError,
                issubclass(UnitMismatchError, (claimrecon.ClaimReconError)),
                issubclass(UnitMismatchError, DimensionalityError),
                UnitMismatchError.__qualname__ == "UnitMismatchError",
                "UnitMismatchError" in dir(errors),
            ]))
        """)
        assert ok == [True] * 7
