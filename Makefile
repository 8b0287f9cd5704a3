# jishi: the two commands a fresh clone needs are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
JISHI  := $(VENV)/bin/jishi
DB     ?= jishi.duckdb
EXAMPLE := examples/seed-article.txt
EXTRAS ?= test

.PHONY: run test bench eval install clean-db serve

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	$(PY) -m compileall -q jishi >/dev/null
	touch $@

install: $(VENV)/.installed-$(EXTRAS)

## run: install, ingest the bundled example into $(DB), print the chronicle, serve the page (Ctrl-C stops)
run: install
	$(JISHI) ingest $(EXAMPLE) --published 2025-12-02 --db $(DB)
	$(JISHI) chronicle --db $(DB)
	$(JISHI) serve --db $(DB)

## test: the whole suite (corpus tests skip when ../shared is absent)
test: install
	$(PY) -m pytest -q

## bench: speed figures, measured in one run (see bench/)
bench: install
	$(PY) -m compileall -q jishi >/dev/null  # byte-compiled, as a wheel install is: workers start faster
	$(PY) bench/run_all.py

## eval: published figures and the gate (fails when a pinned floor is not met)
eval: install
	$(JISHI) eval all --gate
