"""Friendly JSON errors: every 4xx says what happened in plain words, never a stack trace."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from assistant.content import text

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "bad_request",
    413: "too_big",
    422: "bad_request",
    429: "too_many",
    503: "try_again",
}


def friendly(status: int, key: str, mode: str = "plain") -> JSONResponse:
    message = text("web", key, mode)
    return JSONResponse(
        status_code=status,
        content={
            "error": {"code": key, "message": message},
            "replies": [{"text": message, "options": [], "results": []}],
        },
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        too_long = any(
            e.get("type") == "string_too_long" and tuple(e.get("loc", ()))[-1:] == ("text",) for e in exc.errors()
        )
        return friendly(413 if too_long else 422, "too_big" if too_long else "bad_request")

    @app.exception_handler(PoolTimeout)
    async def pool_exhausted(_request: Request, _exc: PoolTimeout) -> JSONResponse:
        """Every pooled database connection stayed busy too long: "try again", not a 500."""
        return friendly(503, "try_again")

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return friendly(exc.status_code, CODES.get(exc.status_code, "bad_request"))
