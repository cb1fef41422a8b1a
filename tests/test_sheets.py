"""Coding sheets: template from the codebook, validated merge, disclosure, hostile sheets."""

import contextlib
import io
import shutil

import pytest
import yaml
from openpyxl import load_workbook

import solidarity_data as sd
from solidarity_data.cli import main
from tests.conftest import FIXTURES

SHEETS = FIXTURES / "sheets"
BAD = FIXTURES / "bad" / "sheets"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*map(str, args)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(tmp_path):
    """A copy of the fixture country files to merge into."""
    shutil.copytree(FIXTURES / "countries", tmp_path / "countries")
    return tmp_path


@pytest.mark.parametrize("lang,tab,header", [("en", "instruments", "Direction"), ("fr", "cas", "Type de cible"),
                                            ("es", "casos", "Tipo de destinatario")])
def test_template_labels_and_drop_downs_come_from_the_codebook(tmp_path, lang, tab, header):
    out = tmp_path / "t.xlsx"
    assert run("template", "--lang", lang, "--out", out)[0] == 0
    wb = load_workbook(out)
    assert header in [c.value for c in wb[tab][1]]
    lists = wb["lists"]
    column = next(col for col in lists.iter_cols(values_only=True) if col[0] == "direction")
    assert [v for v in column[1:] if v] == ["restricts", "facilitates", "mixed"]
    assert any(dv.formula1.startswith("lists!") for dv in wb[TAB_NAMES[lang]].data_validations.dataValidation)


TAB_NAMES = {"en": "instruments", "fr": "instruments", "es": "instrumentos"}


def test_csv_template(tmp_path):
    assert run("template", "--lang", "fr", "--out", tmp_path / "csv")[0] == 0
    assert (tmp_path / "csv" / "cases.csv").read_text().startswith("Pays (ISO3),Année")


def test_two_commands_from_template_to_merged_files(data):
    code, out, err = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    assert code == 0, err
    assert "added: HUN: instrument HUN-2020-fixture-new-law" in out
    assert "source added: HUN: HUN-2017-foreign-funded" in out
    assert sd.validate(data / "countries") == []
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    known = next(i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded")
    assert [s["kind"] for s in known["sources"]][-1] == "submission"
    assert len([i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded"]) == 1  # not duplicated


def test_cases_are_confidential_unless_publication_allowed(data):
    run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    case = coded["cases"][-1]
    assert case["disclosure"] == "confidential" and "target_name" not in case
    assert all("Fixture Sender Org" not in str(s) for s in case["sources"])  # sender not named
    ds = sd.load(data)
    assert "SHEET-CONFIDENTIAL-CANARY" not in ds.cases.to_csv()


def test_public_submission_names_the_sender_and_anonymises_cases(data):
    code, out, _ = run("import-sheet", SHEETS / "submission-public.xlsx", "--data", data)
    assert code == 0
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    assert coded["cases"][-1]["disclosure"] == "anonymised"
    assert "Fixture Sender Org" in str(coded["instruments"][-1]["sources"])


def test_dry_run_writes_nothing_and_hides_confidential_cases(data):
    before = (data / "countries" / "HUN.yaml").read_bytes()
    code, out, _ = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--dry-run")
    assert code == 0 and "+  - id: HUN-2020-fixture-new-law" in out and "dry run: nothing written" in out
    assert (data / "countries" / "HUN.yaml").read_bytes() == before
    assert "CANARY" not in out and "<confidential case hidden>" in out


def test_conflicts_are_reported_and_nothing_is_overwritten(data, tmp_path):
    text = (data / "countries" / "HUN.yaml").read_text().replace("severity: 2\n    adopted: 2017-06-13",
                                                                 "severity: 1\n    adopted: 2017-06-13")
    (data / "countries" / "HUN.yaml").write_text(text)
    code, _, err = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    assert code == 0
    assert "conflict: HUN: HUN-2017-foreign-funded: severity: coded '1', submission says '2'" in err
    assert "adopted" not in err  # 2017 agrees with 2017-06-13
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    assert next(i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded")["severity"] == 1


def test_importing_twice_changes_nothing_more(data):
    run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    first = (data / "countries" / "HUN.yaml").read_text()
    code, out, _ = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    assert code == 0 and "skipped: HUN: a case of this submission was imported before" in out
    assert (data / "countries" / "HUN.yaml").read_text() == first


BAD_EXPECTED = {
    "missing-tab.xlsx": "missing tab 'cases'",
    "missing-column.xlsx": "instruments: missing column 'Direction' (direction)",
    "unknown-column.xlsx": "instruments!W1: unknown column 'Colour'",
    "formula-cell.xlsx": "instruments!C2: formulas are not accepted",
    "unknown-enum.xlsx": "instruments!row 2: column F 'Direction': unknown direction 'restrict'",
    "unknown-country.xlsx": "instruments!row 2: iso3: 'QQQ' is not an ISO 3166-1 alpha-3 code",
    "bad-date.xlsx": "column J 'Adopted': '2017-13-01' is not a calendar date",
    "no-publication-flag.xlsx": "'Publication allowed (yes/no)' (publication_allowed) is required",
    "missing-source.xlsx": "column S 'Source URL': at least one source needs a URL",
    "not-a-workbook.xlsx": "not a readable .xlsx workbook",
    "csv-missing-file": "missing tab 'cases'",
}


@pytest.mark.parametrize("name", sorted(BAD_EXPECTED))
def test_bad_sheet_gives_a_clear_error_and_writes_nothing(data, name):
    before = {p: p.read_bytes() for p in (data / "countries").iterdir()}
    code, _, err = run("import-sheet", BAD / name, "--data", data)
    assert code == 1 and BAD_EXPECTED[name] in err and "Traceback" not in err, err
    assert "nothing written" in err
    assert {p: p.read_bytes() for p in (data / "countries").iterdir()} == before


def test_script_in_a_title_is_kept_as_text_and_escaped_downstream(data):
    assert run("import-sheet", BAD / "script-in-title.xlsx", "--data", data)[0] == 0
    from solidarity_data.report import build_page

    page = build_page(sd.load(data), "en", [])
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_oversized_sheet_is_refused(tmp_path, data):
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(6_000_000)
    code, _, err = run("import-sheet", big, "--data", data)
    assert code == 1 and "larger than the 5,000,000-byte limit" in err


def test_bad_corpus_is_large_enough():
    yaml_cases = [p for p in (FIXTURES / "bad").iterdir() if p.is_dir() and p.name != "sheets"]
    assert len(yaml_cases) + len(BAD_EXPECTED) + 1 >= 30  # +1: script-in-title sheet


def test_a_submitted_instrument_marks_its_law_family_coded(data, tmp_path):
    from tests.fixtures.sheets.make_sheets import NEW_INSTRUMENT, build

    hun = dict(NEW_INSTRUMENT, title="Fixture security law", title_en="Fixture security law",
               categories="national_security")
    deu = dict(hun, iso3="DEU", title="Fixture DEU security law", title_en="Fixture DEU security law")
    sheet = tmp_path / "families.xlsx"
    build(sheet, instruments=(hun, deu), cases=())
    code, out, err = run("import-sheet", sheet, "--data", data)
    assert code == 0, err
    checks = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())["checks"]
    assert checks["security_offences"]["status"] == "coded"  # was not_checked
    assert "conflict: DEU: checks: security_offences: coded 'none_found'" in err
    assert sd.validate(data / "countries") == []
