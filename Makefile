# The README's two commands: `make demo` and `make test`. Both create .venv with the machine's python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := build/demo
DEMO_DB := $(DEMO_DIR)/newsprism.db

.PHONY: demo test fuzz lint check-install lock install install-test install-lint bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip

# pyproject.toml gives compatible ranges; every install takes the exact versions that were tested from
# constraints.txt. `make lock` rewrites it (see there).
CONSTRAINTS := constraints.txt
PIP_INSTALL := -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS)

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python $(PIP_INSTALL) -e .
	@# An editable install leaves newsprism's own modules uncompiled; where PYTHONDONTWRITEBYTECODE is set
	@# every command would compile them again (~0.05 s each).
	$(BIN)/python -m compileall -q src
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) $(VENV)/.installed
	$(BIN)/python $(PIP_INSTALL) -e '.[test]'
	touch $@

$(VENV)/.installed-lint: pyproject.toml $(CONSTRAINTS) $(VENV)/.installed
	$(BIN)/python $(PIP_INSTALL) -e '.[lint]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

install-lint: $(VENV)/.installed-lint

DEMO_STORY := examples/stories/lorvenne-flood

demo: install
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(BIN)/newsprism ingest examples/stories --db $(DEMO_DB)
	$(BIN)/newsprism stories --db $(DEMO_DB)
	$(BIN)/newsprism compare $(DEMO_STORY)
	$(BIN)/newsprism compare $(DEMO_STORY) --format html -o $(DEMO_DIR)/lorvenne-flood.html
	$(BIN)/newsprism compare $(DEMO_STORY) --format md -o $(DEMO_DIR)/lorvenne-flood.md
	$(BIN)/newsprism compare $(DEMO_STORY) --format json -o $(DEMO_DIR)/lorvenne-flood.json
	$(BIN)/newsprism report --db $(DEMO_DB) -o $(DEMO_DIR)/report
	@echo
	@echo "Stored the example stories in $(DEMO_DB)."
	@echo "Compared the coverage of $(DEMO_STORY): $(DEMO_DIR)/lorvenne-flood.html, .md and .json."
	@echo "Try: $(BIN)/newsprism compare examples/stories/port-asha-clashes"
	@echo "     $(BIN)/newsprism story 3 --db $(DEMO_DB)    (one story of the list above)"
	@echo
	@echo "HTML report of the stories: open $(DEMO_DIR)/report/index.html in a browser (it works from disk)."
	@echo "Or browse, search and upload live: $(BIN)/newsprism serve --db $(DEMO_DB)   (then http://127.0.0.1:8765/)"

# The browser tests drive Debian's Chromium (Playwright never downloads one): installed when missing.
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

$(CHROMIUM):
	$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get update
	$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

test: install-test $(CHROMIUM)
	$(BIN)/python -m pytest

# A long seeded run of hostile input through every reader, compare and the web app (fuzz/run.py; ~30 min).
fuzz: install-test
	$(BIN)/python -m fuzz.run

# No `ruff format --check` yet: the code is not formatted with it.
lint: install-lint
	$(BIN)/ruff check src tests bench training fuzz
	$(BIN)/mypy src

bench: install
	$(BIN)/python $(PIP_INSTALL) -e '.[bench]'
	$(BIN)/python bench/ingest.py

# Retrains the same-claim model (src/newsprism/nlp/models/claim_pairs.onnx) from ../shared/data: seeded,
# ~25 min on 2 idle cores. torch==2.13.0 is the CPU wheel on this project's machines (pip's find-links);
# elsewhere add --index-url https://download.pytorch.org/whl/cpu, or pip takes a CUDA build of several GB.
model: install
	$(BIN)/python $(PIP_INSTALL) -e '.[train]'
	$(BIN)/python -m training
	$(BIN)/python -m training.link_model
	$(BIN)/python bench/align_msrp.py
	$(BIN)/python bench/sts.py

# What a user gets from the wheel: built from the working tree, installed with the tested versions into a
# new venv (pip as python3 -m venv gives it), it must carry the tokenizer and templates and compare a story.
CHECK_DIR := build/check-install
WHEEL_DIR := build/wheel

check-install: | $(BIN)/python
	@# As from a fresh clone: setuptools would put in the wheel what earlier builds left in build/lib (files
	@# since deleted) and src/*.egg-info/SOURCES.txt lists (data files that package-data no longer names).
	rm -rf $(WHEEL_DIR) $(CHECK_DIR) build/lib build/bdist.* src/*.egg-info
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps -w $(WHEEL_DIR) .
	@# Every file of the package that git tracks (the modules, templates and tokenizer) must be in the wheel.
	$(BIN)/python -c 'import glob, subprocess, zipfile; \
	  wheel = set(zipfile.ZipFile(glob.glob("$(WHEEL_DIR)/newsprism-*.whl")[0]).namelist()); \
	  tracked = subprocess.run(["git", "ls-files", "src/newsprism"], capture_output=True, text=True, check=True); \
	  missing = [name for name in tracked.stdout.split() if name.removeprefix("src/") not in wheel]; \
	  assert tracked.stdout and not missing, f"not in the wheel: {missing}"; \
	  print("check-install: the wheel holds", *sorted(n for n in wheel if not n.endswith(".py")), sep="\n  ")'
	$(PYTHON) -m venv $(CHECK_DIR)/venv
	$(CHECK_DIR)/venv/bin/python $(PIP_INSTALL) $(WHEEL_DIR)/newsprism-*.whl
	@# From outside the source tree, with no model paths or cache carried over.
	cd $(CHECK_DIR) && env -u NEWSPRISM_TOKENIZER -u NEWSPRISM_EMBEDDING_MODEL NEWSPRISM_CACHE=cache \
	  venv/bin/newsprism compare $(CURDIR)/$(DEMO_STORY) --format json -o compare.json
	cd $(CHECK_DIR) && venv/bin/python -c 'import json, newsprism; \
	  assert "/venv/lib/" in newsprism.__file__, newsprism.__file__; \
	  claims = json.load(open("compare.json"))["claims"]; assert claims, "no claims"; \
	  print(f"check-install: the wheel compares {len(claims)} claims from {newsprism.__file__}")'

# Rewrites constraints.txt with the newest versions pyproject.toml allows, resolved in a new venv with every
# extra; run `make test` and `make lint` on them before committing it.
LOCK_DIR := build/lock

lock:
	rm -rf $(LOCK_DIR)
	$(PYTHON) -m venv $(LOCK_DIR)/venv
	$(LOCK_DIR)/venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(LOCK_DIR)/venv/bin/python -m pip install --quiet --disable-pip-version-check '.[test,lint,bench,train]'
	{ echo "# The tested versions of newsprism's dependencies, extras included, on $$(uname -sm) with" \
	    "$$($(LOCK_DIR)/venv/bin/python -V)."; \
	  echo "# Written by make lock from pyproject.toml's ranges; every make target installs with it."; \
	  $(LOCK_DIR)/venv/bin/python -m pip freeze --all --exclude pip --exclude newsprism; } > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) build .pytest_cache
