"""Shared fixtures: one loaded pipeline for the whole test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from hoinghi.pipeline.nlp.extractor import Extractor
from hoinghi.pipeline.nlp.language import build_nlp

pytest_plugins = ["tests.archive_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp)


@pytest.fixture(scope="session")
def run(nlp):
    """Run the full pipeline over a text and return the annotated Doc."""

    def _run(text: str, published: str | None = None):
        doc = nlp.make_doc(text)
        doc._.published = published
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return _run
