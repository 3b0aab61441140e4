"""The ``dayfinder`` command: database, directory, conversation and server."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.chat import chat, search
from assistant.cli.common import database, say
from assistant.cli.directory import directory_app
from assistant.cli.reports import report_app
from assistant.cli.telegram import telegram_app
from assistant.cli.users import users_app
from assistant.settings import get_settings

app = typer.Typer(help="Dayfinder: find day opportunities by chat and SMS.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(directory_app, name="directory")
app.add_typer(telegram_app, name="telegram")
app.add_typer(users_app, name="users")
app.add_typer(report_app, name="report")
app.command()(chat)
app.command()(search)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or update the database schema."""
    with database() as engine:
        say("cli", "db.upgraded", url=engine.url.render_as_string())


@app.command()
def purge() -> None:
    """Delete conversation state idle for longer than CONVERSATION_DAYS (run it daily)."""
    from assistant.conversation.runtime import purge_idle

    with database() as engine:
        removed = purge_idle(engine)
    say("cli", "purge.done", count=removed)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (use PostgreSQL for more than one).")] = 1,
) -> None:
    """Run the web server (migrating the database first)."""
    import uvicorn

    settings = get_settings()
    with database():
        pass
    host, port = host or settings.host, port or settings.port
    say("cli", "serve.starting", host=host, port=port)
    say("cli", "serve.chat_hint")
    uvicorn.run(
        "assistant.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level,
    )


def main() -> None:
    app()


__all__ = ["app", "main"]
