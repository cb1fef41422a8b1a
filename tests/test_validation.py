"""Bad and hostile country files: each gives a clear `path:line: field: message`, exit 1, no traceback."""

import contextlib
import io
import subprocess
import sys

import pytest

from solidarity_data.cli import main

from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"
EXPECTED = {
    "unknown-iso-code": "QQQ.yaml:1: iso3: 'QQQ' is not an ISO 3166-1 alpha-3 code",
    "iso3-mismatch": "HUN.yaml:1: iso3: 'DEU' does not match the file name HUN.yaml",
    "bad-file-name": "hungary.yaml:1: file: file name 'hungary.yaml' should be <ISO3>.yaml",
    "unknown-enum": "HUN.yaml:9: instruments.0.instrument_type: unknown instrument_type 'statue'; expected one of:",
    "dates-out-of-order": "HUN.yaml:16: instruments.0.repealed: 2015 is before adopted 2017",
    "missing-source": "HUN.yaml:19: instruments.0.sources: at least one item is required",
    "malformed-url": "instruments.0.sources.0.url: expected a well-formed http(s) URL, got 'www.example.org'",
    "duplicate-id": "HUN.yaml:23: instruments.1.id: duplicate id 'HUN-2017-law' (first at line 6)",
    "malformed-yaml": "HUN.yaml:7: yaml: malformed YAML:",
    "alias-bomb": "HUN.yaml:2: yaml: malformed YAML: YAML aliases (*name) are not allowed",
    "unknown-field": "HUN.yaml:5: instrumnets: unknown field (typo?)",
    "not-a-mapping": "HUN.yaml:1: file: expected a mapping",
    "missing-assessment": "HUN.yaml:1: assessment: required field is missing",
    "bad-date": "HUN.yaml:15: instruments.0.adopted: '2017-13-40' is not a calendar date",
    "future-year": "HUN.yaml:15: instruments.0.adopted: year 2999 out of range",
    "repealed-without-date": "HUN.yaml:16: instruments.0.repealed: status is 'repealed' but no repealed date is given",
    "bill-in-force": "instruments.0.status: a bill must have status 'pending'",
    "facilitating-with-severity": "instruments.0.severity: must be empty when direction is 'facilitates'",
    "restricting-without-severity": "instruments.0.severity: required when direction is 'restricts'",
    "category-wrong-side": "instruments.0.categories: anti_slapp belong to the other side",
    "id-wrong-prefix": "instruments.0.id: 'DEU-2017-law' should start with HUN-",
    "id-bad-pattern": "instruments.0.id: 'HUN 2017 Law!' does not match the pattern",
    "case-unknown-instrument": "cases.0.instrument_ids: 'HUN-1999-nothing' is not an instrument in this file",
    "case-named-but-anonymised": "cases.0.target_name: a target may be named only in a 'public_record' case",
    "case-public-without-public-source": "cases.0.sources: a 'public_record' case needs a UN document or recognised-monitor source",
    "case-unknown-reprisal": "cases.0.reprisal_types.1: unknown reprisal_type 'lawfare'",
    "case-no-reprisal-type": "cases.0.reprisal_types: at least one item is required",
    "case-duplicate-type": "cases.0.reprisal_types: listed twice: closure",
    "empty-file": "HUN.yaml:1: file: expected a mapping",
    "tab-indentation": "HUN.yaml:3: yaml: malformed YAML:",
    "python-tag": "HUN.yaml:1: yaml: malformed YAML: could not determine a constructor",
    "non-utf8": "HUN.yaml:4: file: not UTF-8 text (byte 0xe9",
    "check-coded-without-instrument": "EGY.yaml:17: checks.security_offences.status: 'coded' but no instrument has a "
                                      "category of the family (national_security)",
    "check-none-found-with-instrument": "EGY.yaml:18: checks.travel_mobility.status: 'none_found' but "
                                        "EGY-2011-travel-order answers this family: mark it 'coded'",
    "check-missing-family": "EGY.yaml:11: checks: family 'humanitarian_exemptions' is missing",
    "check-unknown-source-key": "EGY.yaml:24: checks.regional_treaties.consulted: 'icnl' is not a key of the file's "
                                "consulted sources",
    "check-none-found-without-sources": "EGY.yaml:24: checks.regional_treaties.consulted: 'none_found' says what was "
                                        "searched",
    "history-one-way-link": "EGY.yaml:57: instruments.1.replaced_by: 'EGY-2019-ngo-law' does not list "
                            "'EGY-2017-ngo-law' in its replaces (links go both ways)",
    "history-unknown-successor": "EGY.yaml:38: instruments.0.replaced_by: 'EGY-2017-ngo-lav' is not an instrument in "
                                 "this file",
    "superseded-without-successor": "EGY.yaml:27: instruments.0.replaced_by: a superseded instrument names the "
                                    "instrument that replaced it",
    "status-in-force-with-end-date": "EGY.yaml:93: instruments.3.status: status is 'in_force' but an end date is given",
}


def run_validate(*paths):
    """Run `solidarity-data validate` in-process (an uncaught exception fails the test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", *map(str, paths)])
    return subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_file_gives_one_clear_line_and_exit_1(case):
    r = run_validate(BAD / case)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert EXPECTED[case] in r.stderr, r.stderr


def test_corpus_has_a_test_for_every_bad_folder():
    folders = {p.name for p in BAD.iterdir() if p.is_dir() and p.name != "sheets"}  # sheets: test_sheets.py
    assert folders == set(EXPECTED) | {"script-in-title", "formula-in-title"}  # these two are valid data
    assert len(folders) >= 30


def test_three_problems_in_one_record_give_three_lines(tmp_path):
    text = (BAD / "unknown-enum" / "HUN.yaml").read_text()
    text = text.replace("repealed: 2021", "repealed: 2016").replace(
        "    sources:\n      - {title: Fixture, publisher: Fixture, url: \"https://example.org/law\", kind: official}\n",
        "    sources: []\n")
    (tmp_path / "HUN.yaml").write_text(text)
    r = run_validate(tmp_path / "HUN.yaml")
    lines = [l for l in r.stderr.splitlines() if ": instruments.0." in l]
    assert r.returncode == 1 and len(lines) == 3, r.stderr
    assert any("instrument_type: unknown instrument_type 'statue'" in l for l in lines)
    assert any("sources: at least one item is required" in l for l in lines)
    assert any("repealed: 2016 is before adopted 2017" in l for l in lines)


def test_command_line_exit_code_and_no_traceback():
    r = subprocess.run([sys.executable, "-m", "solidarity_data", "validate", str(BAD / "dates-out-of-order")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "is before adopted 2017" in r.stderr


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "HUN.yaml"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    r = run_validate(big)
    assert r.returncode == 1 and "is larger than the 2,000,000-byte limit" in r.stderr


def test_all_problems_of_a_folder_are_reported_at_once():
    r = run_validate(BAD / "unknown-enum", BAD / "dates-out-of-order", BAD / "missing-source")
    assert r.returncode == 1 and r.stderr.count("HUN.yaml:") == 3
    assert "3 problem(s) in 3 file(s)" in r.stderr


def test_good_fixtures_validate():
    r = run_validate(FIXTURES / "countries", FIXTURES / "history")
    assert r.returncode == 0 and "ok: 4 file(s) valid" in r.stdout


def test_an_assessed_file_without_a_checklist_is_refused(tmp_path):
    text = (FIXTURES / "countries" / "DEU.yaml").read_text()
    (tmp_path / "DEU.yaml").write_text(text[: text.index("consulted:")])
    r = run_validate(tmp_path)
    assert r.returncode == 1 and "DEU.yaml:3: checks: an assessed file needs a checklist" in r.stderr
