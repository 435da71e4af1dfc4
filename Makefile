# BP Till: `make run` opens the till, `make test` runs every test, `make portal` serves the producer website.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run portal test bench screenshots translations dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The Japanese screens: compiled from the Linguist source whenever it changes.
QM := resources/i18n/bp_till_ja.qm
$(QM): resources/i18n/bp_till_ja.ts $(STAMP)
	$(BIN)/python tools/i18n.py compile

translations: $(QM)

# First run: creates the data folder, loads the demo menu, cast and staff (PINs printed once).
run: $(STAMP) $(QM)
	$(BIN)/bp-till init --demo
	$(BIN)/bp-till

# The producer website on 127.0.0.1:8800 over the same data folder's central store, with demo
# producers; prints a login to try and the link a slip's QR opens.
portal: $(STAMP) $(QM)
	$(BIN)/bp-till init --demo
	$(BIN)/bp-till portal --demo

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks $(BENCH_ARGS)

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs
	$(BIN)/python tools/portal_screenshots.py docs/portal  # needs Debian's chromium and chromium-driver

# The app for a register PC (bp_till.spec): $(DIST)/bp-till/bp-till; try it with --self-test.
DIST ?= dist
DIST_WORK ?= build
dist: $(STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath $(DIST) --workpath $(DIST_WORK) bp_till.spec

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
