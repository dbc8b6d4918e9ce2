# make run   - set up .venv (if missing or stale) and open the app on the default scenario
# make test  - set up .venv and run the whole test suite headless
# make bench - set up .venv and print the benchmark table (rewrites the figures block of BENCHMARKS.md)
# make bundle - the standalone app (PyInstaller): dist/mcexplorer/mcexplorer and its .tar.gz
# make bundle-test - the bundle's smoke test (also run by `make test` when dist/mcexplorer exists)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-x11 bench bundle bundle-test clean

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

test: $(STAMP) test-x11
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

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
	rm -rf $(VENV) build dist *.egg-info
