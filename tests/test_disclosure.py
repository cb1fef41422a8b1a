"""A confidential case carrying a unique canary string reaches no output: not the release, the figures,
the report, the notebooks, nor any log."""

import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES
from tests.notebook_runs import run_notebook

CANARY = b"CONFIDENTIAL-CANARY-91c2e5"  # in tests/fixtures/countries/HUN.yaml, disclosure: confidential
ANON = b"ANON-CANARY-7f3a"  # the summary of an anonymised case: never published either


def test_the_fixture_really_carries_the_canary():
    assert CANARY in (FIXTURES / "countries" / "HUN.yaml").read_bytes()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    env = {**os.environ, "SOLIDARITY_DATA_DIR": str(FIXTURES), "SOLIDARITY_DATA_CACHE": str(out / "cache")}
    logs = b""
    for args in (["build", "--out", out / "release"],
                 ["figures", "--out", out / "figures", "--format", "html,svg", "--lang", "en,fr,es"],
                 ["validate", FIXTURES / "countries"]):
        r = subprocess.run([sys.executable, "-m", "solidarity_data", *map(str, args)], env=env, capture_output=True)
        assert r.returncode == 0, r.stderr
        logs += r.stdout + r.stderr
    import solidarity_data as sd
    from solidarity_data.report import build_report

    build_report(sd.load(FIXTURES), out / "report", log=lambda *_: None, figure_formats=("html",))
    old = os.environ.get("SOLIDARITY_DATA_DIR")
    os.environ["SOLIDARITY_DATA_DIR"] = str(FIXTURES)  # the notebook kernels inherit it
    try:
        for name in ("00_quickstart", "03_reprisals"):
            run_notebook(name, out / "notebooks", name, html=True)
    finally:
        if old is None:
            del os.environ["SOLIDARITY_DATA_DIR"]
        else:
            os.environ["SOLIDARITY_DATA_DIR"] = old
    (out / "logs.txt").write_bytes(logs)
    return out


def test_canary_in_no_output(outputs):
    files = [p for p in outputs.rglob("*") if p.is_file()]
    assert len(files) > 50
    for path in files:
        data = path.read_bytes()
        assert CANARY not in data, path
        assert ANON not in data, path


def test_the_notebooks_did_read_the_fixture_data(outputs):
    text = (outputs / "notebooks" / "03_reprisals.ipynb").read_text()
    assert "intimidation" in text  # the public fixture case is there; the confidential one is not


def test_the_cache_holds_no_confidential_or_anonymised_text(outputs):
    """The parsed-file cache lives outside the country files: confidential cases are never stored in it
    and anonymised ones only as published (country, year, types, target type)."""
    entries = list((outputs / "cache").glob("*.json"))
    assert entries, "the commands above filled the cache"
    for entry in entries:
        data = entry.read_bytes()
        assert CANARY not in data and ANON not in data and b"named-anon" not in data


def test_a_planted_cache_entry_is_never_executed_nor_trusted(tmp_path, monkeypatch):
    import json
    import pickle

    from solidarity_data import cache
    from solidarity_data.dataset import validate_paths

    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    key = cache.key((FIXTURES / "countries" / "DEU.yaml").read_bytes(), "DEU.yaml", cache.code_fingerprint())

    class Boom:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "PWNED"),))

    (tmp_path / f"{key}.pkl").write_bytes(pickle.dumps(Boom()))  # the old cache format: never read
    (tmp_path / f"{key}.json").write_text(json.dumps({"key": "someone-else", "file": {}}))  # wrong key: ignored
    problems, _, valid, _ = validate_paths([FIXTURES / "countries" / "DEU.yaml"])
    assert not problems and valid["DEU"].assessment.status == "assessed"
    assert not (tmp_path / "PWNED").exists()


def test_public_and_generated_case_ids_never_collide(tmp_path):
    """A public case whose coded id looks like a generated anonymised id keeps its own id, and the
    generated one cannot equal any coded id (coded ids have no underscore)."""
    import solidarity_data as sd

    text = (FIXTURES / "countries" / "HUN.yaml").read_text().replace("HUN-2019-public", "HUN-2020-anonymised-1")
    text = text.replace("  - id: HUN-2020-anonymised-1\n    year: 2019",
                        "  - id: HUN-2020-anonymised-1\n    year: 2020")
    (tmp_path / "HUN.yaml").write_text(text)
    cases = sd.load(tmp_path).cases
    assert cases.case_id.is_unique and len(cases) == 2
