# make run   - set up .venv (if missing or stale) and open the app on the default scenario
# make test  - set up .venv and run the whole test suite headless
# make bench - set up .venv and print the benchmark table (rewrites the figures block of BENCHMARKS.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/mcexplorer $(FILE)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.lock
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build dist *.egg-info
