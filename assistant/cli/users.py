"""``dayfinder users ...``: staff accounts for the signposting, curator and commissioner pages.

Register with ``app.add_typer(users_app, name="users")``. Accounts are made here and not on a
web page, so creating the first admin needs shell access to the server, not a password. The
password is never an argument (it would sit in the shell history and the process list): it is
typed twice at a hidden prompt, or piped in with ``--password-stdin`` for scripts.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from assistant.cli.common import database, say
from assistant.content import text
from assistant.staff.users import ROLES, UserExistsError, add_user, list_users, set_active, set_password

users_app = typer.Typer(help="Staff accounts.", no_args_is_help=True)

MIN_PASSWORD = 12
MAX_PASSWORD = 1024


def _fail(key: str, **params: object) -> typer.Exit:
    typer.echo(text("staff/ui", f"users.{key}", **params), err=True)
    return typer.Exit(1)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt(
            text("staff/ui", "users.password_prompt"),
            hide_input=True,
            confirmation_prompt=text("staff/ui", "users.password_again"),
        )
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise _fail("password_length", min=MIN_PASSWORD)
    return password


@users_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="Their work email address; they sign in with it.")],
    name: Annotated[str, typer.Option("--name", help="Their name, as shown on the staff pages.")],
    role: Annotated[str, typer.Option("--role", help="staff, curator, commissioner or admin.")] = "staff",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Create a staff account (asks for the password twice)."""
    if role not in ROLES:
        raise _fail("bad_role", role=role, roles=", ".join(ROLES))
    if "@" not in email or not name.strip():
        raise _fail("bad_details")
    password = _password(password_stdin)
    with database() as engine:
        try:
            add_user(engine, email, name, role, password, dt.datetime.now(dt.UTC))
        except UserExistsError:
            raise _fail("exists", email=email) from None
    say("ui", "users.added", email=email.strip().lower(), role=role)


@users_app.command("list")
def list_() -> None:
    """Every account: email, name, role, and whether it can sign in."""
    with database() as engine:
        users = list_users(engine)
    if not users:
        say("ui", "users.none")
    for user in users:
        state = text("staff/ui", "users.active" if user.active else "users.disabled")
        typer.echo(f"{user.email}\t{user.name}\t{user.role}\t{state}")


@users_app.command("disable")
def disable(email: Annotated[str, typer.Argument(help="The account's email address.")]) -> None:
    """Stop an account signing in; its open sessions end at once."""
    with database() as engine:
        found = set_active(engine, email, False)
    if not found:
        raise _fail("not_found", email=email)
    say("ui", "users.disabled_done", email=email)


@users_app.command("password")
def password(
    email: Annotated[str, typer.Argument(help="The account's email address.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Set a new password (asks for it twice); every session the account has open ends."""
    new = _password(password_stdin)
    with database() as engine:
        found = set_password(engine, email, new)
    if not found:
        raise _fail("not_found", email=email)
    say("ui", "users.password_done", email=email)
