"""Sign-in, sessions, CSRF and roles: every staff page depends on these."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer

from assistant.staff.auth import COOKIE, require_role
from assistant.staff.users import StaffUser
from tests.staff.conftest import CURATOR, DISABLED, PASSWORD, STAFF, csrf_of, sign_in

HTML = {"Accept": "text/html"}


def test_signing_in_opens_the_staff_page(client: TestClient) -> None:
    token = csrf_of(client.get("/staff/login").text)
    response = client.post(
        "/staff/login", data={"email": " Sam@Example.org ", "password": PASSWORD, "csrf": token, "next": "/staff"}
    )
    assert response.status_code == 303 and response.headers["location"] == "/staff"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie and "Max-Age=28800" in cookie
    page = client.get("/staff")
    assert page.status_code == 200 and "Sam Staff" in page.text
    assert csrf_of(page.text) != token  # a fresh token on sign-in


def test_a_wrong_password_gets_the_generic_message(client: TestClient) -> None:
    token = csrf_of(client.get("/staff/login").text)
    wrong = client.post("/staff/login", data={"email": STAFF, "password": "nope", "csrf": token})
    unknown = client.post("/staff/login", data={"email": "who@example.org", "password": PASSWORD, "csrf": token})
    assert wrong.status_code == unknown.status_code == 401
    assert "The email address or password is not right" in wrong.text
    assert wrong.text.replace(STAFF, "who@example.org") == unknown.text  # nothing says which was wrong
    assert client.get("/staff", headers=HTML, follow_redirects=False).status_code == 303


def test_a_disabled_account_cannot_sign_in(client: TestClient) -> None:
    token = csrf_of(client.get("/staff/login").text)
    response = client.post("/staff/login", data={"email": DISABLED, "password": PASSWORD, "csrf": token})
    assert response.status_code == 401 and "is not right" in response.text


def test_signed_out_pages_redirect_to_sign_in_and_apis_answer_401(client: TestClient) -> None:
    page = client.get("/staff?place=Luton", headers=HTML, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/staff/login?next=%2Fstaff%3Fplace%3DLuton"
    api = client.get("/staff/shortlist?ids=x", headers={"Accept": "application/json"})
    assert api.status_code == 401 and api.json()["error"]["code"] == "sign_in"


def test_sign_in_goes_back_to_the_page_asked_for_but_never_off_site(client: TestClient) -> None:
    for asked, lands in (("/staff?place=Luton", "/staff?place=Luton"), ("https://evil.example", "/staff")):
        client.cookies.clear()
        token = csrf_of(client.get("/staff/login").text)
        form = {"email": STAFF, "password": PASSWORD, "csrf": token, "next": asked}
        assert client.post("/staff/login", data=form).headers["location"] == lands


def test_a_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/staff/login")
    missing = client.post("/staff/login", data={"email": STAFF, "password": PASSWORD}, headers=HTML)
    assert missing.status_code == 403 and "did not come from this site" in missing.text
    wrong = client.post("/staff/login", data={"email": STAFF, "password": PASSWORD, "csrf": "guess"})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "csrf"
    token = sign_in(client)
    assert client.post("/staff/logout", data={"csrf": "guess"}).status_code == 403
    assert client.post("/staff/send", data={"ids": "x", "phone": "07700900123", "consent": "yes"}).status_code == 403
    assert client.get("/staff").status_code == 200  # still signed in
    assert token


def test_signing_out_ends_the_session(client: TestClient) -> None:
    token = sign_in(client)
    response = client.post("/staff/logout", data={"csrf": token})
    assert response.status_code == 303 and response.headers["location"] == "/staff/login"
    assert COOKIE not in client.cookies
    assert client.get("/staff", headers=HTML, follow_redirects=False).status_code == 303


def test_a_cookie_signed_with_another_key_is_no_session(client: TestClient) -> None:
    forged = URLSafeTimedSerializer("not-the-key", salt="dayfinder-staff-session").dumps({"user": 1, "csrf": "x"})
    client.cookies.set(COOKIE, forged)
    assert client.get("/staff", headers=HTML, follow_redirects=False).status_code == 303


def test_sign_in_attempts_are_rate_limited(client: TestClient) -> None:
    token = csrf_of(client.get("/staff/login").text)
    codes = [
        client.post("/staff/login", data={"email": CURATOR, "password": "wrong", "csrf": token}).status_code
        for _ in range(11)
    ]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    right = client.post("/staff/login", data={"email": CURATOR, "password": PASSWORD, "csrf": token})
    assert right.status_code == 429  # not even the right password, until the minute is up


def test_roles_guard_what_a_dependency_says(client: TestClient) -> None:
    app: FastAPI = client.app  # type: ignore[assignment]

    @app.get("/staff/api/curate")
    def curate(user: StaffUser = Depends(require_role("curator"))) -> dict[str, str]:  # noqa: B008
        return {"role": user.role}

    sign_in(client)
    refused = client.get("/staff/api/curate")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "role"
    client.cookies.clear()
    sign_in(client, CURATOR)
    assert client.get("/staff/api/curate").json() == {"role": "curator"}
