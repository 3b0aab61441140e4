"""GSM-7, the alphabet of a plain text message, and how many segments a text costs.

One character outside GSM-7 (a curly quote, an emoji) switches the whole message to UCS-2,
which cuts a segment from 153 characters to 67 and can triple what a text costs and how many
pieces a basic phone shows. So replies are made GSM-7 safe first: typographic punctuation is
swapped for its plain form, accents that GSM-7 lacks are dropped, and emoji and symbols are
removed. Letters of other scripts are kept (a name in Urdu must stay readable), and then the
message is counted as UCS-2.
"""

from __future__ import annotations

import re
import unicodedata

BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENDED = "^{}\\[~]|€\f"  # sent as an escape plus the character: two septets each
GSM_CHARS = frozenset(BASIC) | frozenset(EXTENDED)

SINGLE_GSM, PART_GSM = 160, 153  # septets in one text, and in each part of a longer one
SINGLE_UCS2, PART_UCS2 = 70, 67  # UTF-16 code units, likewise

REPLACEMENTS = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),  # curly and low quotes, prime, accents
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),  # curly, low and angle quotes
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),  # hyphens, dashes, minus
    **dict.fromkeys("\u2022\u00b7\u2023\u25e6\u2219", "-"),  # bullets
    **dict.fromkeys("\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f", " "),
    "\u2026": "...",  # ellipsis
    "\u00d7": "x",
    "\u00f7": "/",
    "\u2122": "TM",
    "\u00a9": "(c)",
    "\u00ae": "(R)",
    "\u00bd": "1/2",
    "\u00bc": "1/4",
    "\u00be": "3/4",
    "\u2028": "\n",
    "\u2029": "\n",
}
DROPPED = ("So", "Sk", "Cs", "Co", "Cn")  # emoji and symbols
JOINERS = ("Mn", "Me", "Cf")  # variation selectors, zero-width joiners, combining marks
_SPACES = re.compile(r"[ ]{2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([.,;:!?])")


def is_gsm(text: str) -> bool:
    return all(c in GSM_CHARS for c in text)


def gsm_safe(text: str) -> str:
    """The same message in GSM-7 wherever that loses no meaning."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in GSM_CHARS:
            out.append(char)
        elif unicodedata.category(char) in JOINERS:
            # after an emoji or Latin text a joiner is noise; inside another script it is spelling
            out.append("" if not out or out[-1] == "" or is_gsm(out[-1]) else char)
        else:
            out.append(_replace(char))
    cleaned = _SPACES.sub(" ", "".join(out))
    cleaned = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", cleaned)
    return "\n".join(line.strip() for line in cleaned.split("\n")).strip()


def _replace(char: str) -> str:
    if char in REPLACEMENTS:
        return REPLACEMENTS[char]
    stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if stripped and is_gsm(stripped):
        return stripped  # ŵ -> w, ç -> c, ﬁ -> fi
    if unicodedata.category(char) in DROPPED:
        return ""
    return char  # a letter GSM-7 cannot write: keep it, and pay for UCS-2


def _units(text: str) -> list[int]:
    """What each character costs: septets in GSM-7, UTF-16 code units in UCS-2."""
    if is_gsm(text):
        return [2 if c in EXTENDED else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def length(text: str) -> int:
    """Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes."""
    return sum(_units(text))


def segments(text: str) -> int:
    """How many SMS segments the text is sent as (at least one)."""
    units = _units(text)
    single, part = (SINGLE_GSM, PART_GSM) if is_gsm(text) else (SINGLE_UCS2, PART_UCS2)
    if sum(units) <= single:
        return 1
    count, used = 1, 0
    for unit in units:  # an escape pair or a surrogate pair is never split across segments
        if used + unit > part:
            count, used = count + 1, 0
        used += unit
    return count


def encoding(text: str) -> str:
    return "GSM-7" if is_gsm(text) else "UCS-2"
