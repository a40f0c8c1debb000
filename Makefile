# Two commands for a fresh machine: `make report` and `make test`. Each installs what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= data/articles
OUT    ?= reports
STAMP  := $(VENV)/.installed

.PHONY: install report test test-fast lab evaluate annotate bench chromium clean readme-figure

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet -e .
	$(PY) -m ipykernel install --sys-prefix --name arnews --display-name "Python (arnews)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

## Run every notebook on $(CORPUS) and write HTML reports to $(OUT)/
report: $(STAMP)
	$(PY) -m arnews report --corpus $(CORPUS) --out $(OUT)

## The whole test suite (installs Chromium for the browser test when it can)
test: $(STAMP) chromium
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

chromium:
	@bash .ci/ensure-chromium

## JupyterLab on the installed kernel
lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

## Accuracy figures from the labelled data in data/gold/
evaluate: $(STAMP)
	$(PY) -m arnews evaluate all

annotate: $(STAMP)
	$(PY) -m arnews annotate $(CORPUS) --out out/annotations

bench: $(STAMP)
	$(PY) bench/run.py

## The README's figure: the sample's signed stance network (redraw after changing the model or the plot)
readme-figure: $(STAMP)
	$(PY) -c "from arnews.plots.stance import write_readme_network; print(write_readme_network())"

clean:
	rm -rf $(OUT) out .arnews_cache .pytest_cache
