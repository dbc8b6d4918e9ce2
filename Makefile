# make run   - set up .venv (if missing or stale) and open the app on the default scenario
# make test  - set up .venv and run the whole test suite headless, on up to 4 workers (xdist)
# make fuzz  - the property (Hypothesis) tests only, with ten times Hypothesis's examples
# make coverage - the suite under coverage (the CLI and child processes too); report in htmlcov/
# make bench - set up .venv and print the benchmark table (rewrites the figures block of BENCHMARKS.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-x11 fuzz coverage bench clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/mcexplorer $(FILE)

# The screenshot test (tests/qt/test_screens.py) needs an X server (Xvfb) and Qt's X11
# libraries, the report test pdftoppm (poppler-utils); they skip, saying why, where those are
# missing; the phone-page tests (tests/server) drive Debian's chromium through
# chromium-driver, skipping likewise. As root on Debian/Ubuntu (a CI
# container) they are installed first: unattended (no prompts, no stdin), time-limited, and
# a failure only means the test skips. Nobody else is asked for a password. NO_APT=1 skips it.
X11_PACKAGES := xvfb libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libegl1 \
	libgl1 libfontconfig1 libdbus-1-3 poppler-utils chromium chromium-driver

test-x11:
	@if [ -n "$(NO_APT)" ] || { command -v Xvfb && command -v pdftoppm && command -v chromedriver; } >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Xvfb, Qt's X11 libraries, poppler-utils and chromium for the screen, report and phone-page tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		( timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq \
			--no-install-recommends $(X11_PACKAGES) ) </dev/null >/dev/null 2>&1 \
		|| echo "Could not install them: the screen and report tests will skip"; \
	else echo "No Xvfb or pdftoppm: those tests will skip (apt-get install $(X11_PACKAGES))"; fi

# Workers: one per core, at most 4 (WORKERS=0 runs in one process). Tests that must not run
# beside another share an xdist_group (--dist loadgroup keeps a group on one worker).
WORKERS ?= auto --maxprocesses=4
XDIST   := $(if $(filter 0,$(WORKERS)),-p no:xdist,-n $(WORKERS) --dist loadgroup)

test: $(STAMP) test-x11
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(XDIST) $(PYTEST_ARGS)

# The property tests (pytest's "hypothesis" marker, added to every @given test) under the
# "fuzz" profile of tests/fuzzing.py: 1000 examples a test (scaled per test), not derandomized.
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q $(XDIST) \
		-m hypothesis --hypothesis-show-statistics $(PYTEST_ARGS)

coverage: $(STAMP) test-x11
	rm -f .coverage .coverage.*
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m coverage run -m pytest -q -p no:xdist $(PYTEST_ARGS)
	$(BIN)/python -m coverage combine -q
	$(BIN)/python -m coverage report --skip-covered --sort=cover | tail -25
	$(BIN)/python -m coverage html -q

BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.lock
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build dist *.egg-info htmlcov .coverage .coverage.*
