"""Bad and hostile country files: each gives a clear `path:line: field: message`, exit 1, no traceback."""

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from solidarity_data.cli import main
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"
# Each bad file: (file:line, field, rule code) of the one problem it must report. Tests assert codes and
# positions, not English wording.
EXPECTED = {
    "unknown-iso-code": ("QQQ.yaml:1", "iso3", "unknown-iso3"),
    "iso3-mismatch": ("HUN.yaml:1", "iso3", "iso3-file-name"),
    "bad-file-name": ("hungary.yaml:1", "file", "file-name"),
    "unknown-enum": ("HUN.yaml:9", "instruments.0.instrument_type", "unknown-value"),
    "dates-out-of-order": ("HUN.yaml:16", "instruments.0.repealed", "date-order"),
    "missing-source": ("HUN.yaml:19", "instruments.0.sources", "empty-list"),
    "malformed-url": ("HUN.yaml:20", "instruments.0.sources.0.url", "bad-url"),
    "proxied-url": ("HUN.yaml:20", "instruments.0.sources.0.url", "proxied-url"),
    "duplicate-id": ("HUN.yaml:23", "instruments.1.id", "duplicate-id"),
    "malformed-yaml": ("HUN.yaml:7", "yaml", "yaml"),
    "alias-bomb": ("HUN.yaml:2", "yaml", "yaml"),
    "unknown-field": ("HUN.yaml:5", "instrumnets", "unknown-field"),
    "not-a-mapping": ("HUN.yaml:1", "file", "not-a-mapping"),
    "missing-assessment": ("HUN.yaml:1", "assessment", "required"),
    "bad-date": ("HUN.yaml:15", "instruments.0.adopted", "bad-date"),
    "future-year": ("HUN.yaml:15", "instruments.0.adopted", "bad-date"),
    "repealed-without-date": ("HUN.yaml:16", "instruments.0.repealed", "end-date-required"),
    "bill-in-force": ("HUN.yaml:17", "instruments.0.status", "bill-pending"),
    "facilitating-with-severity": ("HUN.yaml:14", "instruments.0.severity", "severity-not-allowed"),
    "restricting-without-severity": ("HUN.yaml:6", "instruments.0.severity", "severity-required"),
    "category-wrong-side": ("HUN.yaml:12", "instruments.0.categories", "category-side"),
    "id-wrong-prefix": ("HUN.yaml:6", "instruments.0.id", "id-prefix"),
    "id-bad-pattern": ("HUN.yaml:6", "instruments.0.id", "pattern"),
    "case-unknown-instrument": ("HUN.yaml:10", "cases.0.instrument_ids.0", "case-instrument"),
    "case-named-but-anonymised": ("HUN.yaml:10", "cases.0.target_name", "name-public-only"),
    "case-public-without-public-source": ("HUN.yaml:12", "cases.0.sources", "public-record-source"),
    "case-unknown-reprisal": ("HUN.yaml:8", "cases.0.reprisal_types.1", "unknown-value"),
    "case-no-reprisal-type": ("HUN.yaml:8", "cases.0.reprisal_types", "empty-list"),
    "case-duplicate-type": ("HUN.yaml:8", "cases.0.reprisal_types", "listed-twice"),
    "empty-file": ("HUN.yaml:1", "file", "not-a-mapping"),
    "tab-indentation": ("HUN.yaml:3", "yaml", "yaml"),
    "python-tag": ("HUN.yaml:1", "yaml", "yaml"),
    "non-utf8": ("HUN.yaml:4", "file", "not-utf8"),
    "check-coded-without-instrument": ("EGY.yaml:17", "checks.security_offences.status", "check-status"),
    "check-none-found-with-instrument": ("EGY.yaml:18", "checks.travel_mobility.status", "check-status"),
    "check-missing-family": ("EGY.yaml:11", "checks", "checklist"),
    "check-unknown-source-key": ("EGY.yaml:24", "checks.regional_treaties.consulted.0", "consulted-key"),
    "check-none-found-without-sources": ("EGY.yaml:24", "checks.regional_treaties.consulted", "check-status"),
    "history-one-way-link": ("EGY.yaml:57", "instruments.1.replaced_by.0", "history-link"),
    "history-unknown-successor": ("EGY.yaml:38", "instruments.0.replaced_by.0", "history-link"),
    "superseded-without-successor": ("EGY.yaml:27", "instruments.0.replaced_by", "superseded-successor"),
    "status-in-force-with-end-date": ("EGY.yaml:93", "instruments.3.status", "status-end-date"),
    # hostile inputs (issue: hardening)
    "duplicate-key-disclosure": ("HUN.yaml:102", "cases.2.disclosure", "duplicate-key"),
    "duplicate-key-instruments": ("HUN.yaml:74", "instruments", "duplicate-key"),
    "list-valued-fields": ("HUN.yaml:30", "instruments.0.direction", "string-type"),
    "deep-nesting": ("HUN.yaml:4", "yaml", "yaml"),
    "directory-named-yaml": ("HUN.yaml:1", "file", "not-a-file"),
    "symlink-dev-zero": ("HUN.yaml:1", "file", "not-a-file"),
    "symlink-file": ("HUN.yaml:1", "file", "not-a-file"),
    "control-character": ("HUN.yaml:38", "instruments.0.summary", "control-character"),
    "confidential-value-echo": ("HUN.yaml:100", "cases.2.target_type", "unknown-value"),
    "yaml-error-no-content": ("HUN.yaml:7", "yaml", "yaml"),
    "huge-year": ("HUN.yaml:52", "instruments.1.adopted", "bad-date"),
    "yml-extension": ("HUN.yml:1", "file", "file-name"),
}
# Text that must never appear in what validate prints, because it comes from a confidential case or
# from the file's own content.
NEVER_PRINTED = {"confidential-value-echo": "Jane Q Doe", "yaml-error-no-content": "SECRET-NAME-4411"}


def run_validate(*paths):
    """Run `solidarity-data validate` in-process (an uncaught exception fails the test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", *map(str, paths)])
    return subprocess.CompletedProcess([], code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_file_gives_a_clear_problem_and_exit_1_in_seconds(case):
    import time

    from solidarity_data.dataset import validate_paths

    start = time.perf_counter()
    problems = validate_paths([BAD / case]).problems
    assert time.perf_counter() - start < 10
    where, field, code = EXPECTED[case]
    found = [(f"{Path(p.path).name}:{p.line}", p.field, p.code) for p in problems]
    assert (where, field, code) in found, found
    r = run_validate(BAD / case)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert NEVER_PRINTED.get(case, "\0") not in r.stderr


def test_corpus_has_a_test_for_every_bad_folder():
    folders = {p.name for p in BAD.iterdir() if p.is_dir() and p.name != "sheets"}  # sheets: test_sheets.py
    assert folders == set(EXPECTED) | {"script-in-title", "formula-in-title"}  # these two are valid data
    assert len(folders) >= 30


def test_three_problems_in_one_record_give_three_lines(tmp_path):
    text = (BAD / "unknown-enum" / "HUN.yaml").read_text()
    text = text.replace("repealed: 2021", "repealed: 2016").replace(
        "    sources:\n      - {title: Fixture, publisher: Fixture, url: \"https://example.org/law\", "
        "kind: official}\n",
        "    sources: []\n")
    (tmp_path / "HUN.yaml").write_text(text)
    r = run_validate(tmp_path / "HUN.yaml")
    lines = [line for line in r.stderr.splitlines() if ": instruments.0." in line]
    assert r.returncode == 1 and len(lines) == 3, r.stderr
    assert any("instrument_type: unknown instrument_type 'statue'" in line for line in lines)
    assert any("sources: at least one item is required" in line for line in lines)
    assert any("repealed: 2016 is before adopted 2017" in line for line in lines)


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
    from solidarity_data.dataset import validate_paths

    text = (FIXTURES / "countries" / "DEU.yaml").read_text()
    (tmp_path / "DEU.yaml").write_text(text[: text.index("consulted:")])
    problems = validate_paths([tmp_path]).problems
    assert [(p.line, p.field, p.code) for p in problems] == [(3, "assessment", "checklist")]


def test_a_fifo_and_a_missing_path_are_refused_without_hanging(tmp_path):
    import os

    os.mkfifo(tmp_path / "HUN.yaml")  # reading a FIFO would block forever
    r = run_validate(tmp_path, tmp_path / "nothing-here")
    assert r.returncode == 1 and "HUN.yaml:1: file: is not a regular file" in r.stderr
    assert "nothing-here:1: file: no such file or folder" in r.stderr


def test_list_valued_fields_never_trace_back():
    from solidarity_data.dataset import validate_paths

    problems = validate_paths([BAD / "list-valued-fields"]).problems
    codes = {(p.field, p.code) for p in problems}
    assert {("instruments.0.id", "string-type"), ("instruments.0.question", "string-type"),
            ("instruments.0.categories.0", "string-type")} <= codes


def test_a_duplicate_key_cannot_publish_a_confidential_case(tmp_path):
    import shutil

    import solidarity_data as sd

    shutil.copy(BAD / "duplicate-key-disclosure" / "HUN.yaml", tmp_path / "HUN.yaml")
    with pytest.raises(sd.problems.DataError):
        sd.load(tmp_path)


def test_problems_are_capped_per_file_and_in_print(tmp_path):
    text = (FIXTURES / "countries" / "HUN.yaml").read_text()
    bad = "\n".join(f"  - {{id: HUN-2017-x{n}, title: '', severity: 9}}" for n in range(400))
    (tmp_path / "HUN.yaml").write_text(text.replace("\ncases:\n", "\n" + bad + "\ncases:\n", 1))
    r = run_validate(tmp_path)
    assert r.returncode == 1 and "more problem(s) not shown" in r.stderr
    assert r.stderr.count("\n") < 300


@pytest.mark.parametrize("url, problem", [
    ("https://ptop.example.la:443/https/www.scribd.com/document/1/x", "proxied-url"),
    ("https://mirror.example.life/https://monitor.civicus.org/explore/x", "proxied-url"),
    ("https://web.archive.org/web/2020/https://www.icnl.org/x", None),  # web archives stay citable
    ("http://times.example.sz/feed/http:/times.example.sz/news/1", None),  # the site's own address
    ("https://www.icnl.org/resources/civic-freedom-monitor/brazil", None),
    ("https://doczz.fr/doc/2006373/brazzaville--pointe-noire--le-23-06-2016-libert%C3%A9-d-associ...", "truncated-url"),
])
def test_proxied_and_truncated_addresses_are_refused_archives_are_not(url, problem):
    from pydantic import ValidationError

    from solidarity_data.records import Source

    try:
        Source(title="t", publisher="p", url=url, kind="official")
        found = None
    except ValidationError as e:
        found = e.errors()[0]["type"].replace("_", "-")  # pydantic spells codes with underscores
    assert found == problem

