"""The built wheel: one top-level import name, and it runs from outside the checkout."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomllib

from tests.conftest import ROOT

SEEDS = ("000_b778848fc66e39d6", "002_caa88146a035baa9")


def _tracked_files() -> list[Path]:
    """The files a clean checkout would have: git's (tracked, and new files not ignored), else the tree without build output."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout
        return [ROOT / p for p in out.decode().split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        skip = {".venv", ".git", "build", "__pycache__", ".pytest_cache"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout's files (nothing installed or left over is in it)."""
    src = tmp_path_factory.mktemp("checkout")
    for path in _tracked_files():
        if path.is_file():
            dest = src / path.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(src)], check=True, capture_output=True)
    (found,) = dist.glob("hoinghi-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked by pip into a folder of its own, as site-packages would hold it."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    return target


def _run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python with the unpacked wheel first on the path, in a folder outside the checkout."""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_wheel_installs_one_top_level_name(wheel):
    with zipfile.ZipFile(wheel) as zf:
        (top_level,) = [n for n in zf.namelist() if n.endswith(".dist-info/top_level.txt")]
        assert zf.read(top_level).decode().split() == ["hoinghi"]
        assert {n.split("/")[0] for n in zf.namelist() if not n.split("/")[0].endswith(".dist-info")} == {"hoinghi"}


def test_wheel_carries_rules_templates_and_schema(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {f"hoinghi/rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")} <= names
    assert {f"hoinghi/pipeline/web/templates/{p.name}" for p in (ROOT / "pipeline" / "web" / "templates").glob("*.html")} <= names
    assert "hoinghi/schemas/article_facts.schema.json" in names


def test_wheel_lists_every_package_of_the_tree():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"hoinghi"} | {
        "hoinghi." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("pipeline", "rules", "schemas") for init in (ROOT / top).rglob("__init__.py")}
    assert found == listed


def test_wheel_extracts_the_seeds_outside_the_checkout(installed, tmp_path, extractor):
    (tmp_path / "in").mkdir()
    for doc_id in SEEDS:
        shutil.copy(ROOT / "corpus" / "articles" / f"{doc_id}.txt", tmp_path / "in" / f"{doc_id}.txt")
    out = tmp_path / "facts.jsonl"
    done = _run(installed, tmp_path, "-m", "hoinghi", "extract", str(tmp_path / "in"), "-o", str(out), "-j", "1", "-q")
    assert done.returncode == 0, done.stderr
    where = _run(installed, tmp_path, "-c", "import hoinghi, hoinghi.rules; print(hoinghi.__file__); print(hoinghi.rules.__file__)")
    assert all(line.startswith(str(installed)) for line in where.stdout.split()), where.stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in records) == list(SEEDS)
    for record in records:
        text = (ROOT / "corpus" / "articles" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        here = extractor.extract(text, doc_id=record["doc_id"]).model_dump(mode="json")
        assert {**record, "meta": {}} == {**here, "meta": {}}


def test_wheel_serves_an_archive_outside_the_checkout(installed, tmp_path):
    pytest.importorskip("datasette")
    shutil.copy(ROOT / "corpus" / "articles" / f"{SEEDS[0]}.txt", tmp_path / "a.txt")
    done = _run(installed, tmp_path, "-m", "hoinghi", "extract", "a.txt", "-o", "facts.jsonl", "--db", "archive.db", "-q")
    assert done.returncode == 0, done.stderr
    script = ("import asyncio\n"
              "from hoinghi.pipeline.web.serve import make_datasette\n"
              "ds = make_datasette('archive.db')\n"
              "async def main():\n"
              "    for path in ('/', '/-/search?q=lam+duc+xuan', '/-/article/a'):\n"
              "        r = await ds.client.get(path)\n"
              "        print(r.status_code, 'Lâm Đức Xuân' in r.text)\n"
              "asyncio.run(main())\n")
    served = _run(installed, tmp_path, "-c", script)
    assert served.returncode == 0, served.stderr
    assert served.stdout.split("\n")[:3] == ["200 False", "200 True", "200 True"]
