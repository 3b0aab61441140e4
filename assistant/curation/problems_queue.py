"""Problem reports about listings: the table, and filing, listing and closing reports.

A member of the public can say a listing is wrong from the listing page, the no-JS chat, the
widget (which links to the listing page's form) or by typing "report 2" in a conversation. No
personal data is asked for: a report holds the listing, what is wrong (length-limited), where it
came from and when, and for a report typed in a conversation the same HMAC key the conversation
is stored under, so that "delete my data" deletes the reports too (:func:`forget_reports`).
Curators see open reports at ``/staff/problems`` and close them; closing
records who closed it and when, so the queue is also a small audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import DateTime, Engine
from sqlmodel import Field, Session, SQLModel, col, delete, select

from assistant.directory.db import session_scope
from assistant.directory.models import Service

MAX_MESSAGE = 1000
SOURCES = ("listing", "chat", "widget", "web", "sms", "telegram", "terminal")


class ProblemReport(SQLModel, table=True):
    __tablename__ = "problem_report"

    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(max_length=128, index=True)  # no foreign key: a report outlives its listing
    message: str = Field(max_length=MAX_MESSAGE)
    source: str = Field(max_length=16)
    created_at: dt.datetime = Field(sa_type=DateTime(timezone=True), index=True)
    closed_at: dt.datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closed_by: int | None = Field(default=None, foreign_key="staff_user.id")
    reporter: str | None = Field(default=None, max_length=64, index=True)  # HMAC key; None from a web form


@dataclass(frozen=True, slots=True)
class OpenReport:
    id: int
    service_id: str
    service_name: str | None  # None when the listing is no longer in the directory
    message: str
    source: str
    created_at: dt.datetime


def clean_message(message: str) -> str:
    """Whitespace tidied and cut to the column's length, so an over-long report is still kept."""
    return " ".join(message.split())[:MAX_MESSAGE]


def file_report(
    session: Session, service_id: str, message: str, source: str, now: dt.datetime, reporter: str | None = None
) -> ProblemReport:
    """Add a report in the caller's transaction (the conversation runtime writes it with the turn,
    with the person's key as ``reporter``)."""
    report = ProblemReport(
        service_id=service_id[:128],
        message=clean_message(message),
        source=source if source in SOURCES else "web",
        created_at=now,
        reporter=reporter,
    )
    session.add(report)
    session.flush()
    return report


def forget_reports(session: Session, reporter: str) -> None:
    """Delete every report this person filed, open or closed, in the caller's transaction."""
    session.execute(delete(ProblemReport).where(col(ProblemReport.reporter) == reporter))


def listing_exists(engine: Engine, service_id: str) -> bool:
    with Session(engine) as session:
        return session.get(Service, service_id) is not None


def open_reports(engine: Engine) -> list[OpenReport]:
    """Open reports, oldest first: the longest-waiting is dealt with first."""
    with Session(engine) as session:
        rows = session.exec(
            select(ProblemReport, Service.name)
            .join(Service, col(Service.id) == col(ProblemReport.service_id), isouter=True)
            .where(col(ProblemReport.closed_at).is_(None))
            .order_by(col(ProblemReport.created_at), col(ProblemReport.id))
        ).all()
    return [OpenReport(r.id or 0, r.service_id, name, r.message, r.source, r.created_at) for r, name in rows]


def close_report(engine: Engine, report_id: int, user_id: int | None, now: dt.datetime) -> bool:
    """Close an open report; False when there is no such open report."""
    with session_scope(engine) as session:
        report = session.get(ProblemReport, report_id)
        if report is None or report.closed_at is not None:
            return False
        report.closed_at = now
        report.closed_by = user_id
        session.add(report)
    return True
