"""Word a conversation turn's rendered replies for the ear.

The conversation renders replies for reading; on the phone a few are said differently: what was
understood is said back as "You want ...", results are read one by one from their facts (never
the screen's lines, with their symbols and addresses), at most three, slowly, with a pause
between; options are said as "You can say: ..."; and anything that tells a reader to "send" or
"tap" has a spoken version in ``content/voice.toml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.channels.voice_calls import Line
from assistant.channels.voice_speech import either, say, spoken
from assistant.engine.state import Profile
from assistant.matching.results import Card
from assistant.rendering.audience import audience
from assistant.rendering.cards import cost, when, where
from assistant.rendering.summary import describe
from assistant.rendering.text import Rendered
from assistant.rendering.words import card_word

MAX_READ = 3  # results read aloud at a time: more than three cannot be held in mind
# Replies whose written wording asks the reader to send or tap something: said another way.
SPOKEN_INSTEAD = {
    "after_results": "after_results",
    "stop": "goodbye",
    "delete_done": "deleted",
    "privacy": "privacy",
    "help": "help",
}
ENDS_CALL = frozenset({"stop", "delete_done"})
UNSAID = frozenset({"greeting"})  # the call has greeted already


def reply_lines(replies: Sequence[Rendered], profile: Profile, mode: str) -> list[Line]:
    lines: list[Line] = []
    for reply in replies:
        if reply.key in UNSAID:
            continue
        if reply.key == "understood":
            if summary := describe(profile, mode):  # "You want swimming, ...", or "I heard: for me"
                lines.append(Line(text=say("heard" if profile.interests else "heard_other", mode, summary=summary)))
        elif reply.key == "results" and reply.cards:
            lines += results_lines(reply, mode)
        elif reply.key in SPOKEN_INSTEAD:
            lines.append(Line(text=say(SPOKEN_INSTEAD[reply.key], mode)))
        else:
            lines += [Line(text=spoken(part)) for part in reply.text.split("\n") if part.strip()]
            unsaid = [o.label for o in reply.options if o.label.lower() not in reply.text.lower()]
            if unsaid:  # the question's own examples may name them already ("Or say skip")
                lines.append(Line(text=say("say_options", mode, choices=either(unsaid, mode))))
    return [line for line in lines if line.text]


def results_lines(reply: Rendered, mode: str) -> list[Line]:
    """The header (or what was widened to find these), each result slowly, then how to go on."""
    head = reply.text.split("\n")[: max(len(reply.text.split("\n")) - len(reply.cards) - 1, 0)]
    lines = [Line(text=spoken(part)) for part in head if part.strip()]
    for number, card in enumerate(reply.cards[:MAX_READ], 1):
        lines.append(Line(text=card_speech(card, number, mode, reply.today), slow=True, pause=True))
    lines.append(Line(text=say("results_next", mode)))
    return lines


def card_speech(card: Card, number: int, mode: str, today: dt.date | None) -> str:
    """ "Number 1. Inclusive Swim. Saturday 8:30am to 9:30am. 1.6 miles away. 3 pounds 60 each
    time. Phone 0 7 7 0 0, 9 0 0 4 0 4." One short sentence a fact."""
    facts = [audience(card, mode), when(card, mode, today), where(card, mode), cost(card, mode)]
    if card.phone:
        facts.append(card_word("phone", mode, phone=card.phone))
    sentences = [say("result", mode, number=number, name=card.name)]
    sentences += [spoken(fact[0].upper() + fact[1:] + ".") for fact in facts if fact]
    return " ".join(sentences)
