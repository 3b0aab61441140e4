"""One message straight to a profile, for ``dayfinder search`` and staff quick searches."""

from __future__ import annotations

from assistant.engine.merge import merge
from assistant.engine.places import resolve_place
from assistant.engine.replies import Reply
from assistant.engine.state import Profile
from assistant.engine.understand import understand


def profile_from_text(text: str) -> tuple[Profile, list[Reply]]:
    """The profile one message describes, and any replies about its place (not found, ambiguous).

    The profile is searchable when it has a place or says online is fine.
    """
    u = understand(text)
    found = resolve_place(u.place.text) if u.place is not None else None
    profile = merge(Profile(), u, found.place if found else None)
    replies = list(found.replies) if found else []
    if profile.place is None and not profile.online_ok and not replies:
        replies.append(Reply("place.needed"))
    return profile, replies
