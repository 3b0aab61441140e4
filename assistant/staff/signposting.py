"""The staff signposting page: search fast, tick a shortlist, text it or print it for the person.

Everything a search needs rides in the URL (``GET /staff?...``) and the shortlist in the ticked
boxes (``GET /staff/shortlist?ids=...``), so back, reload and bookmarks behave and nothing is
kept on the server between pages. Only sending a text changes anything: it is a POST with the
session's CSRF token, needs the person's consent ticked, and redirects afterwards so a reload
cannot send it twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.content import text
from assistant.matching.matcher import Matcher
from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.cards import card_details, cost, when, where
from assistant.staff import handover, search
from assistant.staff.auth import CheckedForm, CurrentUser, staff_page
from assistant.web.widget import STATIC_DIR

PAGE_SIZE = 20
IdsQ = Annotated[list[str], Query(max_length=handover.MAX_SHORTLIST * 4)]

router = APIRouter(tags=["Staff"], include_in_schema=False)


@dataclasses.dataclass(frozen=True, slots=True)
class Result:
    id: str
    name: str
    organisation: str
    facts: list[str]
    phone: str | None


def result(card: Card, today: dt.date) -> Result:
    facts = [audience(card, "plain"), when(card, "plain", today), where(card, "plain"), cost(card, "plain")]
    facts = [f[0].upper() + f[1:] for f in facts if f]
    return Result(card.id, card.name, card.organisation, facts, card.phone)


@cache
def options() -> dict[str, list[tuple[str, str]]]:
    """Each group of tick-boxes as (value, label): vocabulary names, and days and times of day."""
    offered = search.choices()
    return {
        "needs": [(t.id, t.name) for t in offered.needs],
        "interests": [(t.id, t.name) for t in offered.interests],
        "must": [(t.id, t.name) for t in offered.must_haves],
        "days": [(d, text("staff/ui", f"day.{d}")) for d in search.DAYS],
        "times": [(p, text("staff/ui", f"time.{p}")) for p in search.PARTS],
    }


def _ids_query(cards: list[Card]) -> str:
    return urlencode([("ids", c.id) for c in cards])


@router.get("/staff", response_class=HTMLResponse)
async def signposting(request: Request, user: CurrentUser) -> Response:
    """The search form, and its results when it has been filled in."""
    query = parse_qs(request.url.query, keep_blank_values=True)
    form = search.read_form(query)
    context: dict[str, Any] = {"form": form, "options": options(), "results": None, "widened": []}
    if "search" in query:
        profile, form = await run_in_threadpool(search.to_profile, form)
        context["form"] = form
        if profile is not None:
            found = await run_in_threadpool(Matcher(request.app.state.engine).search, profile, 0, PAGE_SIZE)
            context["results"] = [result(c, dt.datetime.now(dt.UTC).date()) for c in found.cards]
            context["widened"] = [text("matching", w.key, "plain", **dict(w.params)) for w in found.widened]
    return staff_page(request, "staff/search.html", 422 if form.errors else 200, back=request.url.query, **context)


def _shortlist_page(request: Request, cards: list[Card], status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("back", request.query_params.get("back", ""))
    return staff_page(
        request,
        "staff/shortlist.html",
        status,
        cards=[result(c, dt.datetime.now(dt.UTC).date()) for c in cards],
        ids_query=_ids_query(cards),
        **context,
    )


@router.get("/staff/shortlist", response_class=HTMLResponse)
async def shortlist(request: Request, user: CurrentUser, ids: IdsQ = [], sent: int = 0) -> Response:  # noqa: B006
    cards = await run_in_threadpool(handover.shortlist, request.app.state.engine, ids)
    if not cards:
        return _shortlist_page(request, [], 422, error=text("staff/ui", "shortlist.none"))
    notice = text("staff/ui", "send.sent", count=sent) if sent else None
    return _shortlist_page(request, cards, notice=notice)


@router.post("/staff/send", response_class=HTMLResponse)
async def send(request: Request, user: CurrentUser, form: CheckedForm) -> Response:
    """Text the shortlist to the person's phone, once they have agreed to it."""
    engine = request.app.state.engine
    cards = await run_in_threadpool(handover.shortlist, engine, form.get("ids", []))
    back = (form.get("back") or [""])[0][:2000]
    phone = (form.get("phone") or [""])[0][:40]
    if not cards:
        return _shortlist_page(request, [], 422, error=text("staff/ui", "shortlist.none"), back=back)
    if (form.get("consent") or [""])[0] != "yes":
        return _shortlist_page(request, cards, 422, error=text("staff/ui", "send.no_consent"), back=back, phone=phone)
    http_client = getattr(request.app.state, "sms_http_client", None)
    outcome = await run_in_threadpool(
        handover.send, request.app.state.settings, engine, user, cards, phone, http_client
    )
    if outcome.key != "send.sent":
        error = text("staff/ui", outcome.key)
        return _shortlist_page(request, cards, 422, error=error, back=back, phone=phone)
    target = f"/staff/shortlist?{_ids_query(cards)}&{urlencode({'sent': outcome.messages, 'back': back})}"
    return RedirectResponse(target, status_code=303)


@router.get("/staff/handout", response_class=HTMLResponse)
async def handout(request: Request, user: CurrentUser, ids: IdsQ = []) -> Response:  # noqa: B006
    """An easy-read sheet to print and give to the person: large type, one activity a block."""
    cards = await run_in_threadpool(handover.shortlist, request.app.state.engine, ids)
    if not cards:
        return _shortlist_page(request, [], 422, error=text("staff/ui", "shortlist.none"))
    today = dt.datetime.now(dt.UTC).date()
    blocks = [(card, card_details(dataclasses.replace(card, phone=None), "easy", today)) for card in cards]
    return staff_page(request, "staff/handout.html", t=_easy, blocks=blocks, ids_query=_ids_query(cards))


def _easy(key: str, /, **params: object) -> str:
    """The handout's words: easy read, as the person reads it, not staff's plain wording."""
    return text("handout", key, "easy", **params)


@cache
def _stylesheet() -> bytes:
    return (STATIC_DIR / "staff.css").read_bytes()


@router.get("/static/staff.css", include_in_schema=False)
def staff_css() -> Response:
    headers = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
    return Response(_stylesheet(), media_type="text/css; charset=utf-8", headers=headers)
