# eteams — `make demo` runs the app with demo data, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app eteams
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: demo test install translations lint serve clean audit

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

translations: install
	$(BIN)/pybabel compile --statistics -d eteams/translations 2>&1 | grep -v "^compiling" || true
	@test -f eteams/translations/nl/LC_MESSAGES/messages.mo

# One background worker beside the app, three jobs at a time (a long geocoding does not hold
# up a plan or a report); it stops with the app.
# The demo's letters come from a sender a household could write to (example data).
demo: export ETEAMS_LETTER_SENDER_ADDRESS = Voorbeeldstraat 1|3511 AA Utrecht
demo: export ETEAMS_LETTER_SENDER_PHONE = 030 123 45 67
demo: export ETEAMS_LETTER_SENDER_WEBSITE = e-teams.example.nl
demo: export ETEAMS_LETTER_SIGNATORY = Fatima El Amrani, coördinator E-teams
demo: translations
	$(FLASK) db upgrade
	ETEAMS_DEMO_URL=http://$(HOST):$(PORT) $(FLASK) demo --reset
	$(FLASK) worker --threads 3 & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

serve: translations
	$(FLASK) db upgrade
	$(FLASK) run --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/translations.py --check

# Known vulnerabilities in the installed dependencies (needs pypi.org's JSON API or OSV).
audit: install
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

# pytest's exit code 5 ("no tests ran") is non-zero, so make fails on it as on any failure.
test: translations lint
	$(BIN)/python tools/audit_deps.py
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
