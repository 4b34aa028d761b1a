# PolicyShare: the commands a newcomer needs. `make run` and `make test` are the only two
# required on a fresh machine; everything else is for day-to-day work.
PYTHON_BOOT ?= python3.11
VENV        := .venv
PY          := $(VENV)/bin/python
PIP         := $(VENV)/bin/pip
HOST        ?= 127.0.0.1
PORT        ?= 8000
export DJANGO_SETTINGS_MODULE ?= policyshare.settings.dev

# Settings may also live in a local .env file (see .env.example); the environment wins.
-include .env
export

.PHONY: run test install lint format check-migrations messages compilemessages lock bench bench-search bench-pages bench-beacon bench-packs bench-load test-faults clean

# The venv is rebuilt whenever a lock file changes; the stamp records the last good install.
$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	@command -v $(PYTHON_BOOT) >/dev/null 2>&1 || { echo "error: $(PYTHON_BOOT) not found; install Python 3.11 or set PYTHON_BOOT" >&2; exit 1; }
	test -x $(PY) || $(PYTHON_BOOT) scripts/bootstrap_venv.py $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/base.txt -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_site
	@echo ""
	@echo "PolicyShare is starting at http://$(HOST):$(PORT)/"
	@echo "Create an admin account (same settings and database as this server) with:"
	@echo "  DJANGO_SETTINGS_MODULE=$(DJANGO_SETTINGS_MODULE) DATABASE_URL='$(DATABASE_URL)' $(PY) manage.py createsuperuser"
	@echo "then sign in at http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# axe-core and the Nu HTML Checker for the browser tests, exactly as package-lock.json pins
# them; without npm the browser tests that need them are skipped loudly (a failure in CI).
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --ignore-scripts; \
	else echo "npm not found: the accessibility and HTML-validity browser tests will be skipped"; fi

test: install node_modules/.package-lock.json
	$(PY) scripts/check.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(find policyshare -name '*.html')

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find policyshare -name '*.html')

messages: install
	$(PY) manage.py makemessages -l ko -l en -l fr -l es -l ar -l zh_Hans --ignore=.venv --ignore=scripts --ignore=bench --ignore=node_modules --no-obsolete --no-location

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv

lock:
	$(PY) -m piptools compile -q --generate-hashes --allow-unsafe --strip-extras -o requirements/base.txt requirements/base.in
	$(PY) -m piptools compile -q --generate-hashes --allow-unsafe --strip-extras -o requirements/dev.txt requirements/dev.in

# Benchmarks print ratios against a baseline measured in the same run (see bench/).
bench: bench-search bench-pages bench-beacon bench-packs

# Search relevance (judged queries, against stock Wagtail search) and latency at 1k–100k.
# `make bench-search BENCH_SEARCH_SIZES=1000 BENCH_SEARCH_DATABASES=sqlite` is the quick run;
# the default measures the 100k targets (about an hour on 2 cores: docs/search.md).
BENCH_SEARCH_SIZES ?= 1000,10000,100000
BENCH_SEARCH_DATABASES ?= sqlite,postgres
bench-search: install
	$(PY) bench/search/run.py --sizes $(BENCH_SEARCH_SIZES) --databases $(BENCH_SEARCH_DATABASES)

# Page weight and load timings on slow 3G (needs chromium; see docs/browser-tests.md).
bench-pages: install
	$(PY) bench/pages/run.py

# The app CPU of one view-count hit, against a view that touches no database (target: at
# most 1 ms; DATABASE_URL=postgres://… for PostgreSQL).
bench-beacon: install
	$(PY) bench/beacon/run.py

# A 10-case briefing pack rendered as a PDF, against rendering its HTML only (target: at most
# 3 s on 2 cores; docs/briefing.md). `BENCH_PACKS_ARGS=--screenshots docs/images` also
# remakes the screenshots of docs/briefing.md.
bench-packs: install
	$(PY) bench/packs/run.py $(BENCH_PACKS_ARGS)

# The production stack (PostgreSQL, Redis, gunicorn, nginx) under wrk, on a generated corpus
# of 10,000 policies and posts; a private cluster and servers on free ports (docs/deploy.md).
# Needs nginx-light, libnginx-mod-http-cache-purge, wrk, redis-server, postgresql-15. Not
# part of `make test`: it takes about ten minutes.
bench-load: install
	$(PY) bench/load/run.py

# Fault checks against the same private stack: database restart, Redis stopped, a request
# sent during an outage, 1,000 concurrent views (bench/faults/run.py). A gate of `make test`.
test-faults: install
	$(PY) bench/faults/run.py

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
