"""The address a reminder goes to, encrypted at rest with Fernet (AES-128-CBC and HMAC-SHA256).

Only the send job decrypts it, once, to send; the row (and so the ciphertext) is deleted after.
The key is ``REMINDER_KEY``. Its public development default works only with
``DAYFINDER_ENV=development``: anywhere else :func:`cipher` gives None and reminders stay off, as
a key anyone can read protects nothing.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from assistant.settings import DEVELOPMENT_REMINDER_KEY, Settings


class AddressUnreadableError(ValueError):
    """The stored address does not decrypt with this key (changed key, or a damaged row)."""


class Cipher:
    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode())

    def seal(self, address: str) -> str:
        return self._fernet.encrypt(address.encode()).decode("ascii")

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode()
        except (InvalidToken, ValueError) as exc:
            raise AddressUnreadableError(AddressUnreadableError.__doc__) from exc


def cipher(settings: Settings) -> Cipher | None:
    """The configured cipher, or None: the public key outside development, or not a Fernet key."""
    key = settings.reminder_key.get_secret_value()
    if key == DEVELOPMENT_REMINDER_KEY and settings.dayfinder_env != "development":
        return None
    try:
        return Cipher(key)
    except ValueError:
        return None
