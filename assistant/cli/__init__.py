"""The ``dayfinder`` command: database, directory, conversation and server."""

from __future__ import annotations

import typer

from assistant.cli.chat import chat, search
from assistant.cli.common import database, say
from assistant.cli.directory import directory_app
from assistant.cli.infer import directory_infer
from assistant.cli.reminders import reminders_app
from assistant.cli.reports import report_app
from assistant.cli.serve import serve
from assistant.cli.sync import directory_sync
from assistant.cli.telegram import telegram_app
from assistant.cli.users import users_app

app = typer.Typer(help="Dayfinder: find day opportunities by chat and SMS.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
directory_app.command("sync")(directory_sync)
directory_app.command("infer")(directory_infer)
app.add_typer(directory_app, name="directory")
app.add_typer(telegram_app, name="telegram")
app.add_typer(users_app, name="users")
app.add_typer(report_app, name="report")
app.add_typer(reminders_app, name="reminders")
app.command()(chat)
app.command()(search)
app.command()(serve)


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


def main() -> None:
    app()


__all__ = ["app", "main"]
