"""Release files: CSV, XLSX and datapackage.json (on fixtures and on a hostile title), and how they are written."""

import json
import shutil

import pytest
from openpyxl import load_workbook

from solidarity_data.cli import main
from solidarity_data.files import atomic_path, atomic_write
from solidarity_data.release import neutralise_formula
from tests.conftest import FIXTURES

TABLES = ["countries", "instruments", "instrument_categories", "instrument_years", "checks", "cases", "case_types",
          "country_year", "sources"]


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    assert main(["build", "--data", str(FIXTURES), "--out", str(out)]) == 0
    return out


def test_release_contract_columns(release):
    import pandas as pd

    inst = pd.read_csv(release / "instruments.csv")
    assert {"instrument_id", "iso3", "country", "title", "title_en", "instrument_type", "direction", "question",
            "categories", "severity", "adopted_year", "in_force_year", "repealed_year", "status", "source_urls",
            "verification"} <= set(inst.columns)
    cases = pd.read_csv(release / "cases.csv")
    assert {"case_id", "iso3", "year", "reprisal_types", "target_type", "themes", "instrument_ids", "disclosure",
            "source_urls"} <= set(cases.columns)
    cy = pd.read_csv(release / "country_year.csv")
    assert {"iso3", "year", "restrictive_in_force", "facilitating_in_force", "max_severity", "restriction_index",
            "restriction_class", "facilitation_index", "facilitation_class", "public_cases"} <= set(cy.columns)
    countries = pd.read_csv(release / "countries.csv", keep_default_na=False)
    assert {"iso3", "iso2", "numeric", "name_en", "name_fr", "name_es", "un_member", "un_observer", "region",
            "subregion", "intermediate_region", "assessment_status"} <= set(countries.columns)
    assert inst.set_index("instrument_id").at["HUN-2017-foreign-funded", "categories"] == (
        "foreign_funding;foreign_agent;reporting_audit_burden")


def test_datapackage_is_valid_frictionless(release):
    from frictionless import Package

    report = Package(str(release / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    desc = json.loads((release / "datapackage.json").read_text())
    assert [r["name"] for r in desc["resources"]] == TABLES
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"
    fields = {f["name"]: f for f in desc["resources"][1]["schema"]["fields"]}
    assert fields["direction"]["constraints"]["enum"] == ["restricts", "facilitates", "mixed"]


def test_confidential_canary_in_no_release_file(release):
    for f in release.iterdir():
        assert b"CONFIDENTIAL-CANARY" not in f.read_bytes(), f.name
        assert b"ANON-CANARY" not in f.read_bytes(), f.name


def test_the_coders_working_log_stays_in_the_country_files(release):
    assert "CODER-LOG-MARKER" in (FIXTURES / "countries" / "HUN.yaml").read_text()
    for f in release.iterdir():
        assert b"CODER-LOG-MARKER" not in f.read_bytes(), f.name


def test_two_builds_are_byte_identical(release, tmp_path):
    import time

    time.sleep(1.1)  # a different second: zip member times and workbook metadata must not follow the clock
    assert main(["build", "--data", str(FIXTURES), "--out", str(tmp_path / "again")]) == 0
    for name in [f"{t}.csv" for t in TABLES] + ["datapackage.json", "solidarity_data.xlsx"]:
        assert (tmp_path / "again" / name).read_bytes() == (release / name).read_bytes(), name


def test_a_failed_rebuild_leaves_the_previous_release_whole(release, tmp_path, monkeypatch):
    import solidarity_data.release as rel

    out = tmp_path / "release"
    assert main(["build", "--data", str(FIXTURES), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rel, "to_xlsx_bytes", boom)  # fails after the CSV files are written
    assert main(["build", "--data", str(FIXTURES), "--out", str(out)]) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["release"]  # no temporary folder left behind


def test_build_refuses_to_replace_a_folder_it_did_not_write(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["build", "--data", str(FIXTURES), "--out", str(tmp_path)]) == 1
    assert "holds files this command did not write" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_out_naming_a_file_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["build", "--data", str(FIXTURES), "--out", str(tmp_path / "file")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_writing_several_files_is_all_or_nothing(tmp_path, monkeypatch):
    import os

    from solidarity_data import files

    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("old a")
    b.write_text("old b")
    real = os.replace

    def fail_second(src, dst):
        if str(dst).endswith("b.yaml"):
            raise OSError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", fail_second)
    with pytest.raises(OSError):
        files.atomic_write_many({a: "new a", b: "new b"})
    monkeypatch.setattr(files.os, "replace", real)
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_formulas_are_written_as_text(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "bad" / "formula-in-title" / "HUN.yaml", data / "HUN.yaml")
    out = tmp_path / "out"
    assert main(["build", "--data", str(data), "--out", str(out)]) == 0
    assert "'=HYPERLINK(" in (out / "instruments.csv").read_text()
    ws = load_workbook(out / "solidarity_data.xlsx")["instruments"]
    cell = next(c for c in ws["D"] if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_neutralise_formula():
    assert neutralise_formula("=1+1") == "'=1+1"
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula("Act No. 1") == "Act No. 1"
    assert neutralise_formula(3) == 3
    # French and Spanish Excel split on ";": no part may start a formula under either separator
    assert neutralise_formula("Act;=1+1") == "Act;'=1+1"
    assert neutralise_formula("=A1;@SUM(B1)") == "'=A1;'@SUM(B1)"


def test_atomic_write_leaves_nothing_half_done(tmp_path):
    target = tmp_path / "table.csv"
    atomic_write(target, "old\n")

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise Boom
    assert target.read_text() == "old\n" and list(tmp_path.iterdir()) == [target]


def test_build_with_bad_data_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--data", str(FIXTURES / "bad" / "unknown-enum"), "--out", str(out)]) == 1
    assert not out.exists()
    assert "unknown instrument_type 'statue'" in capsys.readouterr().err


def test_load_is_light():
    import subprocess
    import sys

    code = ("import sys, solidarity_data as sd; sd.load(); "
            "print(sorted(m for m in ('plotly', 'geopandas', 'kaleido') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
