"""The checks on right facts: records built from gold, scored by ../shared/score_crossyear.py."""
from __future__ import annotations

import importlib.util

import pytest

from hoinghi.pipeline.crossyear.run import analyse
from hoinghi.pipeline.crossyear.series import linked
from tests.conftest import ROOT, SHARED
from tests.crossyear.gold_records import gold_records

CORPUS = ROOT / "corpus" / "crossyear"
SCORER = SHARED / "score_crossyear.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_crossyear", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(folder):
    scorer = _scorer()
    result = analyse(gold_records(folder))
    findings = [f.to_json() for f in result.findings]
    series = [s.to_json() for s in linked(result.series)]
    return scorer.score(scorer.load(folder / "findings.gold.jsonl"), scorer.load(folder / "series.gold.jsonl"),
                        findings, series)


def test_corpus_has_six_bodies_over_three_years_and_forty_articles():
    records = gold_records(CORPUS)
    result = analyse(records)
    assert len(records) >= 40
    years = {b.name: {result.years[d] for d in b.doc_ids} for b in result.bodies}
    assert sum(len(y) >= 3 for y in years.values()) >= 6


def test_corpus_every_planted_finding_is_found_and_no_control_flagged():
    r = _score(CORPUS)
    assert r["missed"] == [] and r["violated"] == []
    assert r["findings_precision"] == 1.0


def test_corpus_series_are_linked():
    assert _score(CORPUS)["series_link_rate"] >= 0.9


@pytest.mark.skipif(not SCORER.exists(), reason="no ../shared/crossyear beside the checkout")
def test_corpus_real_series_finding_found_and_controls_kept_on_gold_facts():
    r = _score(SHARED / "crossyear")
    assert r["missed"] == [] and r["violated"] == []
