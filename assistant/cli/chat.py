"""``dayfinder chat`` (a conversation in the terminal) and ``dayfinder search`` (one message)."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from typing import Annotated

import typer

from assistant.boundary import inbound_text
from assistant.cli.common import database
from assistant.cli.search_json import dumps, error_document, search_document
from assistant.content import text
from assistant.conversation.one_text import Outcome, search_text
from assistant.conversation.runtime import Conversations, utc_now
from assistant.engine.replies import Inbound, Reply, SearchRequest
from assistant.matching.matcher import Matcher
from assistant.matching.unmet import unmet_wishes
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


# Under a results list a number picks a result, so the options there are words to type.
WORDS_NOT_NUMBERS = frozenset({"results", "results.refine"})


def _show(reply: Rendered) -> None:
    typer.echo(reply.text)
    for number, option in enumerate(reply.options, 1):
        typer.echo(f"  - {option.label}" if reply.key in WORDS_NOT_NUMBERS else f"  {number}) {option.label}")


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
            for reply in conversations.turn(CHANNEL, sender, Inbound(inbound_text(line)), PAGE_SIZE).replies:
                _show(reply)
        conversations.forget(CHANNEL, sender)


def search(
    query: Annotated[str, typer.Argument(help='What to look for, e.g. "free swimming in Solihull on Saturdays".')],
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON, whatever it is.")] = False,
    easy_read: Annotated[bool, typer.Option("--easy-read", help="Word the results in easy read.")] = False,
) -> None:
    """Search the directory with one message and print the best results.

    Exits 0 when it searched (even if nothing matched), 2 when it could not tell where to search
    (no place, not found, which place?, an area not covered) and 1 on an error. With ``--json``
    it always prints one JSON document with a ``status``.
    """
    mode = "easy" if easy_read else "plain"
    today = utc_now().date()
    try:
        with database() as engine:
            found = search_text(query, Matcher(engine), PAGE_SIZE)
            unmet: dict[str, list[str]] = {}
            if as_json and found.page is not None:
                ids = [card.id for card in found.page.cards]
                unmet = unmet_wishes(engine, found.profile, ids, today, page_size=PAGE_SIZE)
    except Exception as exc:  # --json promises JSON for every outcome, a failure included
        if not as_json:
            raise
        detail = str(exc) if not isinstance(exc, typer.Exit) else text("staff/cli", "error.no_database")
        typer.echo(dumps(error_document(detail)))
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(dumps(search_document(found, unmet, mode, today)))
    else:
        for reply in found.said:
            _show(render(reply, mode, today=today))
        if found.page is not None:
            results = Reply("results", search=SearchRequest(found.profile))
            _show(render(results, mode, today=today, page=found.page))
    if found.outcome is not Outcome.RESULTS:
        raise typer.Exit(2)
