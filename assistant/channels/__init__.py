"""Messaging channels (SMS through Twilio, Telegram): thin adapters between a platform's wire
format and the conversation runtime. They never decide what to say; they only carry it."""

from __future__ import annotations

import logging

# A child of uvicorn's start-up logger, so its lines appear beside uvicorn's own. Never log a
# token, phone number, chat id or message body to it.
LOG = logging.getLogger("uvicorn.error.channels")
