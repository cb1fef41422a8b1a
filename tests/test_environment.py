import re
import tomllib

import yaml

from tests.conftest import ROOT

CONDA_NAMES = {"python-kaleido": "kaleido"}  # conda-forge name → PyPI name


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pypi = {_name(d) for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        pypi |= {_name(d) for d in extra}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {CONDA_NAMES.get(_name(d), _name(d)) for d in env["dependencies"] if isinstance(d, str)}
    assert conda - {"python", "pip"} == pypi


def test_citation_repeats_the_package_version():
    import solidarity_data as sd

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == sd.__version__


def test_every_public_name_of_the_package_resolves():
    import solidarity_data as sd

    for name in sd.__all__:
        assert getattr(sd, name) is not None, name
