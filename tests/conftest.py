from pathlib import Path

import pytest

import solidarity_data as sd

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_ds():
    """Small synthetic dataset: HUN assessed with instruments and cases, DEU assessed-none, MEX not assessed."""
    return sd.load(FIXTURES)


@pytest.fixture(scope="session")
def real_ds():
    """The real dataset under data/."""
    return sd.load()
