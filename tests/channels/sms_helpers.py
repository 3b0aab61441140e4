"""Post Twilio webhooks as Twilio does: a form body, signed with the auth token."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient
from httpx import Response
from twilio.request_validator import RequestValidator

from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL

_sids = itertools.count(1)


def new_sid() -> str:
    return f"SM{next(_sids):032x}"


def twilio_form(sender: str, body: str, sid: str | None = None) -> dict[str, str]:
    """The fields Twilio sends for an incoming SMS."""
    sid = sid or new_sid()
    return {
        "ToCountry": "GB",
        "ToState": "",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ToCity": "",
        "FromZip": "",
        "SmsSid": sid,
        "FromState": "",
        "SmsStatus": "received",
        "FromCity": "",
        "Body": body,
        "FromCountry": "GB",
        "To": FROM_NUMBER,
        "MessagingServiceSid": "MG" + "1" * 32,
        "ToZip": "",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }


def signature(form: dict[str, str], path: str = "/sms/twilio") -> str:
    return RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + path, form)


def post_sms(
    client: TestClient, form: dict[str, str], *, signed: dict[str, str] | None = None, sign: bool = True
) -> Response:
    """Post ``form``; the signature is over ``signed`` (default: the form itself)."""
    headers = {"X-Twilio-Signature": signature(signed or form)} if sign else {}
    return client.post("/sms/twilio", data=form, headers=headers)


def texts(response: Response) -> list[str]:
    """The bodies of the <Message> elements in the TwiML answer."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.text)
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


def say(client: TestClient, sender: str, body: str) -> list[str]:
    return texts(post_sms(client, twilio_form(sender, body)))
