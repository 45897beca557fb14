# make run: set up .venv with what the app needs, then open the app.
# make test: add the test tools to .venv, then lint, type-check, check the direction of imports
# (import-linter's contracts in pyproject.toml) and run the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CREATED := $(VENV)/.created
APP := $(VENV)/.app-installed
TOOLS := $(VENV)/.test-tools-installed
# Quiet about what would only worry a newcomer: pip's upgrade notice, and the note setuptools
# prints (as a Python warning of the build backend) for every editable install.
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONWARNINGS=ignore $(BIN)/python -m pip

.PHONY: run test lint clean

$(CREATED):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Survivorship Tracker needs Python 3.11 or newer.")'
	@echo "Setting up Survivorship Tracker: about a minute, once."
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip
	@touch $@

$(APP): pyproject.toml $(CREATED)
	@echo "Installing what the app needs (Qt, matplotlib, platformdirs)…"
	@$(PIP) install --progress-bar on -e .
	@touch $@

$(TOOLS): pyproject.toml $(APP)
	@echo "Installing the test tools…"
	@$(PIP) install --progress-bar on -e '.[test]'
	@touch $@

run: $(APP)
	$(BIN)/survivor-app

lint: $(TOOLS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis \
		.import_linter_cache .grimp_cache
