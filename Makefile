# make run   - set up .venv (if missing or stale) and open the app on the default scenario
# make test  - set up .venv and run the whole test suite headless, on up to 4 workers (xdist)
# make fuzz  - the property (Hypothesis) tests only, with ten times Hypothesis's examples
# make coverage - the suite under coverage (the CLI and child processes too); report in htmlcov/
# make bench - set up .venv and print the benchmark table (rewrites the figures block of BENCHMARKS.md)
# make bundle - the standalone app (PyInstaller): dist/mcexplorer/mcexplorer and its .tar.gz
# make bundle-test - the bundle's smoke test (also run by `make test` when dist/mcexplorer exists)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-x11 fuzz coverage bench bundle bundle-test clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/mcexplorer $(FILE)

# The screenshot test (tests/qt/test_screens.py) needs an X server (Xvfb) and Qt's X11
# libraries, the report test pdftoppm (poppler-utils), the SVG test rsvg-convert
# (librsvg2-bin), the office tests LibreOffice (soffice, to recalculate the workbook and print
# the deck and the paper); they skip, saying why, where those are missing; the SVG test and the
# phone-page tests (tests/server) drive Debian's chromium through chromium-driver, skipping
# likewise. As root on Debian/Ubuntu (a CI
# container) they are installed first: unattended (no prompts, no stdin), time-limited, and
# a failure only means the test skips. Nobody else is asked for a password. NO_APT=1 skips it.
X11_PACKAGES := xvfb libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libegl1 \
	libgl1 libfontconfig1 libdbus-1-3 poppler-utils librsvg2-bin chromium chromium-driver openbox
OFFICE_PACKAGES := libreoffice-calc-nogui libreoffice-impress-nogui libreoffice-writer-nogui

test-x11:
	@if [ -n "$(NO_APT)" ] || { command -v Xvfb && command -v pdftoppm && command -v rsvg-convert \
			&& command -v chromedriver && command -v soffice; } >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Xvfb, Qt's X11 libraries, poppler-utils, librsvg, Chromium and LibreOffice for the screen, report, SVG, office and phone-page tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		( timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq \
			--no-install-recommends $(X11_PACKAGES) ) </dev/null >/dev/null 2>&1 \
		|| echo "Could not install them: the screen, report and SVG tests will skip"; \
		( timeout 900 apt-get install -y -qq --no-install-recommends $(OFFICE_PACKAGES) ) \
			</dev/null >/dev/null 2>&1 \
		|| echo "Could not install LibreOffice: the office tests will skip"; \
	else echo "Missing tools: those tests will skip (apt-get install $(X11_PACKAGES) $(OFFICE_PACKAGES))"; fi

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

# The standalone app: one folder with Python, Qt and every dependency (packaging/mcexplorer.spec;
# the same spec builds Windows and macOS in .github/workflows/bundle.yml). A few minutes of CPU.
BUNDLE_STAMP := $(VENV)/.bundle-installed
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' mcexplorer/__init__.py)
PLATFORM := $(shell uname -s | tr A-Z a-z)-$(shell uname -m)

$(BUNDLE_STAMP): $(STAMP) requirements-bundle.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bundle.lock
	@touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	rm -rf dist/mcexplorer build/mcexplorer
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/mcexplorer.spec
	tar -C dist -czf dist/mcexplorer-$(VERSION)-$(PLATFORM).tar.gz mcexplorer
	@du -sh dist/mcexplorer dist/mcexplorer-$(VERSION)-$(PLATFORM).tar.gz

# Runs dist/mcexplorer/mcexplorer with `env -i` (PATH=/usr/bin:/bin, a new HOME): every verb
# checked, then the window for 10 s under Xvfb (its own display) and closed.
bundle-test: $(STAMP)
	@test -x dist/mcexplorer/mcexplorer || { echo "No bundle: run 'make bundle' first"; exit 2; }
	$(BIN)/python packaging/smoke.py dist/mcexplorer/mcexplorer

clean:
	rm -rf $(VENV) build dist *.egg-info htmlcov .coverage .coverage.*
