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
    code, out, err = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--accept-conflicts")
    assert code == 0, err
    assert "added: HUN: instrument HUN-2020-fixture-new-law" in out
    assert "source added: HUN: HUN-2017-foreign-funded" in out
    assert sd.validate(data / "countries") == []
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    known = next(i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded")
    assert [s["kind"] for s in known["sources"]][-1] == "submission"
    assert len([i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded"]) == 1  # not duplicated


def test_cases_are_confidential_unless_publication_allowed(data):
    run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--accept-conflicts")
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    case = coded["cases"][-1]
    assert case["disclosure"] == "confidential" and "target_name" not in case
    assert all("Fixture Sender Org" not in str(s) for s in case["sources"])  # sender not named
    ds = sd.load(data)
    assert "SHEET-CONFIDENTIAL-CANARY" not in ds.cases.to_csv()


def test_public_submission_names_the_sender_and_anonymises_cases(data):
    code, out, _ = run("import-sheet", SHEETS / "submission-public.xlsx", "--data", data, "--accept-conflicts")
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


def test_conflicts_stop_the_import_unless_accepted(data):
    before = {p: p.read_bytes() for p in (data / "countries").iterdir()}
    code, _, err = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data)
    assert code == 1 and "summary: coded 'Fixture.', submission says 'Coded from the sheet.'" in err
    assert "--accept-conflicts" in err and "categories" not in err  # a subset of the coded categories agrees
    assert {p: p.read_bytes() for p in (data / "countries").iterdir()} == before


def test_conflicts_are_reported_and_nothing_is_overwritten(data, tmp_path):
    text = (data / "countries" / "HUN.yaml").read_text().replace("severity: 2\n    adopted: 2017-06-13",
                                                                 "severity: 1\n    adopted: 2017-06-13")
    (data / "countries" / "HUN.yaml").write_text(text)
    code, _, err = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--accept-conflicts")
    assert code == 0
    assert "conflict: HUN: HUN-2017-foreign-funded: severity: coded '1', submission says '2'" in err
    assert "adopted" not in err  # 2017 agrees with 2017-06-13
    coded = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())
    assert next(i for i in coded["instruments"] if i["id"] == "HUN-2017-foreign-funded")["severity"] == 1


def test_importing_twice_changes_nothing_more(data):
    run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--accept-conflicts")
    first = (data / "countries" / "HUN.yaml").read_text()
    code, out, _ = run("import-sheet", SHEETS / "submission-private.xlsx", "--data", data, "--accept-conflicts")
    assert code == 0 and "skipped: HUN: a case of this submission was imported before" in out
    assert (data / "countries" / "HUN.yaml").read_text() == first


# Each bad sheet: (sheet row, field, rule code) of a problem it must report.
BAD_EXPECTED = {
    "missing-tab.xlsx": (1, "cases", "missing-tab"),
    "missing-column.xlsx": (1, "instruments", "missing-column"),
    "unknown-column.xlsx": (1, "instruments!W", "unknown-column"),
    "formula-cell.xlsx": (2, "instruments!C", "formula"),
    "unknown-enum.xlsx": (2, "instruments!F direction", "unknown-value"),
    "unknown-country.xlsx": (2, "instruments!A iso3", "unknown-iso3"),
    "bad-date.xlsx": (2, "instruments!J adopted", "bad-date"),
    "no-publication-flag.xlsx": (1, "submission", "required"),
    "missing-source.xlsx": (2, "instruments!S source_url", "source-url-required"),
    "not-a-workbook.xlsx": (1, "file", "unreadable"),
    "csv-missing-file": (1, "cases", "missing-tab"),
}


@pytest.mark.parametrize("name", sorted(BAD_EXPECTED))
def test_bad_sheet_gives_a_clear_error_and_writes_nothing(data, name):
    from solidarity_data.sheets import SheetError, import_sheet

    before = {p: p.read_bytes() for p in (data / "countries").iterdir()}
    with pytest.raises(SheetError) as e:
        import_sheet(BAD / name, data / "countries")
    assert BAD_EXPECTED[name] in [(p.line, p.field, p.code) for p in e.value.problems], e.value.problems
    code, _, err = run("import-sheet", BAD / name, "--data", data)
    assert code == 1 and "nothing written" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in (data / "countries").iterdir()} == before


def test_script_in_a_title_is_kept_as_text_and_escaped_downstream(data):
    assert run("import-sheet", BAD / "script-in-title.xlsx", "--data", data)[0] == 0
    from solidarity_data.report import build_page

    page = build_page(sd.load(data), "en", {})
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
    code, out, err = run("import-sheet", sheet, "--data", data, "--accept-conflicts")
    assert code == 0, err
    checks = yaml.safe_load((data / "countries" / "HUN.yaml").read_text())["checks"]
    assert checks["security_offences"]["status"] == "coded"  # was not_checked
    assert "conflict: DEU: checks: security_offences: coded 'none_found'" in err
    assert sd.validate(data / "countries") == []


def _time(func):
    import time

    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def test_a_single_far_cell_cannot_exhaust_memory(tmp_path, data):
    """One cell at XFD1048576 (the last cell Excel has) made the reader expand a million rows × 16,384
    columns; the work is now bounded by the template's columns."""
    from openpyxl import load_workbook

    from solidarity_data.sheets import read_sheet

    sheet = BAD / "far-cell.xlsx"
    wb = load_workbook(sheet, read_only=True)
    assert wb["instruments"].max_row == 1_048_576 and wb["instruments"].max_column == 16_384
    wb.close()
    assert _time(lambda: read_sheet(sheet)) < 10


def test_too_many_rows_are_refused_in_seconds(tmp_path):
    from openpyxl import Workbook

    from solidarity_data.sheets import SheetError, read_sheet
    from solidarity_data.sheets.columns import MAX_ROWS
    from tests.fixtures.sheets.make_sheets import INSTRUMENT, build

    sheet = tmp_path / "many.xlsx"
    build(sheet, instruments=[dict(INSTRUMENT, title=f"Row {n}") for n in range(MAX_ROWS + 50)], cases=())
    with pytest.raises(SheetError) as e:
        read_sheet(sheet)
    assert [p.code for p in e.value.problems] == ["too-many-rows"]
    del Workbook


def test_rows_beyond_the_declared_dimension_are_read(tmp_path):
    """A workbook may declare A1:V1 and still hold rows below: the real extent is read."""
    import re
    import zipfile

    from solidarity_data.sheets import read_sheet
    from tests.fixtures.sheets.make_sheets import NEW_INSTRUMENT, build

    good = tmp_path / "good.xlsx"
    build(good, instruments=(NEW_INSTRUMENT,), cases=())
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(lying, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                body = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:A1"', body)
            dst.writestr(info, body)
    assert len(read_sheet(lying).rows["instruments"]) == 1


def test_array_formulas_are_refused(tmp_path, data):
    from openpyxl import load_workbook
    from openpyxl.worksheet.formula import ArrayFormula

    from solidarity_data.sheets import SheetError, read_sheet
    from tests.fixtures.sheets.make_sheets import NEW_INSTRUMENT, build

    sheet = tmp_path / "array.xlsx"
    build(sheet, instruments=(NEW_INSTRUMENT,), cases=())
    wb = load_workbook(sheet)
    wb["instruments"]["C2"] = ArrayFormula("C2", "=1+1")
    wb.save(sheet)
    with pytest.raises(SheetError) as e:
        read_sheet(sheet)
    assert (2, "instruments!C", "formula") in [(p.line, p.field, p.code) for p in e.value.problems]


def _empty_csv_sheet(tmp_path):
    """The English CSV template, unfilled, in a folder."""
    from solidarity_data.sheets import template_csv

    folder = tmp_path / "sheet"
    folder.mkdir()
    for name, text in template_csv("en").items():
        (folder / name).write_text(text)
    return folder


def test_an_oversized_csv_file_is_refused(tmp_path):
    from solidarity_data.sheets import SheetError, read_sheet
    from solidarity_data.sheets.reading import MAX_SHEET_BYTES

    folder = _empty_csv_sheet(tmp_path)
    with (folder / "cases.csv").open("a") as f:
        f.write("x" * (MAX_SHEET_BYTES + 1))
    with pytest.raises(SheetError) as e:
        read_sheet(folder)
    assert [p.code for p in e.value.problems] == ["too-large"]


def test_a_csv_cell_over_the_csv_module_limit_is_a_clear_error(tmp_path):
    from solidarity_data.sheets import SheetError, read_sheet

    folder = _empty_csv_sheet(tmp_path)
    with (folder / "instruments.csv").open("a") as f:
        f.write('HUN,,"' + "x" * 140_000 + '"\n')
    with pytest.raises(SheetError) as e:
        read_sheet(folder)
    assert [(p.line, p.code) for p in e.value.problems] == [(2, "too-long")]


def test_an_import_across_files_is_all_or_nothing(data, tmp_path, monkeypatch):
    import os

    from solidarity_data import files
    from tests.fixtures.sheets.make_sheets import NEW_INSTRUMENT, build

    deu = dict(NEW_INSTRUMENT, iso3="DEU", title="Fixture DEU law", title_en="Fixture DEU law")
    sheet = tmp_path / "two.xlsx"
    build(sheet, instruments=(NEW_INSTRUMENT, deu), cases=())
    before = {p: p.read_bytes() for p in (data / "countries").iterdir()}
    real = os.replace

    def fail_on_hun(src, dst):  # DEU is written first (sorted), then HUN fails
        if str(dst).endswith("HUN.yaml"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", fail_on_hun)
    code, _, err = run("import-sheet", sheet, "--data", data, "--accept-conflicts")
    monkeypatch.setattr(files.os, "replace", real)
    assert code == 1 and "No space left on device" in err
    assert {p: p.read_bytes() for p in (data / "countries").iterdir()} == before


@pytest.mark.parametrize("path", sorted((FIXTURES.parent.parent / "data" / "countries").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_country_file_round_trips_through_a_merge(path, tmp_path):
    """A merge adds what the sheet brings and leaves every other byte of the file as it was, and the
    file reads back the same through the one YAML dialect."""
    import difflib

    from solidarity_data.sheets.merge import MergeResult, _merge_country
    from solidarity_data.sheets.reading import Sheet
    from solidarity_data.yamlio import parse

    text = path.read_text(encoding="utf-8")
    old, _, problems = parse(text.encode(), path.name)
    assert not problems
    sheet = Sheet("roundtrip.xlsx", submission={"reference": "SUB-1", "publication_allowed": "no"})
    source = {"title": "Round-trip source: No, 12:30", "publisher": "Yes", "url": "https://example.org/rt",
              "kind": "ngo_report"}
    new = {"instruments": [], "cases": []}
    if old.get("instruments"):
        first = dict(old["instruments"][0])
        new["instruments"].append({**first, "sources": [source]})
    merged = _merge_country(old["iso3"], new, text, sheet, MergeResult())
    data, _, problems = parse(merged.encode(), path.name)
    assert not problems
    added = [line for line in difflib.ndiff(text.splitlines(True), merged.splitlines(True)) if line[:1] in "+-"]
    assert not [line for line in added if line.startswith("-")], "no byte of the file is changed or removed"
    if old.get("instruments"):
        assert data["instruments"][0]["sources"][-1] == source  # 'No', 'Yes' and '12:30' stay text
        assert {k: v for k, v in data.items() if k != "instruments"} == {k: v for k, v in old.items()
                                                                        if k != "instruments"}
