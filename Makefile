# nkhr: `make help` lists the targets. Every target sets up .venv itself on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per set of extras, so `make report` does not install the test tools.
BASE := $(VENV)/.installed-base
FULL := $(VENV)/.installed-full

.DEFAULT_GOAL := help
.PHONY: help report tables check test evaluate evaluate-record bench lab references clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 17

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BASE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(FULL): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BASE) $@

report: $(BASE) ## build the HTML report into reports/ (from seeds/; up to date in a second when nothing changed; ARGS=--quiet for cron)
	$(BIN)/nkhr report $(ARGS)

tables: $(BASE) ## export every table as CSV, Parquet and datapackage.json into reports/tables/
	$(BIN)/nkhr tables

check: $(BASE) ## list the problems of the corpus in seeds/
	$(BIN)/nkhr check seeds

test: $(FULL) ## run every test: library, notebooks, report, browser (browser tests need Debian's chromium)
	$(BIN)/python -m pytest

EVALUATION := tests/fixtures/evaluation
evaluate: $(BASE) ## score the parser on the evaluation sets: precision and recall per field, and every miss
	$(BIN)/python -m nkhr.evaluate $(EVALUATION)/dev $(EVALUATION)/holdout $(EVALUATION)/check $(EVALUATION)/untuned --compare

evaluate-record: $(BASE) ## record the current scores as the levels `make test` holds the parser to (review the diff)
	$(BIN)/python -m nkhr.evaluate $(EVALUATION)/dev $(EVALUATION)/holdout $(EVALUATION)/check $(EVALUATION)/untuned --quiet --record $(EVALUATION)/levels.yml

bench: $(FULL) ## measure speed and memory at 1x to 1000x the corpus; writes benchmarks/results.json
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.languages
	$(BIN)/python -m benchmarks.pdf

lab: $(BASE) ## open JupyterLab on the notebooks with the project's kernel
	$(BIN)/python -c "from nkhr.report import ensure_kernel; ensure_kernel()"
	$(BIN)/jupyter lab notebooks/

references: $(FULL) ## re-record the notebooks' reference outputs after a deliberate change (review the diff)
	NKHR_REGENERATE_REFERENCES=1 $(BIN)/python -m pytest tests/test_notebooks.py

clean: ## remove the virtual environment and the parse cache (the report stays)
	rm -rf $(VENV) .cache
