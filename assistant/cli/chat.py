"""``dayfinder chat`` (a conversation in the terminal) and ``dayfinder search`` (one message)."""

from __future__ import annotations

import dataclasses
import json
import sys
import uuid
from collections.abc import Iterator
from typing import Annotated

import typer

from assistant.cli.common import database
from assistant.content import text
from assistant.conversation.runtime import Conversations, utc_now
from assistant.engine.oneshot import profile_from_text
from assistant.engine.replies import Inbound, Reply, SearchRequest
from assistant.matching.matcher import Matcher
from assistant.rendering.text import Rendered, render
from assistant.settings import get_settings

CHANNEL = "terminal"
PAGE_SIZE = 5


def _lines(interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from (line.rstrip("\n") for line in sys.stdin)
        return
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def _show(reply: Rendered) -> None:
    typer.echo(reply.text)
    for number, option in enumerate(reply.options, 1):
        typer.echo(f"  {number}) {option.label}")


def chat(easy_read: Annotated[bool, typer.Option("--easy-read", help="Start in easy read.")] = False) -> None:
    """Talk to Dayfinder in the terminal. Reads lines from standard input when it is not a terminal."""
    interactive = sys.stdin.isatty()
    if interactive:
        typer.echo(text("staff/cli", "chat.hint"))
    sender = uuid.uuid4().hex  # a new conversation every run
    with database() as engine:
        conversations = Conversations(engine, Matcher(engine), get_settings())
        if easy_read:
            conversations.turn(CHANNEL, sender, Inbound("easy read"))
        for line in _lines(interactive):
            if not interactive:
                typer.echo(f"> {line}")
            for reply in conversations.turn(CHANNEL, sender, Inbound(line), PAGE_SIZE).replies:
                _show(reply)
        conversations.forget(CHANNEL, sender)


def search(
    query: Annotated[
        str, typer.Argument(help='What to look for, e.g. "free swimming in Solihull on Saturdays".')
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    easy_read: Annotated[bool, typer.Option("--easy-read", help="Word the results in easy read.")] = False,
) -> None:
    """Search the directory with one message and print the best results."""
    mode = "easy" if easy_read else "plain"
    profile, replies = profile_from_text(query)
    today = utc_now().date()
    if replies:
        for reply in replies:
            _show(render(reply, mode, today=today))
        raise typer.Exit(2)
    with database() as engine:
        page = Matcher(engine).search(profile, 0, PAGE_SIZE)
    if as_json:
        cards = [dataclasses.asdict(card) for card in page.cards]
        typer.echo(
            json.dumps({"total": page.total, "results": cards}, indent=1, default=str, ensure_ascii=False)
        )
        return
    _show(render(Reply("results", search=SearchRequest(profile)), mode, today=today, page=page))
