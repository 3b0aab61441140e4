"""``dayfinder users add | list | disable`` against each configured database."""

from __future__ import annotations

import datetime as dt

import pytest
import typer
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from assistant.cli.users import users_app
from assistant.staff import sessions
from assistant.staff.users import StaffSession, authenticate, find_user

pytestmark = pytest.mark.storage

PASSWORD = "a long enough password"


@pytest.fixture
def app() -> typer.Typer:
    """The users sub-app under a root, as ``dayfinder`` will register it."""
    root = typer.Typer()
    root.add_typer(users_app, name="users")
    return root


def test_add_list_and_disable(app: typer.Typer, engine: Engine, configured: str) -> None:
    runner = CliRunner()
    command = ["users", "add", "Ann@Example.org", "--name", "Ann", "--role", "curator"]
    added = runner.invoke(app, command, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0, added.output
    assert "Added ann@example.org as curator." in added.output and PASSWORD not in added.output
    user = find_user(engine, "ann@example.org")
    assert user is not None and user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    assert authenticate(engine, "ann@example.org", PASSWORD) is not None

    piped = runner.invoke(app, ["users", "add", "bo@example.org", "--name", "Bo", "--password-stdin"], input=PASSWORD)
    assert piped.exit_code == 0, piped.output
    listed = runner.invoke(app, ["users", "list"])
    assert "ann@example.org\tAnn\tcurator\tactive" in listed.output
    assert "bo@example.org\tBo\tstaff\tactive" in listed.output

    disabled = runner.invoke(app, ["users", "disable", "ann@example.org"])
    assert disabled.exit_code == 0 and "can no longer sign in" in disabled.output
    assert "ann@example.org\tAnn\tcurator\tdisabled" in runner.invoke(app, ["users", "list"]).output
    assert authenticate(engine, "ann@example.org", PASSWORD) is None


def test_mistakes_are_refused_clearly(app: typer.Typer, engine: Engine, configured: str) -> None:
    runner = CliRunner()
    args = ["users", "add", "cy@example.org", "--name", "Cy"]
    assert "is not a role" in runner.invoke(app, [*args, "--role", "boss"], input=PASSWORD).output
    short = runner.invoke(app, [*args, "--password-stdin"], input="short")
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    mismatch = runner.invoke(app, args, input=f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n")
    assert mismatch.exit_code == 0  # asked again until both match
    again = runner.invoke(app, [*args, "--password-stdin"], input=PASSWORD)
    assert again.exit_code == 1 and "already an account" in again.output
    missing = runner.invoke(app, ["users", "disable", "nobody@example.org"])
    assert missing.exit_code == 1 and "no account for nobody@example.org" in missing.output


def test_a_new_password_from_the_command_line_signs_the_account_out_everywhere(
    app: typer.Typer, engine: Engine, configured: str
) -> None:
    runner = CliRunner()
    runner.invoke(app, ["users", "add", "di@example.org", "--name", "Di", "--password-stdin"], input=PASSWORD)
    user = find_user(engine, "di@example.org")
    assert user is not None and user.id is not None
    limits = sessions.Limits(idle=dt.timedelta(minutes=30), absolute=dt.timedelta(hours=8))
    token = sessions.start(engine, user.id, dt.datetime.now(dt.UTC), limits)
    new = "another long password"
    changed = runner.invoke(app, ["users", "password", "di@example.org", "--password-stdin"], input=new)
    assert changed.exit_code == 0 and "every session it had open has ended" in changed.output
    assert sessions.resume(engine, token, dt.datetime.now(dt.UTC), limits) is None
    with Session(engine) as db:
        assert db.exec(select(func.count()).where(col(StaffSession.user_id) == user.id)).one() == 0
    assert authenticate(engine, "di@example.org", new) is not None
    missing = runner.invoke(app, ["users", "password", "nobody@example.org", "--password-stdin"], input=PASSWORD)
    assert missing.exit_code == 1
