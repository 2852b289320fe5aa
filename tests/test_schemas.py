import subprocess
import sys

import pytest
from pydantic import ValidationError

from hoinghi.schemas import ArticleFacts, Evidence, Meeting
from hoinghi.schemas.models import text_sha1
from tests.conftest import ROOT

TEXT = "Sáng ngày 26/01/2024, Văn phòng Tỉnh uỷ tổ chức Hội nghị."


def test_schema_files_are_current():
    done = subprocess.run([sys.executable, "scripts/make_schema.py", "--check"], cwd=ROOT)
    assert done.returncode == 0


def test_record_accepts_evidence_equal_to_its_slice():
    ev = Evidence(start=10, end=20, text=TEXT[10:20])
    rec = ArticleFacts(doc_id="a", text_sha1=text_sha1(TEXT), text=TEXT, meeting=Meeting(date="2024-01-26", date_evidence=ev))
    assert rec.meeting.date == "2024-01-26"


def test_record_rejects_evidence_that_is_not_the_slice():
    ev = Evidence(start=0, end=4, text="Chiề")
    with pytest.raises(ValidationError, match="not that slice"):
        ArticleFacts(doc_id="a", text_sha1=text_sha1(TEXT), text=TEXT, meeting=Meeting(date_evidence=ev))


def test_record_rejects_a_wrong_text_hash():
    with pytest.raises(ValidationError, match="text_sha1"):
        ArticleFacts(doc_id="a", text_sha1="0" * 40, text=TEXT)


@pytest.mark.parametrize("bad", ["2024-13-01", "26/01/2024", "2024-1-5"])
def test_meeting_date_must_be_iso(bad):
    with pytest.raises(ValidationError):
        Meeting(date=bad)


def test_extractor_output_round_trips(extractor):
    rec = extractor.extract(TEXT, doc_id="x")
    again = ArticleFacts.model_validate_json(rec.model_dump_json())
    assert again == rec
