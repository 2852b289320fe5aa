import pytest

from hoinghi import rules


@pytest.mark.parametrize("name", ["tokenizer", "dates", "people", "awards", "percentages", "meeting"])
def test_rules_every_table_loads(name):
    assert rules.load(name).name == name


def test_rules_example_must_match_its_pattern():
    raw = {"version": 1, "description": "x", "patterns": [
        {"id": "dmy", "label": "DATE", "pattern": r"\d+/\d+", "example": "ngày mai"}]}
    with pytest.raises(rules.RuleError, match=r"rules/bad.yaml: patterns.0.*ngày mai"):
        rules.parse("bad", raw)


def test_rules_counter_example_must_not_match():
    raw = {"version": 1, "description": "x", "patterns": [
        {"id": "pct", "label": "P", "pattern": r"\d+/\d+", "example": "4/4", "counter_examples": ["98/2023"]}]}
    with pytest.raises(rules.RuleError, match="counter-example"):
        rules.parse("bad", raw)


def test_rules_bad_regex_names_the_entry():
    raw = {"version": 1, "description": "x", "patterns": [{"id": "x", "label": "L", "pattern": "(", "example": "("}]}
    with pytest.raises(rules.RuleError, match="does not compile"):
        rules.parse("bad", raw)


def test_rules_blank_lexicon_entry_is_refused():
    with pytest.raises(rules.RuleError, match="blank"):
        rules.parse("bad", {"version": 1, "description": "x", "lexicons": {"cues": ["ông", " "]}})


def test_rules_missing_file_is_named():
    with pytest.raises(rules.RuleError, match="rules/khong_co.yaml"):
        rules.load("khong_co")


@pytest.mark.parametrize("name", ["dates", "people", "awards", "percentages", "meeting"])
def test_rules_case_blind_patterns_match_the_same_on_lowered_text(name):
    from hoinghi.pipeline.nlp.stages.text import caseless, lower_same_length

    for rule in rules.load(name).patterns:
        if not rule.pattern.startswith("(?i)"):
            continue
        fast = caseless(rule.pattern)
        for text in (rule.example, rule.example.upper(), *rule.counter_examples):
            expected = [m.span() for m in rule.regex.finditer(text)]
            assert [m.span() for m in fast.finditer(lower_same_length(text))] == expected, (rule.id, text)


def test_rules_required_character_must_be_in_the_example_match():
    raw = {"version": 1, "description": "x", "patterns": [
        {"id": "pct", "label": "P", "pattern": r"\d+%?", "example": "đạt 98", "requires": "%"}]}
    with pytest.raises(rules.RuleError, match="lacks the required"):
        rules.parse("bad", raw)


def test_rules_pattern_with_a_required_character_skips_texts_without_it():
    rule = rules.load("percentages").pattern("percent")
    assert rule.may_match("tỷ lệ đạt 98,5%")
    assert not rule.may_match("Hội nghị tổng kết năm 2024 diễn ra sáng 15/1")
