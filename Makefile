# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: install install-test demo readme-example test eval browser-deps server-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

# Ingest the example corpus into a fresh ledger and show what was found (the README's worked example).
demo: install
	$(BIN)/python scripts/demo.py --db $(DB)

# Run the demo at 80 columns and write its output into README.md's worked example.
readme-example: install
	COLUMNS=80 $(BIN)/python scripts/demo.py --db $(DB) --write README.md

browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# PostgreSQL (the store suite starts a throwaway server with initdb) and Java 17 for Spark's local mode
# (Debian releases without openjdk-17 get their default Java, 21 on trixie, which Spark 4 runs on too).
server-deps:
	@(ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v java >/dev/null 2>&1) || (apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
	  && (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null 2>&1 \
	      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null))

# The whole suite, with the quality floors measured on ../shared/eval when it is there.
test: install-test browser-deps server-deps
	$(BIN)/python -m pytest -q
