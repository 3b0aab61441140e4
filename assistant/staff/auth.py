"""Staff sign-in, sessions and CSRF: what every ``/staff`` page and staff API depends on.

Public interface (kept stable for the other staff modules):

- ``install(app)``: once, in ``create_app``; adds the error handlers below and the login rate limit.
- ``router``: ``GET/POST /staff/login`` and ``POST /staff/logout``.
- ``current_user`` (dependency) -> the signed-in, active ``StaffUser``. Without one, a request that
  accepts ``text/html`` is redirected (303) to ``/staff/login?next=<path>``; any other gets 401 JSON.
  ``CurrentUser`` is ``Annotated[StaffUser, Depends(current_user)]``.
- ``require_role(*roles)`` -> a dependency like ``current_user`` that also answers 403 (friendly
  page, or JSON) unless the user has one of ``roles``; ``admin`` may do everything.
- ``checked_form`` (async dependency) -> the URL-encoded form as ``dict[str, list[str]]``, after
  checking its ``csrf`` field; ``CheckedForm`` is the annotated type. Every POST form must use it
  (or call ``verify_csrf(request, token)`` itself, e.g. with an ``X-CSRF-Token`` header for an API
  or a multipart upload). A missing or wrong token answers 403 with a friendly page.
- ``csrf_token(request)`` -> the token to put in a form's hidden ``csrf`` field (``staff_page``
  passes it to templates as ``csrf``).
- ``staff_page(request, template, status=200, content="staff/ui", **context)`` -> an HTML response
  from ``assistant/web/templates/<template>`` (extend ``staff/base.html``) with ``t`` (sentences
  from ``content/<content>.toml``), ``ui`` (from ``content/staff/ui.toml``), ``user`` and ``csrf``.

The cookie is signed with ``STAFF_SESSION_SECRET`` (itsdangerous) and holds the CSRF token and,
once signed in, a session token, nothing else. The session itself lives on the server
(``assistant.staff.sessions``) and is checked on every request: signing out, disabling the
account, changing its password, ``STAFF_IDLE_MINUTES`` without a request or
``STAFF_SESSION_MINUTES`` since sign-in end it, and a replayed cookie then opens nothing. The
cookie is ``HttpOnly``, ``SameSite=Lax`` and ``Secure`` (``STAFF_COOKIE_SECURE=false`` only for
plain-HTTP development). Bad credentials get one generic message, whatever was wrong; sign-in
attempts are rate-limited per address and per email.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool

from assistant.content import text
from assistant.settings import Settings
from assistant.staff import sessions
from assistant.staff.users import StaffUser, authenticate
from assistant.web.pages import HEADERS, templates
from assistant.web.ratelimit import RateLimiter

COOKIE = "dayfinder_staff"
LOGIN = "/staff/login"
Form = dict[str, list[str]]


class LoginRequiredError(Exception):
    """No signed-in, active account."""


class CsrfError(Exception):
    """A POST without the session's CSRF token."""


class RoleError(Exception):
    """Signed in, but this needs another role."""


def words(file: str) -> Callable[..., str]:
    def t(key: str, /, **params: object) -> str:
        return text(file, key, "plain", **params)

    return t


def _serializer(request: Request) -> URLSafeTimedSerializer:
    settings: Settings = request.app.state.settings
    return URLSafeTimedSerializer(settings.staff_session_secret.get_secret_value(), salt="dayfinder-staff-session")


def _limits(settings: Settings) -> sessions.Limits:
    return sessions.Limits(
        idle=dt.timedelta(minutes=settings.staff_idle_minutes),
        absolute=dt.timedelta(minutes=settings.staff_session_minutes),
    )


def _session(request: Request) -> dict[str, Any]:
    """The cookie's contents when its signature is good and it has not expired; else empty."""
    if "staff_session" in request.scope:
        cached: dict[str, Any] = request.scope["staff_session"]
        return cached
    settings: Settings = request.app.state.settings
    data: dict[str, Any] = {}
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            loaded = _serializer(request).loads(raw, max_age=settings.staff_session_minutes * 60)
            data = loaded if isinstance(loaded, dict) else {}
        except BadSignature:
            data = {}
    request.scope["staff_session"] = data
    return data


def _set_session(request: Request, response: Response, data: dict[str, Any]) -> None:
    settings: Settings = request.app.state.settings
    request.scope["staff_session"] = data
    response.set_cookie(
        COOKIE,
        _serializer(request).dumps(data),
        max_age=settings.staff_session_minutes * 60,
        path="/",
        secure=settings.staff_cookie_secure,
        httponly=True,
        samesite="lax",
    )


def csrf_token(request: Request) -> str:
    """This session's CSRF token ("" before the login page has started a session)."""
    token = _session(request).get("csrf")
    return token if isinstance(token, str) else ""


def verify_csrf(request: Request, token: str | None) -> None:
    expected = csrf_token(request)
    if not expected or not token or not hmac.compare_digest(expected.encode(), token.encode()):
        raise CsrfError


async def read_form(request: Request) -> Form:
    """The URL-encoded body (no multipart parser needed), read once and kept on the request."""
    return parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)


async def checked_form(request: Request) -> Form:
    form = await read_form(request)
    verify_csrf(request, (form.get("csrf") or [""])[0])
    return form


CheckedForm = Annotated[Form, Depends(checked_form)]


def current_user(request: Request) -> StaffUser:
    if isinstance(cached := request.scope.get("staff_user"), StaffUser):
        return cached
    token = _session(request).get("sid")
    settings: Settings = request.app.state.settings
    now = dt.datetime.now(dt.UTC)
    user = sessions.resume(request.app.state.engine, token, now, _limits(settings)) if isinstance(token, str) else None
    if user is None:
        raise LoginRequiredError
    request.scope["staff_user"] = user
    return user


CurrentUser = Annotated[StaffUser, Depends(current_user)]


def require_role(*roles: str) -> Callable[[Request], StaffUser]:
    def dependency(request: Request) -> StaffUser:
        user = current_user(request)
        if user.role != "admin" and user.role not in roles:
            raise RoleError
        return user

    return dependency


def staff_page(
    request: Request, template: str, status: int = 200, content: str = "staff/ui", **context: Any
) -> HTMLResponse:
    context = {"t": words(content), "ui": words("staff/ui"), "csrf": csrf_token(request), "mode": "plain"} | context
    context.setdefault("user", request.scope.get("staff_user"))
    return templates.TemplateResponse(request, template, context, status_code=status, headers=HEADERS)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _safe_next(target: str | None) -> str:
    """Only a path on this site's staff pages: never an open redirect."""
    if target and target.startswith("/staff") and not target.startswith("//") and "\\" not in target:
        return target
    return "/staff"


def _error(request: Request, status: int, key: str) -> Response:
    message = text("staff/ui", f"error.{key}")
    if _wants_html(request):
        return staff_page(request, "staff/error.html", status, message=message, title=text("staff/ui", "error.title"))
    return JSONResponse({"error": {"code": key, "message": message}}, status_code=status)


def install(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    app.state.staff_login_limit = RateLimiter(settings.staff_login_per_minute, "staff-login", app.state.limit_storage)

    @app.exception_handler(LoginRequiredError)
    async def login_required(request: Request, _exc: LoginRequiredError) -> Response:
        if _wants_html(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{LOGIN}?next={quote(target, safe='')}", status_code=303)
        return _error(request, 401, "sign_in")

    @app.exception_handler(CsrfError)
    async def csrf_failed(request: Request, _exc: CsrfError) -> Response:
        return _error(request, 403, "csrf")

    @app.exception_handler(RoleError)
    async def wrong_role(request: Request, _exc: RoleError) -> Response:
        return _error(request, 403, "role")


router = APIRouter(tags=["Staff"], include_in_schema=False)


def _login_page(
    request: Request, status: int = 200, error: str | None = None, email: str = "", next_path: str | None = None
) -> HTMLResponse:
    started = not csrf_token(request)
    if started:
        request.scope["staff_session"] = {"csrf": secrets.token_urlsafe(32)}
    target = _safe_next(next_path or request.query_params.get("next"))
    response = staff_page(request, "staff/login.html", status, error=error, email=email, next=target)
    if started:
        _set_session(request, response, _session(request))
    return response


@router.get(LOGIN, response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """The sign-in form; it starts an anonymous session so the form can carry a CSRF token."""
    return _login_page(request)


@router.post(LOGIN, response_class=HTMLResponse)
async def login(request: Request, form: CheckedForm) -> Response:
    email = (form.get("email") or [""])[0].strip()[:254]
    password = (form.get("password") or [""])[0][:1024]
    next_path = (form.get("next") or [""])[0]
    limit: RateLimiter = request.app.state.staff_login_limit
    client = request.client.host if request.client else "unknown"
    if not await run_in_threadpool(limit.allow, f"ip:{client}") or not await run_in_threadpool(
        limit.allow, f"email:{email.lower()}"
    ):
        return _login_page(request, 429, text("staff/ui", "login.too_many"), email, next_path)
    user = await run_in_threadpool(authenticate, request.app.state.engine, email, password)
    if user is None or user.id is None:
        return _login_page(request, 401, text("staff/ui", "login.failed"), email, next_path)
    settings: Settings = request.app.state.settings
    token = await run_in_threadpool(
        sessions.start, request.app.state.engine, user.id, dt.datetime.now(dt.UTC), _limits(settings)
    )
    response = RedirectResponse(_safe_next(next_path), status_code=303)
    # a fresh CSRF token on sign-in: a token planted before it is useless after
    _set_session(request, response, {"sid": token, "csrf": secrets.token_urlsafe(32)})
    return response


@router.post("/staff/logout")
async def logout(request: Request, _form: CheckedForm) -> Response:
    settings: Settings = request.app.state.settings
    token = _session(request).get("sid")
    if isinstance(token, str):
        await run_in_threadpool(sessions.end, request.app.state.engine, token)
    response = RedirectResponse(LOGIN, status_code=303)
    response.delete_cookie(COOKIE, path="/", secure=settings.staff_cookie_secure, httponly=True, samesite="lax")
    return response
