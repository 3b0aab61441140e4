"""Drive whole phone calls through the signed voice webhook, as Twilio does, and read the TwiML.

A :class:`Call` posts what Twilio posts for a call (the first request, then each ``<Gather>``
answer to the action URL it was given, step marker and all), each signed with the test auth
token.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from httpx import Response
from twilio.request_validator import RequestValidator

from tests.channels.config import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL

PATH = "/voice/twilio"
_calls = itertools.count(1)


def new_call_sid() -> str:
    return f"CA{next(_calls):032x}"


@dataclass
class Answer:
    """One TwiML answer, read: what was said, whether and where it listens, whom it dials."""

    xml: str
    said: list[str]
    slow: list[str]  # the sentences read slowly (results)
    pauses: int
    action: str | None  # the Gather's action URL, when it listens
    gather: dict[str, str] = field(default_factory=dict)
    dial: str | None = None
    dial_action: str | None = None  # where Twilio says how putting the call through went
    hangup: bool = False
    redirect: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.said)


def read_twiml(response: Response) -> Answer:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.text)
    assert root.tag == "Response"
    gather = root.find("Gather")
    says = root.iter("Say")
    said = ["".join(say.itertext()).strip() for say in says]
    slow = ["".join(p.itertext()).strip() for p in root.iter("prosody")]
    for say in root.iter("Say"):
        assert say.get("language") == "en-GB", response.text
    dial, redirect = root.find("Dial"), root.find("Redirect")
    return Answer(
        xml=response.text,
        said=said,
        slow=slow,
        pauses=len(list(root.iter("Pause"))),
        action=gather.get("action") if gather is not None else None,
        gather=dict(gather.attrib) if gather is not None else {},
        dial=(dial.text or "").strip() if dial is not None else None,
        dial_action=dial.get("action") if dial is not None else None,
        hangup=root.find("Hangup") is not None,
        redirect=(redirect.text or "").strip() if redirect is not None else None,
    )


def call_form(caller: str, call_sid: str, **extra: str) -> dict[str, str]:
    """The fields Twilio sends with every request of an incoming call."""
    return {
        "AccountSid": ACCOUNT_SID,
        "ApiVersion": "2010-04-01",
        "CallSid": call_sid,
        "CallStatus": "in-progress",
        "Called": FROM_NUMBER,
        "Caller": caller,
        "Direction": "inbound",
        "From": caller,
        "FromCountry": "GB",
        "To": FROM_NUMBER,
        "ToCountry": "GB",
        **extra,
    }


def post_voice(
    client: TestClient, form: dict[str, str], url: str = PUBLIC_URL + PATH, *, signed: dict[str, str] | None = None
) -> Response:
    """Post ``form`` to ``url`` (a public address, as in a Gather action), signed over ``signed``."""
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, signed or form)
    parts = urlsplit(url)
    local = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.post(local, data=form, headers={"X-Twilio-Signature": signature})


class Call:
    """One phone call, from the first ring: each method is one request, as Twilio makes it."""

    def __init__(self, client: TestClient, caller: str) -> None:
        self.client, self.caller, self.sid = client, caller, new_call_sid()
        self.action = PUBLIC_URL + PATH
        self.last: Answer | None = None
        self.last_request: tuple[dict[str, str], str] | None = None

    def start(self) -> Answer:
        return self._post({})

    def speak(self, words: str, confidence: str = "0.92") -> Answer:
        return self._post({"SpeechResult": words, "Confidence": confidence})

    def press(self, key: str) -> Answer:
        return self._post({"Digits": key})

    def silence(self) -> Answer:
        return self._post({})

    def dial_ended(self, status: str) -> Answer:
        """Twilio back from putting the call through: ``completed`` (they talked), ``no-answer``..."""
        assert self.last is not None and self.last.dial_action
        self.action = self.last.dial_action
        return self._post({"DialCallStatus": status, "DialCallDuration": "0"})

    def repeat_last(self) -> Answer:
        """Twilio sending the last request again (a retry): the same form to the same URL."""
        assert self.last_request is not None
        form, url = self.last_request
        return read_twiml(post_voice(self.client, form, url))

    def hang_up(self) -> Response:
        form = call_form(self.caller, self.sid, CallStatus="completed", CallDuration="42")
        return post_voice(self.client, form)

    def _post(self, extra: dict[str, str]) -> Answer:
        form, url = call_form(self.caller, self.sid, **extra), self.action
        self.last_request = (form, url)
        self.last = read_twiml(post_voice(self.client, form, url))
        if self.last.action:
            self.action = self.last.action
        return self.last
