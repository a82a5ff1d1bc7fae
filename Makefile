# Everything a fresh clone needs: `make demo` and `make test` create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean bench

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kb demo --db kb.db

lint: $(STAMP)
	$(BIN)/ruff check .

# tests/test_browser.py drives Debian's Chromium; installed here when missing (as root, like CI).
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

# tests/test_distributed.py starts its own Debian redis-server on 127.0.0.1; installed here when missing.
REDIS_SERVER := /usr/bin/redis-server

$(REDIS_SERVER):
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server

test: lint $(CHROMIUM) $(REDIS_SERVER)
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis kb.db kb.db-wal kb.db-shm

# Benchmarks (never part of test): wrk measures the static server's capacity.
bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run
