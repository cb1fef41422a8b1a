# Every target sets up .venv itself when it is missing or older than pyproject.toml.
PY      := .venv/bin/python
SD      := .venv/bin/solidarity-data
STAMP   := .venv/.installed
ISO3    ?= IND
# LANG is usually a locale in the environment (en_US.UTF-8): only en, fr or es given on the command
# line (make profile LANG=fr) selects the profile's language.
PROFILE_LANG := $(if $(filter en fr es,$(LANG)),$(LANG),en)
OUT     ?= build/report

.PHONY: report test lab lab-check bench notebooks profile validate build figures codebook setup browser clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,lab]"
	@touch $(STAMP)

setup: $(STAMP) browser

browser:
	@bash scripts/ensure-browser.sh

report: setup
	$(SD) report --out $(OUT)

test: setup
	.venv/bin/ruff check solidarity_data tests scripts
	$(PY) -m pytest

validate: $(STAMP)
	$(SD) validate

build: $(STAMP)
	$(SD) build --out build/data

figures: setup
	$(SD) figures --out build/figures

codebook: $(STAMP)
	$(SD) codebook

bench: setup
	$(PY) scripts/bench.py

notebooks: setup
	$(PY) scripts/run_notebooks.py

profile: setup
	LANG=C.UTF-8 $(SD) profile --iso3 $(ISO3) --lang $(PROFILE_LANG) --out build/profiles

lab: $(STAMP)
	.venv/bin/jupyter lab notebooks/

lab-check: setup
	$(PY) scripts/lab_check.py

clean:
	rm -rf build .pytest_cache
