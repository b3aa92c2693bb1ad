"""The project's packaging promises: environment.yml agrees with pyproject.toml, CI runs the
README's test command, importing the package reads no files, and every public name resolves."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import toolkit

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _environment() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "environment.yml").read_text())


def _environment_names() -> set[str]:
    names = set()
    for item in _environment()["dependencies"]:
        if isinstance(item, dict):
            names |= {_name(r) for r in item.get("pip", []) if not r.startswith("-e")}
        else:
            names.add(_name(item))
    return names - {"python", "pip"}


def test_packaging_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    required = {_name(r) for r in project["dependencies"]}
    listed = _environment_names()
    assert required == listed, f"only in pyproject: {required - listed}; only in environment.yml: {listed - required}"
    pip_items = [i for i in _environment()["dependencies"] if isinstance(i, dict)][0]["pip"]
    assert "-e ." in pip_items


def test_packaging_ci_runs_make_test():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.M)
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make demo" in readme


def test_packaging_import_reads_no_files():
    code = """
import builtins, io, pathlib, sys
opened = []
real_open = builtins.open
def spy(file, *a, **k):
    opened.append(str(file)); return real_open(file, *a, **k)
builtins.open = io.open = spy
for name in ("read_text", "read_bytes"):
    real = getattr(pathlib.Path, name)
    setattr(pathlib.Path, name, lambda self, *a, _r=real, **k: (opened.append(str(self)), _r(self, *a, **k))[1])
import toolkit
toolkit.__all__
print(opened)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_packaging_every_public_name_resolves():
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name


def test_packaging_exports_the_voice_api():
    from toolkit import voice

    for name in ("Quote", "find_quotes", "AuthorQuote", "author_quotes", "find_quotations",
                 "AUTHOR_KINDS", "voice_at"):
        assert name in toolkit.__all__ and getattr(toolkit, name) is getattr(voice, name)


def test_packaging_no_nltk_download():
    for path in (ROOT / "toolkit").rglob("*.py"):
        assert not re.search(r"nltk\.download\s*\(|import\s+download", path.read_text()), path
