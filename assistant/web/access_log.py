"""The server's request logs name each request's path, never its query string.

Query strings carry what people and staff typed: a postcode and a need in the staff search
(``/staff?postcode=B91+1AA&need=dementia``), a text search of the ORUK API, the session of a
no-JavaScript chat page. uvicorn writes every request line whole to its access log, and, at its
TRACE level, every request's ASGI scope; a filter on both loggers replaces the query before any
handler sees the record (``/staff?…``). Field names go too: a bare ``?B911AA`` is a name.
"""

from __future__ import annotations

import logging

LOGGERS = ("uvicorn.access", "uvicorn.asgi")
HIDDEN = "\u2026"
_PATH_ARG = 2  # uvicorn's access record: (client, method, path with query, HTTP version, status)


def without_query(path: str) -> str:
    base, mark, _query = path.partition("?")
    return f"{base}?{HIDDEN}" if mark else path


class HideQueryStrings(logging.Filter):
    """Rewrites the query out of an access record's path, or a logged scope; keeps every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not isinstance(args, tuple):
            return True
        if record.name == "uvicorn.access" and len(args) > _PATH_ARG and isinstance(path := args[_PATH_ARG], str):
            record.args = (*args[:_PATH_ARG], without_query(path), *args[_PATH_ARG + 1 :])
        elif any(isinstance(arg, dict) and arg.get("query_string") for arg in args):
            record.args = tuple(
                {**arg, "query_string": HIDDEN.encode()} if isinstance(arg, dict) and "query_string" in arg else arg
                for arg in args
            )
        return True


def install() -> None:
    """Add the filter to uvicorn's request loggers, once however many apps are built."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, HideQueryStrings) for f in logger.filters):
            logger.addFilter(HideQueryStrings())
