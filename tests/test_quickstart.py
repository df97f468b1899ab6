"""The README's two set-up commands are real: they exist, `make demo` works, and llama.cpp is built for the CPU."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT, guarded_env


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Quickstart.*?```sh\n(.*?)```", readme, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_has_exactly_the_two_commands_and_ci_runs_the_test_one():
    assert quickstart_commands() == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_make_demo_from_a_clean_copy(tmp_path):
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if not files:  # not a git checkout: copy the tree minus build outputs
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and not {".venv", ".rag", ".git"} & set(p.parts)]
    copy = tmp_path / "newsrag"
    for rel in files:
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, copy / rel)
    # Reuse this run's venv (`make test` just built it from scratch); -o install skips re-installing it.
    out = subprocess.run(
        ["make", "-o", "install", "demo", f"VENV={ROOT / '.venv'}"],
        cwd=copy,
        capture_output=True,
        text=True,
        env=guarded_env(),
        timeout=900,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "added 12" in out.stdout
    answer, _, sources = out.stdout.partition("\nSources:\n")
    assert "50 billion" in answer  # the demo's question, answered by the local model
    assert "Alibaba to invest $50 billion in AI and cloud computing" in sources and "[verified]" in sources
    assert (copy / ".rag").is_dir()


def _llama_args(tmp_path, flags: str) -> str:
    """The CMAKE_ARGS `make install` would build llama.cpp with on a CPU with these /proc/cpuinfo flags (dry run)."""
    out = subprocess.run(["make", "-n", "-B", "install", f"VENV={tmp_path / 'venv'}", f"CPU_FLAGS={flags}", f"LLAMA_WHEELS={tmp_path / 'w'}"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout  # fmt: skip
    return re.search(r'CMAKE_ARGS="([^"]*)"', out).group(1)


def test_llama_cpp_is_built_for_the_cpus_features_and_never_for_amx(tmp_path):
    if subprocess.run(["uname", "-m"], capture_output=True, text=True).stdout.strip() != "x86_64":
        pytest.skip("the Makefile sets llama.cpp's flags on x86-64 only; elsewhere pip's defaults apply")
    avx2 = "fpu sse avx avx2 fma f16c bmi2 amx_tile amx_int8"
    zen4 = avx2 + " avx512f avx512cd avx512vl avx512dq avx512bw avx512vbmi avx512_vnni avx512_bf16"
    assert _llama_args(tmp_path, avx2).split() == "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON".split()
    args = _llama_args(tmp_path, zen4).split()
    assert {"-DGGML_AVX512=ON", "-DGGML_AVX512_VBMI=ON", "-DGGML_AVX512_VNNI=ON", "-DGGML_AVX512_BF16=ON"} <= set(args)
    assert not any("AMX" in a or "NATIVE=ON" in a for a in args)
    # AVX-512F alone (no BW/VL/DQ/CD) is not enough for ggml's AVX-512 kernels
    assert "-DGGML_AVX512=ON" not in _llama_args(tmp_path, avx2 + " avx512f avx512_vnni").split()
