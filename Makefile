# Two commands for a fresh machine with Python 3.11+: `make load` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: load test bench clean-db evaluate

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

# Score extraction against gold: the seeds, then the corpus's dev and test splits once its texts
# are fetched (corpus/README.md). Each scoring loads the texts into a scratch database.
CORPUS_GOLD ?= $(filter-out corpus/gold/a-% corpus/gold/b-%,$(wildcard corpus/gold/*.json))
evaluate: $(VENV)/.installed
	$(BIN)/loader evaluate seeds/ --gold tests/data/seeds_gold.json
	@if [ ! -f corpus/manifest.json ] || [ -z "$(CORPUS_GOLD)" ]; then \
		echo "corpus: no corpus/manifest.json or no gold in corpus/gold yet; skipped"; \
	elif ! ls corpus/texts/*.txt >/dev/null 2>&1; then \
		echo "corpus: corpus/texts is empty; fetch the texts (see corpus/README.md), then run make evaluate again"; \
	else \
		for split in dev test; do \
			echo "== corpus, $$split split"; \
			$(BIN)/loader evaluate corpus/texts $(addprefix --gold ,$(CORPUS_GOLD)) \
				--manifest corpus/manifest.json --split $$split || exit 1; \
		done; \
	fi
