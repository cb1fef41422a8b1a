"""A confidential case carrying a unique canary string reaches no output: not the release, the figures,
the report, the notebooks, nor any log."""

import os
import subprocess
import sys

import pytest

from solidarity_data.notebooks import run_notebook
from tests.conftest import FIXTURES

CANARY = b"CONFIDENTIAL-CANARY-91c2e5"  # in tests/fixtures/countries/HUN.yaml, disclosure: confidential
ANON = b"ANON-CANARY-7f3a"  # the summary of an anonymised case: never published either


def test_the_fixture_really_carries_the_canary():
    assert CANARY in (FIXTURES / "countries" / "HUN.yaml").read_bytes()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("outputs")
    env = {**os.environ, "SOLIDARITY_DATA_DIR": str(FIXTURES)}
    logs = b""
    for args in (["build", "--out", out / "release"],
                 ["figures", "--out", out / "figures", "--format", "html,svg", "--lang", "en,fr,es"],
                 ["validate", FIXTURES / "countries"]):
        r = subprocess.run([sys.executable, "-m", "solidarity_data", *map(str, args)], env=env, capture_output=True)
        assert r.returncode == 0, r.stderr
        logs += r.stdout + r.stderr
    from solidarity_data.report import build_report

    import solidarity_data as sd

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
