"""Post WhatsApp webhooks as Twilio does: the fields of its WhatsApp messages, signed with the auth token."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx import Response
from twilio.request_validator import RequestValidator

from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL
from tests.channels.sms_helpers import new_sid, texts

PATH = "/whatsapp/twilio"
WHATSAPP_FROM = "whatsapp:+14155238886"  # Twilio's WhatsApp sandbox number


def whatsapp_form(sender: str, body: str = "", sid: str | None = None, **extra: str) -> dict[str, str]:
    """The fields Twilio sends for an incoming WhatsApp message from ``sender`` (``+447700900123``)."""
    sid = sid or new_sid()
    kind = "location" if "Latitude" in extra else ("image" if extra.get("NumMedia", "0") != "0" else "text")
    return {
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ProfileName": "Test Person",
        "MessageType": kind,
        "SmsSid": sid,
        "WaId": sender.removeprefix("+"),
        "SmsStatus": "received",
        "Body": body,
        "To": WHATSAPP_FROM,
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": f"whatsapp:{sender}",
        "ApiVersion": "2010-04-01",
        **extra,
    }


def location_form(sender: str, latitude: float, longitude: float, **pin: str) -> dict[str, str]:
    """A shared location; ``Address`` and ``Label`` make it a place pin."""
    return whatsapp_form(sender, Latitude=str(latitude), Longitude=str(longitude), **pin)


def photo_form(sender: str, caption: str = "") -> dict[str, str]:
    media = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM{'2' * 32}/Media/ME{'3' * 32}"
    return whatsapp_form(sender, caption, NumMedia="1", MediaContentType0="image/jpeg", MediaUrl0=media)


def post_whatsapp(
    client: TestClient, form: dict[str, str], *, signed: dict[str, str] | None = None, sign: bool = True
) -> Response:
    """Post ``form``; the signature is over ``signed`` (default: the form itself)."""
    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + PATH, signed or form)
    return client.post(PATH, data=form, headers={"X-Twilio-Signature": signature} if sign else {})


def send(client: TestClient, form: dict[str, str]) -> list[str]:
    """The messages of the TwiML answer to ``form``."""
    return texts(post_whatsapp(client, form))


def say(client: TestClient, sender: str, body: str) -> str:
    """What Dayfinder answers ``body`` with, its messages joined."""
    return "\n".join(send(client, whatsapp_form(sender, body)))
