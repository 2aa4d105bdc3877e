# The one entry point. `make demo` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
E2E := tests/e2e
CHROMIUM ?= /usr/bin/chromium

.PHONY: help install demo serve test test-fast lint format messages compilemessages \
        check-messages browser-deps pdf-deps bench bench-directory bench-newsletter clean

help:
	@echo "make demo       install, prepare db.sqlite3 with reference and demo content, serve on http://127.0.0.1:8000/"
	@echo "make test       install what the tests need and run the whole suite (browser tests included)"
	@echo "make lint       ruff check and format check"
	@echo "make messages   update locale/ from the code and templates (needs GNU gettext)"

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen --inexact --quiet $(INSTALL_ARGS)

# Compiled catalogues are build output: they are made here, never committed.
compilemessages: install
	$(PY) -m babel.messages.frontend compile --domain django --directory locale --statistics

# The web server and, beside it, the worker that sends the emails (its console prints
# them); stopping one (Ctrl-C) stops both.
RUN_WITH_WORKER = $(PY) manage.py db_worker --queue-name '*' --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

demo: install compilemessages pdf-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_reference
	$(PY) manage.py seed_demo
	$(RUN_WITH_WORKER)

serve: install compilemessages pdf-deps
	$(RUN_WITH_WORKER)

# The system libraries WeasyPrint draws invoice PDFs with (Pango, and a font).
pdf-deps:
	@if ! ldconfig -p | grep -q libpangoft2-1.0.so.0 || ! fc-list 2>/dev/null | grep -qi dejavu; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig >/dev/null; \
	  else echo "Pango is missing (invoice PDFs): sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; exit 1; fi; \
	fi

# Debian's Chromium for the browser tests, axe-core from npm for the accessibility scan and
# the Nu HTML Checker (vnu-jar from npm, on Debian's Java) for the validity of the pages.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install it (Debian: sudo apt-get install chromium)"; exit 1; fi; \
	fi
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "npm is missing: install Node.js (Debian: sudo apt-get install nodejs npm)"; exit 1; fi; \
	fi
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "Java is missing (the Nu HTML Checker runs on it): sudo apt-get install default-jre-headless"; exit 1; fi; \
	fi
	@test -f $(E2E)/node_modules/axe-core/axe.min.js -a -f $(E2E)/node_modules/vnu-jar/build/dist/vnu.jar \
	  || npm ci --prefix $(E2E) --no-audit --no-fund --silent

test: install compilemessages browser-deps pdf-deps
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install compilemessages pdf-deps
	$(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	$(PY) manage.py makemessages --locale fr --locale en --ignore '.venv/*' --ignore 'tests/*' --ignore 'staticfiles/*' --no-obsolete --add-location file
	@msgfmt --statistics -o /dev/null locale/fr/LC_MESSAGES/django.po

# Query counts and response times of the main pages on 5, 50 and 600 articles, in a
# throwaway database; the figures go in docs/performance.md.
bench: install compilemessages
	DJANGO_SETTINGS_MODULE=alliance.settings.test $(PY) manage.py bench_pages

# The members directory at 600 and 60,000 companies, on PostgreSQL under gunicorn.
bench-directory: install compilemessages
	$(PY) manage.py bench_directory

bench-newsletter: install compilemessages
	$(PY) manage.py bench_newsletter

clean:
	rm -rf $(VENV) staticfiles .test-media .pytest_cache $(E2E)/node_modules
