"""The tree is the architecture: which room may import which, and no import circle anywhere."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Where each installed package's code lives in the checkout.
PACKAGE_DIRS = {"hoinghi": ROOT / "hoinghi", "hoinghi.pipeline": ROOT / "pipeline",
                "hoinghi.rules": ROOT / "rules", "hoinghi.schemas": ROOT / "schemas"}

#: Rooms that a room must never import (STYLE.md, "A shape for hoinghi").
FORBIDDEN = {
    "hoinghi.schemas": ("hoinghi.pipeline",),
    "hoinghi.rules": ("hoinghi.pipeline", "hoinghi.schemas"),
    "hoinghi.pipeline.inputs": ("hoinghi.pipeline.nlp", "hoinghi.pipeline.batch", "hoinghi.pipeline.archive",
                                "hoinghi.pipeline.web", "hoinghi.pipeline.cli", "hoinghi.pipeline.evaluation"),
    "hoinghi.pipeline.nlp": ("hoinghi.pipeline.inputs", "hoinghi.pipeline.batch", "hoinghi.pipeline.archive",
                             "hoinghi.pipeline.web", "hoinghi.pipeline.cli", "hoinghi.pipeline.evaluation"),
    "hoinghi.pipeline.archive": ("hoinghi.pipeline.inputs", "hoinghi.pipeline.nlp", "hoinghi.pipeline.batch",
                                 "hoinghi.pipeline.web", "hoinghi.pipeline.cli"),
    "hoinghi.pipeline.batch": ("hoinghi.pipeline.archive", "hoinghi.pipeline.web", "hoinghi.pipeline.cli"),
    "hoinghi.pipeline.evaluation": ("hoinghi.pipeline.inputs", "hoinghi.pipeline.batch", "hoinghi.pipeline.archive",
                                    "hoinghi.pipeline.web", "hoinghi.pipeline.cli"),
    "hoinghi.pipeline.crossyear": ("hoinghi.pipeline.inputs", "hoinghi.pipeline.nlp", "hoinghi.pipeline.batch",
                                   "hoinghi.pipeline.web", "hoinghi.pipeline.cli", "hoinghi.pipeline.evaluation"),
    "hoinghi.pipeline.web": ("hoinghi.pipeline.inputs", "hoinghi.pipeline.nlp", "hoinghi.pipeline.batch",
                             "hoinghi.pipeline.cli"),
}


def _modules() -> dict[str, Path]:
    out = {}
    for package, folder in PACKAGE_DIRS.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([package, *parts])] = path
    return out


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Modules of hoinghi that ``path`` imports anywhere (function bodies too): ``from pkg import sub`` is ``pkg.sub``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def test_architecture_has_no_import_circle():
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            pytest.fail("import circle: " + " -> ".join(trail[trail.index(name):] + [name]))
        if name in done:
            return
        for dep in sorted(GRAPH[name]):
            visit(dep, [*trail, name])
        done.add(name)

    for name in sorted(GRAPH):
        visit(name, [])


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_architecture_room_imports_only_what_it_may(room):
    wrong = [(name, dep) for name, deps in GRAPH.items() if name == room or name.startswith(room + ".")
             for dep in deps if any(dep == f or dep.startswith(f + ".") for f in FORBIDDEN[room])]
    assert wrong == []


def test_architecture_stages_import_no_reader_writer_cli_or_archive():
    stages = {n: d for n, d in GRAPH.items() if n.startswith("hoinghi.pipeline.nlp.stages.")}
    assert stages
    assert all(dep.startswith(("hoinghi.pipeline.nlp", "hoinghi.rules", "hoinghi.schemas"))
               for deps in stages.values() for dep in deps)
