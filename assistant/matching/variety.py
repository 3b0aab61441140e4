"""Variety and paging: no more than two results from one organisation on a page.

A big provider can run a dozen groups in one town; six of its listings on a page would crowd out
everyone else. Pages are filled in rank order, skipping an organisation's third listing, which
moves to the next page instead. Only when every listing left belongs to organisations already
shown twice does a page take more of them, so pages stay full and "more" never shows a gap.
Each page depends only on the pages before it, so page 3 is the same whether or not pages 1
and 2 were asked for first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
PER_ORGANISATION = 2


def page_of(
    ranked: Sequence[T],
    organisation: Callable[[T], str],
    page: int,
    page_size: int,
    per_organisation: int = PER_ORGANISATION,
) -> list[T]:
    """The items on page ``page`` (0-based) of ``ranked`` (best first), arranged for variety."""
    if page < 0 or page_size <= 0:
        return []
    remaining = list(enumerate(ranked))
    chosen: list[tuple[int, T]] = []
    for _ in range(page + 1):
        chosen, remaining = _one_page(remaining, organisation, page_size, per_organisation)
    return [item for _, item in chosen]


def _one_page(
    remaining: list[tuple[int, T]], organisation: Callable[[T], str], size: int, per_organisation: int
) -> tuple[list[tuple[int, T]], list[tuple[int, T]]]:
    chosen: list[tuple[int, T]] = []
    deferred: list[tuple[int, T]] = []
    counts: Counter[str] = Counter()
    index = 0
    while index < len(remaining) and len(chosen) < size:
        entry = remaining[index]
        index += 1
        org = organisation(entry[1])
        if counts[org] < per_organisation:
            chosen.append(entry)
            counts[org] += 1
        else:
            deferred.append(entry)
    if len(chosen) < size and deferred:  # only over-represented organisations are left
        fill, deferred = deferred[: size - len(chosen)], deferred[size - len(chosen) :]
        chosen = sorted(chosen + fill, key=lambda pair: pair[0])
    return chosen, deferred + remaining[index:]
