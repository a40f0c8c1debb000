"""Packaging: pyproject.toml declares what the library imports, and a fresh virtualenv works.

The slow test builds a brand-new virtualenv (no system site-packages), installs torch as
requirements.txt pins it (the CPU build where one is available, as `make install` does),
then installs the package from the repository *with* its dependencies (no ``--no-deps``),
imports every module and annotates the sample corpus. It downloads from the package
registry: a few minutes.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LIB = REPO / "lib" / "arnews"

# import name -> distribution name, where they differ
DIST = {
    "sklearn": "scikit-learn",
    "PIL": "pillow",
    "arabicstopwords": "arabic-stopwords",
    "camel_tools": "camel-tools",
    "charset_normalizer": "charset-normalizer",
    "jupyter_client": "jupyter-client",
    "matplotlib_inline": "matplotlib-inline",
    "fontpkg_noto_sans_arabic": "fontpkg-noto-sans-arabic",
    "fontpkg_amiri": "fontpkg-amiri",
    "IPython": "ipython",
    "yaml": "pyyaml",
}
# optional parts: declared as extras, imported lazily inside the functions that need them
OPTIONAL = {"dask": "dask", "distributed": "dask", "transformers": "transformers", "torch": "transformers"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    # modules named in strings and imported by name (fonts)
    names |= set(re.findall(r'"(fontpkg_[a-z_]+)"', path.read_text(encoding="utf-8")))
    return names


def _third_party(names: set[str]) -> set[str]:
    return {n for n in names if n not in sys.stdlib_module_names and n != "arnews"}


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    norm = lambda req: re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0].lower().replace("_", "-")
    deps = {norm(r) for r in meta["dependencies"]}
    extras = {k: {norm(r) for r in v} for k, v in meta.get("optional-dependencies", {}).items()}
    return deps, extras


def test_pyproject_declares_every_runtime_import():
    used = set()
    for py in LIB.rglob("*.py"):
        used |= _third_party(_imports(py))
    deps, extras = _declared()
    missing = []
    for name in sorted(used):
        dist = DIST.get(name, name).lower().replace("_", "-")
        if name in OPTIONAL:
            if dist not in extras.get(OPTIONAL[name], set()):
                missing.append(f"{dist} (extra [{OPTIONAL[name]}])")
        elif dist not in deps:
            missing.append(dist)
    assert not missing, f"imported by lib/arnews but not declared in pyproject.toml: {missing}"
    assert {"dask", "transformers", "dev"} <= set(extras)


def test_no_exact_pins_for_camel_tools_or_torch():
    deps_text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r'"(camel-tools|torch)\s*==', deps_text)
    assert "--no-deps" not in (REPO / "Makefile").read_text(encoding="utf-8")


def _pinned_torch() -> str:
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("torch"):
            return line.split("#")[0].strip()
    return "torch"


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_fresh_virtualenv_installs_and_annotates(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    py = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(ARNEWS_DATA=str(REPO / "data"), ARNEWS_CACHE=str(tmp_path / "cache"), PIP_DISABLE_PIP_VERSION_CHECK="1")

    def run(*args: str, timeout: int = 1200) -> subprocess.CompletedProcess:
        r = subprocess.run([str(a) for a in args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout)
        assert r.returncode == 0, f"{' '.join(map(str, args))} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
        return r

    # torch first, as requirements.txt pins it (CPU build where available), then the package with its dependencies
    run(py, "-m", "pip", "install", "--quiet", _pinned_torch())
    run(py, "-m", "pip", "install", "--quiet", str(REPO))
    run(py, "-m", "pip", "check")
    site = run(py, "-c", "import arnews, sys; print(arnews.__file__); print(sys.prefix)").stdout.split()
    assert site[0].startswith(str(env_dir)), "arnews was not imported from the fresh environment"
    mods = sorted(
        "arnews." + ".".join(p.relative_to(LIB).with_suffix("").parts)
        for p in LIB.rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    )
    run(py, "-c", "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)", *mods)
    out = tmp_path / "ann"
    run(env_dir / "bin" / "arnews", "annotate", REPO / "data" / "articles", "--out", out)
    check = (
        "import pandas as pd, sys\n"
        "t = pd.read_parquet(sys.argv[1] + '/tokens.parquet')\n"
        "m = pd.read_parquet(sys.argv[1] + '/mentions.parquet')\n"
        "print(t['article_id'].nunique(), len(t), t['lemma'].notna().mean(), len(m))\n"
    )
    n_articles, n_tokens, lemma_share, n_mentions = run(py, "-c", check, out).stdout.split()
    assert int(n_articles) == 5 and int(n_tokens) > 2000 and float(lemma_share) > 0.9 and int(n_mentions) > 100
    version = run(py, "-c", "from arnews.logconfig import version_string; print(version_string())").stdout
    assert version.startswith("arnews 0.1.0")
