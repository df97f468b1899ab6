"""The README's two set-up commands are real: they exist, and `make demo` works."""

from __future__ import annotations

import re
import shutil
import subprocess

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
