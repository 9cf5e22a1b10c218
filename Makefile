# Two commands for a fresh machine with Python 3.11+: `make load` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: load test bench clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# stanza and a CPU build of torch, for the stanza backend and its tests
$(VENV)/.installed-nlp: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,stanza]'
	touch $@

load: $(VENV)/.installed
	$(BIN)/loader load seeds/

test: $(VENV)/.installed-nlp
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python -m bench.run
