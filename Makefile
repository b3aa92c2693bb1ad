# The two commands of the README's Quick start:
#   make demo   build .venv if needed, install, analyse data/*.txt, write reports/
#   make test   build .venv if needed, install with the test tools, run the whole suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test validate bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,notebook,bench]"
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m toolkit analyze data/*.txt --out reports/
	$(PY) -m toolkit report data/*.txt --out reports/

test: $(STAMP)
	$(PY) -m pytest

validate: $(STAMP)
	$(PY) -m toolkit validate --data ../shared/data --split dev

bench: $(STAMP)
	$(PY) benchmarks/throughput.py

clean:
	rm -rf reports .pytest_cache
