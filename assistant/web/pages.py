"""Dayfinder's own HTML pages: the no-JavaScript chat at ``/chat`` and a printable ``/listing/{id}``.

The chat page runs the same conversation as the widget with plain forms, for people whose
browser, device or assistive technology does not run the widget's script. Templates hold the
structure; every sentence comes from ``content/web_ui.toml`` (or the conversation itself), in
the person's chosen wording.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from assistant.boundary import MAX_TEXT, inbound_text
from assistant.content import text
from assistant.conversation.runtime import Conversations
from assistant.engine.replies import Inbound
from assistant.matching.cards import load_cards
from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.cards import card_details, cost, when, where
from assistant.rendering.text import Rendered, RenderedOption
from assistant.settings import Settings
from assistant.web import chat_sessions, widget
from assistant.web.chat_api import CHANNEL, PAGE_SIZE
from assistant.web.chat_sessions import same_site
from assistant.web.ratelimit import RateLimiter

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SESSION = re.compile(chat_sessions.PATTERN)
MODES = ("plain", "easy")
SWITCH = {"easy": "easy read", "plain": "plain"}  # what the easy-read button says to the conversation
PERSON = "talk to a person"
CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
HEADERS = {"Content-Security-Policy": CSP, "Cache-Control": "no-store"}

router = APIRouter(tags=["Pages"])
router.include_router(widget.router)
templates = Jinja2Templates(directory=TEMPLATES_DIR)
ModeQ = Annotated[Literal["plain", "easy"], Query(description="Usual wording or easy read.")]


@dataclasses.dataclass(frozen=True, slots=True)
class CardView:
    id: str
    name: str
    summary: str
    facts: list[str]
    phone: str | None
    tel: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class ReplyView:
    lines: list[str]  # before the cards
    options: list[RenderedOption]
    cards: list[CardView]
    after: list[str]  # after the cards: what to do next


def words(mode: str) -> Callable[..., str]:
    def t(key: str, /, **params: object) -> str:
        return text("web_ui", key, mode, **params)

    return t


def tel(phone: str | None) -> str | None:
    return "tel:" + re.sub(r"[^0-9+]", "", phone) if phone else None


def card_view(card: Card, mode: str, today: dt.date | None) -> CardView:
    t = words(mode)
    facts = [for_whom[0].upper() + for_whom[1:] if (for_whom := audience(card, mode)) else ""]
    facts += [t("card.when", when=when(card, mode, today)) if card.sessions else ""]
    facts += [t("card.where", where=place) if (place := where(card, mode)) else ""]
    facts += [t("card.cost", cost=cost(card, mode))]
    return CardView(card.id, card.name, card.summary, [f for f in facts if f], card.phone, tel(card.phone))


def reply_view(reply: Rendered, mode: str) -> ReplyView:
    """The reply's sentences and options; its results as cards, not as the numbered lines of a text."""
    cards = reply.cards if reply.key == "results" else []
    numbered = tuple(f"{i}. {card.name}" for i, card in enumerate(cards, 1))
    before: list[str] = []
    after: list[str] = []
    for line in filter(None, reply.text.split("\n")):
        if numbered and line.startswith(numbered):
            before, after = before + after, []
        else:
            after.append(line)
    if not cards:
        before, after = after, []
    return ReplyView(before, list(reply.options), [card_view(c, mode, reply.today) for c in cards], after)


def page(request: Request, name: str, mode: str, status: int = 200, **context: Any) -> HTMLResponse:
    context |= {"mode": mode, "t": words(mode), "other_mode": "plain" if mode == "easy" else "easy"}
    context |= {"switch": SWITCH, "person": PERSON}
    return templates.TemplateResponse(request, name, context, status_code=status, headers=HEADERS)


@router.get("/chat", response_class=HTMLResponse)
def chat_page(request: Request, mode: ModeQ = "plain") -> HTMLResponse:
    """The start of a conversation without JavaScript: what to say, and a box to say it in."""
    return page(request, "chat.html", mode, session=None, said=None, replies=[])


@router.post("/chat", response_class=HTMLResponse)
async def chat_turn(request: Request) -> HTMLResponse:
    """One turn from the plain HTML form: the session rides in a hidden field, not a cookie. Only a
    session this server issued carries on; a cross-site POST is refused (403)."""
    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    mode = form["mode"] if form.get("mode") in MODES else "plain"
    if not same_site(request):  # another site's page may not post turns into a session it holds
        refused = text("web", "cross_site", mode)
        return page(request, "chat.html", mode, 403, error=refused, session=None, said=None, replies=[])
    settings: Settings = request.app.state.settings
    session, said = form.get("session") or None, form.get("text", "").strip()
    context: dict[str, Any] = {"session": session, "said": None, "replies": []}
    if session is not None and not SESSION.match(session):
        context["session"] = None
        return page(request, "chat.html", mode, 422, error=text("web", "bad_request", mode), **context)
    # an id this server did not issue starts a new conversation
    session = context["session"] = chat_sessions.verified(settings, session)
    if not said or len(said) > MAX_TEXT:
        key, status = ("too_big", 413) if said else ("bad_request", 422)
        return page(request, "chat.html", mode, status, error=text("web", key, mode), **context)
    session = session or chat_sessions.issue(settings)
    limits: tuple[RateLimiter, RateLimiter] = request.app.state.chat_limits
    client = request.client.host if request.client else "unknown"
    allowed = await run_in_threadpool(lambda: limits[0].allow(f"ip:{client}") and limits[1].allow(f"session:{session}"))
    if not allowed:
        return page(request, "chat.html", mode, 429, error=text("web", "too_many", mode), **context)
    conversations: Conversations = request.app.state.conversations
    result = await run_in_threadpool(
        conversations.turn, CHANNEL, session, Inbound(text=inbound_text(said)), page_size=PAGE_SIZE, mode=mode
    )
    context |= {
        "session": None if result.deleted else session,
        "said": said,
        "replies": [reply_view(r, result.mode) for r in result.replies],
    }
    return page(request, "chat.html", result.mode, **context)


def find_card(engine: Engine, service_id: str) -> Card | None:
    with Session(engine) as session:
        return load_cards(session, [service_id]).get(service_id)


@router.get("/listing/{service_id}", response_class=HTMLResponse)
def listing(request: Request, service_id: str, mode: ModeQ = "plain") -> HTMLResponse:
    """One activity in full, laid out to print; a friendly page (404) when it is not in the directory."""
    card = find_card(request.app.state.engine, service_id) if len(service_id) <= 200 else None
    if card is None:
        return page(request, "not_found.html", mode, 404)
    today = dt.datetime.now(dt.UTC).date()
    # contact details are shown as links below, so the sentence listing them is left out
    lines = card_details(dataclasses.replace(card, phone=None, email=None, url=None), mode, today)
    website = card.url if card.url and card.url.startswith(("https://", "http://")) else None
    return page(request, "listing.html", mode, card=card, lines=lines, tel=tel(card.phone), website=website)
