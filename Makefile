# Every target sets up its own virtual environment first (idempotent), so each is one command on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: setup test demo docs docs-test docs-live readme bench experiments clean-venv install-check

setup: $(VENV)/.installed
$(VENV)/.installed: settings.ini setup.py
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# the CPU wheel first: a bare `torch` requirement would pull a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[dev,snorkel,cleanlab,dask]"
	touch $@

test: setup          ## library in sync, notebooks clean, every notebook cell run as a test
	$(PY) tools/run_tests.py

demo: setup          ## the headline demo on the embedded default data
	$(BIN)/sif_nb_demo --out demo_out

readme: setup        ## regenerate README.md from nbs/index.ipynb (Quarto-free `nbdev_readme`)
	MPLBACKEND=Agg $(PY) tools/make_readme.py

bench: setup         ## the influence-engine benchmark (full grid; writes the CSV and plot shown on the benchmark page)
	$(PY) -m sif_nb.paper.benchmark --full

experiments: setup   ## the paper's experiments on every dataset here (full run; writes nbs/results/)
	$(PY) -m sif_nb.paper.experiments --full

clean-venv:
	rm -rf $(VENV)

# docs without Quarto (see the top of tools/build_docs.py); DOCS_ARGS passes options, e.g. DOCS_ARGS="--flags slow"
$(VENV)/.docs-installed: $(VENV)/.installed
	$(PY) -m pip install -q smalldocs==0.5.4 playwright pytest
	touch $@

docs: setup $(VENV)/.docs-installed   ## execute the notebooks, build the site into _docs/ offline (needs npm)
	$(PY) tools/build_docs.py $(DOCS_ARGS)

# the `notebook` extra (JupyterLab, ipywidgets) for the live test of the explorers
$(VENV)/.notebook-installed: $(VENV)/.docs-installed
	$(PY) -m pip install -q -e ".[notebook]"
	touch $@

CHROMIUM_CHECK = command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

docs-test: docs $(VENV)/.notebook-installed  ## docs, then check every page in headless Chromium (installs Debian's chromium when missing; root) and run the live test; screenshots in _screenshots/
	$(CHROMIUM_CHECK)
	$(PY) -m pytest -q tools/test_docs_checks.py tools/test_docs.py tools/test_live.py

docs-live: setup $(VENV)/.notebook-installed  ## the explorers live: JupyterLab on 127.0.0.1 runs one, headless Chromium changes its dropdowns (no docs build needed)
	$(CHROMIUM_CHECK)
	$(PY) -m pytest -q tools/test_live.py

# a plain `pip install .` (no extras) into a fresh venv imports every module of the library
install-check:
	rm -rf .venv-plain && python3 -m venv .venv-plain
	.venv-plain/bin/python -m pip install -q --upgrade pip
	.venv-plain/bin/python -m pip install -q torch==2.13.0
	.venv-plain/bin/python -m pip install -q .
	cd /tmp && $(CURDIR)/.venv-plain/bin/python -c "import importlib, pkgutil, sif_nb; \
	  mods = [m.name for m in pkgutil.walk_packages(sif_nb.__path__, 'sif_nb.')]; \
	  [importlib.import_module(m) for m in mods]; print('plain install imports', len(mods), 'modules')"
	rm -rf .venv-plain
