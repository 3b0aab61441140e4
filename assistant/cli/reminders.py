"""``dayfinder reminders send``: the reminders and follow-ups that are due, sent and deleted.

Run it every few minutes (the compose file's ``reminders`` service loops it). Two at once are
safe: each message is claimed by one of them (see ``assistant.outreach.job``).
"""

from __future__ import annotations

import datetime as dt
import logging

import typer

from assistant.cli.common import database, say
from assistant.content import text

reminders_app = typer.Typer(help="Reminders before a session and the follow-up a week after.", no_args_is_help=True)


@reminders_app.command("send")
def send() -> None:
    """Send every reminder and follow-up that is due, then delete it; a failed one is tried again next run."""
    from assistant.channels.wiring import CHATTY_LOGGERS
    from assistant.outreach.crypto import cipher
    from assistant.outreach.job import SendJob, channel_senders
    from assistant.settings import get_settings

    for name in CHATTY_LOGGERS:  # httpx would log the Bot API URL, which holds the token
        logging.getLogger(name).setLevel(logging.WARNING)
    settings = get_settings()
    sealer = cipher(settings)
    if sealer is None:
        typer.echo(text("staff/outreach", "cli.no_key"), err=True)
        raise typer.Exit(1)
    with database() as engine:
        job = SendJob(engine, sealer, channel_senders(settings, engine), conversation_days=settings.conversation_days)
        result = job.run(dt.datetime.now(dt.UTC))
    say("outreach", "cli.done", sent=result.sent, failed=result.failed, dropped=result.dropped, waiting=result.waiting)
