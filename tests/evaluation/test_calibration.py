"""The confidence table: how it is computed, that it is current, and that records carry it."""
import subprocess
import sys

import pytest

from hoinghi import rules
from hoinghi.pipeline.evaluation.calibration import Outcome, check, outcomes, table, wilson_lower
from hoinghi.pipeline.nlp.confidence import above, with_confidence
from tests.conftest import ROOT, SHARED

TEXT = ("Sáng ngày 14/3/2024, Hội Nông dân xã Tân Lập tổ chức hội nghị tổng kết. Đồng chí Vi Văn Sơn, "
        "Chủ tịch Hội chủ trì. Hội khen thưởng 3 tập thể và 9 cá nhân; 97,5% hội viên đạt danh hiệu.")


def test_calibration_rare_path_claims_less_than_a_common_one():
    assert wilson_lower(right=2, n=2) < wilson_lower(right=20, n=20) < wilson_lower(right=200, n=200) < 1
    assert wilson_lower(right=20, n=20) == pytest.approx(0.8389, abs=1e-4)  # worked out by hand: 20/23.84


def test_calibration_table_counts_each_path():
    results = [Outcome("awards", "count/verb", True), Outcome("awards", "count/verb", False),
               Outcome("awards", "named/named_award", True), Outcome("awards", "named/named_award", True)]
    t = rules.ConfidenceTable(**table(results, computed_on=("test",)))
    assert t.fields["awards"].precision == 0.75
    assert t.fields["awards"].paths["count/verb"].right == 1
    assert t.confidence("awards", "count/verb") == round(wilson_lower(right=1, n=2), 3)
    assert t.confidence("awards", "never/seen") == round(wilson_lower(right=3, n=4), 3)
    assert t.fields["people"].precision is None and t.confidence("people", "cue") is None


def test_calibration_check_counts_the_confident_facts():
    results = [Outcome("awards", "a", True)] * 99 + [Outcome("awards", "a", False), Outcome("awards", "b", False)]
    t = rules.ConfidenceTable(**table(results, computed_on=("test",)))
    c = check(t, results, minimum=0.9)
    assert (c.n, c.right) == (100, 99)  # path b, seen once and wrong, stays below


def test_calibration_judges_a_fact_as_the_scorer_counts_it(extractor):
    rec = extractor.extract(TEXT, doc_id="t")
    gold = {"t": {"doc_id": "t", "meeting_date": "2024-03-14", "people": [{"name": "Vi Văn Sơn"}],
                  "awards": [{"title": "khen thưởng", "recipient": "collective", "count": 3}],
                  "percentages": [{"value": 97.5, "numerator": None, "denominator": None, "kind": "target"}]}}
    judged = {(o.field, o.right) for o in outcomes(gold, [rec])}
    assert ("meeting_date", True) in judged and ("people", True) in judged
    assert ("awards", True) in judged and ("awards", False) in judged  # the 9 individuals are not in this gold
    assert ("percentages", False) in judged  # the value matches, the kind does not


def test_calibration_every_fact_gets_a_confidence(extractor):
    rec = extractor.extract(TEXT, doc_id="t")
    assert rec.meeting.date_confidence is not None
    assert all(f.confidence is not None for f in [*rec.people, *rec.awards, *rec.percentages])


def test_calibration_min_confidence_leaves_out_facts_below_it(extractor):
    rec = extractor.extract(TEXT, doc_id="t")
    kept = above(rec, 1.01)
    assert kept.people == [] and kept.awards == [] and kept.percentages == []
    assert kept.meeting.date is None and not any(d.is_meeting for d in kept.dates)
    assert above(rec, 0.0) == rec


def test_calibration_confidence_is_set_from_the_table(extractor):
    rec = extractor.extract(TEXT, doc_id="t")
    fields = {"awards": {"n": 1, "right": 1, "precision": 1.0, "confidence": 0.5, "paths": {}}}
    t = rules.ConfidenceTable(version=1, description="t", computed_on=(), z=1.96, fields=fields)
    assert {a.confidence for a in with_confidence(rec, t).awards} == {0.5}
    assert with_confidence(rec, t).people[0].confidence is None


def test_calibration_table_is_current():
    if not (SHARED / "corpus" / "dev3").is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    done = subprocess.run([sys.executable, "scripts/calibrate.py", "--check"], cwd=ROOT)
    assert done.returncode == 0
