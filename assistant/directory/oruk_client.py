"""Read every service from a live Open Referral UK API, politely.

ORUK 1.0 and 3.0 both page ``/services`` with ``page`` (from 1; from 0 when page 1 says it is not the
first) and ``per_page``; a 1.0 page says
how many there are in ``totalPages``/``totalElements`` (items in ``content`` or ``contents``), a
3.0 page in ``total_pages``/``total_items`` (items in ``contents``). A 3.0 list holds summaries
(one-to-one fields only), so each service is then read whole from ``/services/{id}``; so is a 1.0
summary. A small fixed number of requests run at once; a timeout, a dropped connection, a 429 or
a 5xx is retried after an exponentially growing wait; anything else stops the sync.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from assistant.directory.reader import records_of

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class SyncProgress(Protocol):
    """Told how much there is to fetch and when each part is done (a progress bar, or nothing)."""

    def start(self, stage: str, total: int) -> None: ...

    def advance(self, stage: str) -> None: ...


class NoProgress:
    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, stage: str) -> None:
        pass


class FetchError(RuntimeError):
    """The API could not be read whole: nothing should be written or archived."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.detail = detail


@dataclass(frozen=True, slots=True)
class FetchOptions:
    concurrency: int = 4
    per_page: int = 100
    attempts: int = 5
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    timeout: float = 30.0


@dataclass(frozen=True, slots=True)
class Fetched:
    records: list[dict[str, Any]]
    pages: int
    requests: int
    retries: int


def fetch_services(base_url: str, options: FetchOptions | None = None, progress: SyncProgress | None = None) -> Fetched:
    """Every full service the API at ``base_url`` lists, in its order. Raises :class:`FetchError`."""
    return asyncio.run(_Fetcher(base_url.rstrip("/"), options or FetchOptions(), progress or NoProgress()).run())


class _Fetcher:
    def __init__(self, base_url: str, options: FetchOptions, progress: SyncProgress) -> None:
        self.base_url = base_url
        self.options = options
        self.progress = progress
        self.requests = 0
        self.retries = 0

    async def run(self) -> Fetched:
        opts = self.options
        limits = httpx.Limits(max_connections=opts.concurrency, max_keepalive_connections=opts.concurrency)
        headers = {"Accept": "application/json", "User-Agent": "Dayfinder directory sync"}
        async with httpx.AsyncClient(timeout=opts.timeout, limits=limits, headers=headers) as client:
            self.client = client
            self.gate = asyncio.Semaphore(opts.concurrency)
            first = await self._page(1)
            pages = _page_count(first, len(_items(first, self.base_url)), opts.per_page)
            self.progress.start("pages", pages)
            self.progress.advance("pages")
            numbers = range(0, pages) if _counts_from_zero(first) else range(1, pages + 1)
            rest = await asyncio.gather(*(self._page(n) for n in numbers if n != 1))
            ordered = [*rest[:1], first, *rest[1:]] if numbers.start == 0 else [first, *rest]
            summaries = [item for page in ordered for item in _items(page, self.base_url)]
            lists_summaries = isinstance(first, dict) and "total_items" in first  # ORUK 3.0
            if not lists_summaries and not any(map(_is_summary, summaries)):
                return Fetched(summaries, pages, self.requests, self.retries)
            self.progress.start("services", len(summaries))
            records = await asyncio.gather(*(self._service(s, lists_summaries or _is_summary(s)) for s in summaries))
        return Fetched(list(records), pages, self.requests, self.retries)

    async def _page(self, number: int) -> object:
        page = await self._get("/services", {"page": number, "per_page": self.options.per_page})
        if number != 1:
            self.progress.advance("pages")
        return page

    async def _service(self, summary: dict[str, Any], summary_only: bool) -> dict[str, Any]:
        if not summary_only or not summary.get("id"):  # a record with no id is the policy's to refuse
            self.progress.advance("services")
            return summary
        path = f"/services/{quote(str(summary.get('id') or ''), safe='')}"
        record = await self._get(path, {})
        self.progress.advance("services")
        if not isinstance(record, dict):
            raise FetchError(self.base_url + path, "not a service")
        return record

    async def _get(self, path: str, params: dict[str, int]) -> object:
        url = self.base_url + path
        failure = ""
        for attempt in range(self.options.attempts):
            if attempt:
                self.retries += 1
                await asyncio.sleep(self.options.backoff * 2 ** (attempt - 1))
            async with self.gate:
                self.requests += 1
                try:
                    response = await self.client.get(url, params=params)
                except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                    failure = type(exc).__name__
                    continue
            if response.status_code in RETRY_STATUSES:
                failure = f"HTTP {response.status_code}"
                continue
            if response.status_code != 200:
                raise FetchError(url, f"HTTP {response.status_code}")
            try:
                return response.json()
            except ValueError as exc:
                raise FetchError(url, "not JSON") from exc
        raise FetchError(url, f"{failure} after {self.options.attempts} attempts")


def _items(page: object, url: str) -> list[dict[str, Any]]:
    items = records_of(page) if isinstance(page, list) or _has_items(page) else None
    if items is None:
        raise FetchError(url + "/services", "not a page of services")
    return items


def _has_items(page: object) -> bool:
    return isinstance(page, dict) and any(isinstance(page.get(k), list) for k in ("contents", "content"))


def _page_count(first: object, size: int, per_page: int) -> int:
    """Pages to read: as the first page says (3.0 or 1.0 names), else from the total items."""
    if not isinstance(first, dict):
        return 1
    for pages_key, items_key in (("total_pages", "total_items"), ("totalPages", "totalElements")):
        pages = first.get(pages_key)
        if isinstance(pages, int) and pages >= 1:
            return pages
        items = first.get(items_key)
        if isinstance(items, int) and items > size:
            return math.ceil(items / max(size, 1))
    return 1


def _counts_from_zero(first: object) -> bool:
    """Page 1 says it is not the first page: the API numbers its pages from 0 (as Spring does)."""
    return isinstance(first, dict) and (first.get("first") is False or first.get("first_page") is False)


def _is_summary(record: dict[str, Any]) -> bool:
    """A record with no nested rows at all (no organisation, places, times, ...): read it whole."""
    return not any(isinstance(value, list | dict) for value in record.values())
