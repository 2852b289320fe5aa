import pytest

from hoinghi.pipeline.archive import ArchiveError
from hoinghi.pipeline.archive.query import SearchQuery


def test_query_quoted_words_stay_one_phrase():
    assert SearchQuery.parse('"Lâm Đức Xuân" hội nghị').terms == ("lam duc xuan", "hoi", "nghi")


def test_query_date_folds_to_one_phrase():
    assert SearchQuery.parse("26/01/2024").terms == ("26 01 2024",)


def test_query_fts5_quotes_every_term():
    q = SearchQuery.parse('uỷ ban" OR x', person="Lâm Đức Xuân", award="Lao động tiên tiến")
    assert q.fts5() == ('- {facets} : ("uy" AND "ban" AND "or" AND "x") AND people : "lam duc xuan" '
                        'AND awards : "lao dong tien tien"')


def test_query_year_and_kind_are_facet_words():
    q = SearchQuery.parse("hoi nghi", year=2024, kind="vote")
    assert q.fts5() == '- {facets} : ("hoi" AND "nghi") AND facets : "y2024" AND facets : "kvote"'
    assert SearchQuery.parse("", year=2024).fts5() is None


def test_query_several_words_also_search_as_one_phrase():
    q = SearchQuery.parse("lam duc xuan")
    assert q.as_phrase().terms == ("lam duc xuan",)
    assert q.needles() == ("lam duc xuan", "lam", "duc", "xuan")


def test_query_filters_only_is_not_empty():
    assert not SearchQuery.parse("", year=2024).is_empty
    assert SearchQuery.parse("  “ ”  ").is_empty


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "muc tieu"}, "kind 'muc tieu'"),
    ({"year": 1800}, "year 1800"),
    ({"limit": 0}, "limit 0"),
])
def test_query_rejects_bad_filters(kwargs, message):
    with pytest.raises(ArchiveError, match=message):
        SearchQuery.parse("hoi nghi", **kwargs)


def test_search_query_longer_than_500_characters_is_an_error():
    with pytest.raises(ArchiveError, match="the query is 501 characters long; a search takes at most 500"):
        SearchQuery.parse("a" * 300, body="b" * 201)
