"""Variety and paging: at most two results from one organisation on a page, pages always full."""

from __future__ import annotations

from collections import Counter

from assistant.matching.variety import page_of

# (name, organisation), best first: a big provider holds the top four places.
RANKED = [("a1", "A"), ("a2", "A"), ("a3", "A"), ("a4", "A"), ("b1", "B"), ("c1", "C"), ("b2", "B"), ("d1", "D")]


def names(page: int, size: int = 3, ranked: list[tuple[str, str]] = RANKED) -> list[str]:
    return [name for name, _ in page_of(ranked, lambda item: item[1], page, size)]


def test_no_more_than_two_from_one_organisation_on_a_page() -> None:
    for size in (3, 5):
        for page in range(3):
            counts = Counter(org for name, org in RANKED if name in names(page, size))
            assert max(counts.values(), default=0) <= 2


def test_a_third_listing_moves_to_the_next_page_keeping_rank_order() -> None:
    assert names(0) == ["a1", "a2", "b1"]
    assert names(1) == ["a3", "a4", "c1"]
    assert names(2) == ["b2", "d1"]


def test_pages_cover_every_result_exactly_once() -> None:
    shown = [name for page in range(4) for name in names(page)]
    assert sorted(shown) == sorted(name for name, _ in RANKED)


def test_when_only_one_organisation_is_left_pages_still_fill() -> None:
    one_provider = [(f"a{i}", "A") for i in range(7)]
    assert names(0, 5, one_provider) == ["a0", "a1", "a2", "a3", "a4"]
    assert names(1, 5, one_provider) == ["a5", "a6"]


def test_a_page_is_the_same_whether_or_not_earlier_pages_were_asked_for() -> None:
    assert names(2) == names(2)
    assert names(5) == []
    assert names(-1) == []
