"""UK postcodes: recognise, normalise, and spot them inside free text.

The grammar is the Royal Mail one (letters that never appear in a position are excluded), so
"B9111AAA" or "hello" is rejected on shape alone. Shape is not enough for a bare outcode inside
a sentence, though: "me1" or "m6" may be a word or a motorway, so :func:`find_postcode` only
accepts an outcode on its own when the caller's outcode table knows it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

# A9, A99, AA9, AA99, A9A, AA9A; Q, V and X never start a postcode, I, J and Z are never second.
# A final letter is never I, L, O, Q or Z (a looser rule than Royal Mail's current list, which
# leaves out retired London districts such as W1M that older addresses still carry).
_OUTCODE = r"[A-PR-UWYZ](?:[A-HK-Y]?[0-9][0-9]?|[A-HK-Y]?[0-9][A-HJKMNPR-Y])"
# The inward code never uses C, I, K, M, O or V.
_INCODE = r"[0-9][ABD-HJLNP-UW-Z]{2}"

_WHOLE = re.compile(rf"(?P<out>{_OUTCODE})(?P<in>{_INCODE})?")
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![A-Z0-9])", r"(?![A-Z0-9])"
_FULL_IN_TEXT = re.compile(rf"{_EDGE_BEFORE}(?P<out>{_OUTCODE})\s*(?P<in>{_INCODE}){_EDGE_AFTER}")
_OUTCODE_IN_TEXT = re.compile(rf"{_EDGE_BEFORE}(?P<out>{_OUTCODE}){_EDGE_AFTER}")


@dataclass(frozen=True, slots=True)
class Postcode:
    """A full postcode ("B91 1AA") or just its outward code ("B91"), upper case."""

    outcode: str
    incode: str | None = None

    @property
    def formatted(self) -> str:
        return f"{self.outcode} {self.incode}" if self.incode else self.outcode


def parse_postcode(text: str) -> Postcode | None:
    """The postcode or outcode that ``text`` is, ignoring case and spacing; None if it is not one."""
    compact = "".join(text.split()).upper()
    match = _WHOLE.fullmatch(compact)
    return Postcode(match["out"], match["in"]) if match else None


def find_postcode(text: str, known_outcodes: Container[str]) -> Postcode | None:
    """The first postcode mentioned in ``text``, preferring a full postcode over a bare outcode.

    A full postcode is trusted on its shape. A bare outcode must be in ``known_outcodes``, so
    that everyday words shaped like one ("me1", "no2") are not mistaken for a place.
    """
    upper = text.upper()
    if full := _FULL_IN_TEXT.search(upper):
        return Postcode(full["out"], full["in"])
    for match in _OUTCODE_IN_TEXT.finditer(upper):
        if match["out"] in known_outcodes:
            return Postcode(match["out"])
    return None
