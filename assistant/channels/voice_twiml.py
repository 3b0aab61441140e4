"""Build the TwiML a call is answered with, from the sentences to say.

Every sentence is its own ``<Say>`` in British English, so a long answer never runs into one
breathless block; results are read a little slower (SSML ``<prosody>``) with a ``<Pause>``
after each. While the line listens, the sentences sit inside ``<Gather>``, so a caller can
answer or press a key without waiting for the end. A ``<Gather>`` with no answer still calls
back (``actionOnEmptyResult``), so silence is counted and met kindly rather than ending the call.
"""

from __future__ import annotations

from collections.abc import Sequence

from twilio.twiml.voice_response import Gather, VoiceResponse

from assistant.channels.voice_calls import Line

LANGUAGE = "en-GB"
SLOW_RATE = "90%"
PAUSE_SECONDS = 1
DIAL_SECONDS = 30  # how long a person's phone rings before the caller hears their number instead


def listen(lines: Sequence[Line], action: str, voice: str) -> str:
    """Say ``lines`` while listening for speech or a key; the answer goes to ``action``."""
    response = VoiceResponse()
    gather = response.gather(
        input="speech dtmf",
        language=LANGUAGE,
        speech_timeout="auto",
        action=action,
        method="POST",
        action_on_empty_result=True,
        num_digits=1,
    )
    _say_all(gather, lines, voice)
    return str(response)


def dial(lines: Sequence[Line], number: str, action: str, voice: str) -> str:
    """Say ``lines`` and put the call through to ``number``; how that went is sent to ``action``
    (``DialCallStatus``), which says goodbye, or the number to call should nobody have answered."""
    response = VoiceResponse()
    _say_all(response, lines, voice)
    response.dial(number, action=action, method="POST", timeout=DIAL_SECONDS)
    return str(response)


def goodbye(lines: Sequence[Line], voice: str) -> str:
    response = VoiceResponse()
    _say_all(response, lines, voice)
    response.hangup()
    return str(response)


def hold(url: str, seconds: int) -> str:
    """A moment's silence, then the same request again: for a step still being answered."""
    response = VoiceResponse()
    response.pause(length=seconds)
    response.redirect(url, method="POST")
    return str(response)


def quiet() -> str:
    """An empty answer: for a status callback, or a request with nothing to act on."""
    return str(VoiceResponse())


def _say_all(into: VoiceResponse | Gather, lines: Sequence[Line], voice: str) -> None:
    for line in lines:
        if not line.text:
            continue
        if line.slow:
            into.say(voice=voice, language=LANGUAGE).prosody(line.text, rate=SLOW_RATE)
        else:
            into.say(line.text, voice=voice, language=LANGUAGE)
        if line.pause:
            into.pause(length=PAUSE_SECONDS)
