import subprocess
import sys

from solidarity_data import codebook as cb
from tests.conftest import ROOT


def test_every_term_has_a_label_in_every_language_and_a_definition():
    for vocab in cb.VOCABULARIES.values():
        assert vocab.title() and vocab.description()
        for t in vocab:
            assert all(t.label(lang) for lang in cb.LANGS) and t.definition, (vocab.name, t.value)


def test_categories_cover_both_questions():
    assert "foreign_funding" in cb.RESTRICTING_CATEGORIES
    assert "anti_slapp" in cb.FACILITATING_CATEGORIES
    assert len(cb.RESTRICTING_CATEGORIES) == 16 and len(cb.FACILITATING_CATEGORIES) == 10
    assert all(t.side in ("restricts", "facilitates") for t in cb.CATEGORY)


def test_reprisal_types_keep_the_nine_of_question_5_with_leaving_and_entering_apart():
    nine = {"surveillance", "denial_of_funding", "intimidation", "retaliation", "closure", "prosecution",
            "sanctions", "exit_restriction", "entry_restriction", "attack"}
    assert nine <= set(cb.REPRISAL_TYPE.values())


def test_seven_themes_of_the_call_and_general_human_rights_work():
    assert len(cb.THEME.terms) == 8 and cb.THEME.values()[-1] == "general_human_rights"


def test_every_family_has_a_rule_labels_and_categories_of_its_side():
    for f in cb.FAMILY:
        assert f.rule and f.label("fr") and f.label("es") and f.categories
        assert {cb.CATEGORY.by_value[c].side for c in f.categories} == {f.side}
    assert len(cb.CATEGORY_FAMILY) == sum(len(f.categories) for f in cb.FAMILY)  # one family per category


def test_every_category_feeds_one_index_dimension_of_its_side():
    for side, dims in (("restricts", cb.RESTRICTION_DIMENSIONS), ("facilitates", cb.FACILITATION_DIMENSIONS)):
        fed = [c for d in dims for c in d.weights]
        assert sorted(fed) == sorted(c.value for c in cb.CATEGORY if c.side == side)


def test_release_tables_name_only_declared_fields():
    for table in cb.RESOURCES.values():
        assert set(table["fields"]) <= set(cb.FIELDS) and set(table["primary_key"]) <= set(table["fields"])


def test_labels_in_french_and_spanish():
    assert cb.label("direction", "restricts", "fr") == "Restreint"
    assert cb.label("reprisal_type", "exit_restriction", "es") == "Restricción de salida"


def test_committed_codebook_is_current():
    committed = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert committed == cb.to_markdown(), "docs/codebook.md is stale: run `make codebook`"


def test_codebook_command_writes_the_file(tmp_path):
    out = tmp_path / "codebook.md"
    subprocess.run([sys.executable, "-m", "solidarity_data", "codebook", "--out", str(out)], check=True)
    assert "## Reprisal type (`reprisal_type`)" in out.read_text(encoding="utf-8")


def test_every_end_status_is_released_as_a_date_and_a_year():
    for status in cb.END_STATUSES:
        assert {status, f"{status}_year"} <= set(cb.RESOURCES["instruments"]["fields"]), status
        assert {status, f"{status}_year"} <= set(cb.FIELDS), status

