# newsmill: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
NM     := $(VENV)/bin/newsmill
STAMP  := $(VENV)/.installed

.PHONY: install run test lint typecheck unit fuzz bench models textdump-model clean browser serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[all,dev]'
	@# an editable install ships no bytecode, and PYTHONDONTWRITEBYTECODE (set on CI machines)
	@# keeps Python from caching it: every fresh process would compile src/ again (~0.1 s)
	$(PY) -m compileall -q src > /dev/null
	touch $(STAMP)

install: $(STAMP)

run: install
	@echo "== newsmill extract: the user's dump (flattened text) =="
	$(NM) extract samples/000_b03d04e1de56314c.txt --format markdown
	@for f in samples/*.html; do echo "== newsmill extract $$f =="; $(NM) extract $$f --format markdown; done

lint: install
	$(VENV)/bin/ruff check src tests benchmarks

typecheck: install
	$(VENV)/bin/mypy

# The web UI's browser tests drive Debian's headless Chromium through chromium-driver.
browser:
	@command -v chromedriver >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; }

unit: install browser
	$(VENV)/bin/pytest -q -x --durations=5

test: lint typecheck unit

# The property-based hostile-input suite with many more examples than in `make test` (~10 min).
fuzz: install
	NEWSMILL_FUZZ=1 $(VENV)/bin/pytest -q tests/test_fuzz.py tests/test_hostile.py

# A demo corpus of the bundled samples (and anything else in samples/), then the web UI on :8000.
DEMO_DB ?= build/demo.db
serve: install
	mkdir -p build
	$(NM) ingest samples tests/pages --db $(DEMO_DB) --quiet
	$(NM) serve --db $(DEMO_DB)

# Every quality and speed table of docs/benchmarks.md, newsmill beside its peers (needs ../shared).
BENCHMARKS := extraction textdump metadata ingest quotes quotes_en timex ner annotate precision
bench: install
	$(PY) -m pip install -q -e '.[bench]'
	@for b in $(BENCHMARKS); do echo "== benchmarks/$$b.py"; $(PY) -m benchmarks.$$b || exit 1; done

# Train and package the NER models into src/newsmill/data/models (~35 min per language on one
# core; not part of `make test`). `names` (US Census name lists) is needed for training only.
models: install
	$(PY) -m pip install -q -e '.[train]'
	$(PY) training/ner/build_places.py src/newsmill/data/places/countries.json
	$(PY) training/ner/train.py

# Train the text-mode line model on the tune half of the text-dump benchmark (needs ../shared and
# the benchmark's flattener libraries; ~1 min to build the data, 5-10 min of CPU to train: one
# stage, decision thresholds per dump group, all chosen by 4-fold cross-validation on the tune half).
textdump-model: install
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) training/textdump/build_data.py
	$(PY) training/textdump/train.py --one-stage --group-thresholds

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .pytest_cache .ruff_cache .hypothesis
