"""Turn a raw message into lower-case tokens, the same way for messages and for lexicon phrases.

People write on basic phones and paste from anywhere, so the text may hold curly quotes, emoji,
zero-width or control characters, other scripts, or thousands of characters. Everything here is
total: any string gives a (possibly empty) token list, and work is bounded by ``MAX_CHARS``.

Apostrophes are dropped rather than split on, so "don't", "dont" and "don\u2019t" are one word, as are
"alzheimer's" and "alzheimers". Hyphens and slashes separate words ("step-free", "£20/day").
"""

from __future__ import annotations

import re
import unicodedata

# Longer messages are cut, before any other work, so a pasted essay costs no more than a long text.
MAX_CHARS = 1000

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "&": " and ",
    }
)
# Control, format (zero-width, bidi marks), private-use and unassigned characters become spaces.
_ASCII_CONTROL = str.maketrans(dict.fromkeys([*range(32), 127], " "))
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# "£", "?", clause punctuation, numbers with a decimal or clock part and a unit ("5.30pm", "50p",
# "1:1"), and words that may carry digits ("b91", "mk40").
_TOKEN = re.compile(r"£|\?|[,.;!]|\d+(?:[.:]\d+)?[^\W\d_]*|[^\W\d_]+(?:\d[^\W_]*)?")

PUNCTUATION = frozenset({",", ".", ";", "!"})


def normalise(text: str) -> str:
    """Lower case, NFKC, straight quotes, no apostrophes or invisible characters, at most MAX_CHARS."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])[:MAX_CHARS]
    text = text.translate(_QUOTES).casefold()
    if not text.isascii():
        text = "".join(" " if unicodedata.category(ch) in _INVISIBLE else ch for ch in text)
    else:
        text = text.translate(_ASCII_CONTROL)
    return text.replace("'", "")


def tokenise(normalised: str) -> list[str]:
    """Words, numbers, "£", "?" and clause punctuation, in order; everything else is a separator."""
    return _TOKEN.findall(normalised)


def words_of(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tokens a message would give for it (punctuation other than "?" dropped)."""
    return tuple(t for t in tokenise(normalise(phrase)) if t not in PUNCTUATION)


# "report 2", "report number 2", "report no. 2", "report #2": what may stand between the words
# and the number. Matched by hand from the end of the message, in one pass, rather than by a
# pattern whose lazy words and two optional runs of spaces backtrack cubically on a long run of
# spaces ("report" + 1,000 spaces + "x" took seconds).
_NUMBER_LABELS = ("number", "no.", "no", "result", "#")


def trailing_number(text: str) -> tuple[str, int] | None:
    """The words before a one- or two-digit number that ends the message, and the number.

    Trailing punctuation is ignored, as are spaces and a label ("number", "no.", "result", "#")
    between them: "report 2!" and "report number 2" give ("report", 2). Three or more digits give
    their last two ("report 123" gives ("report 1", 23)); the words are one line. None when the
    message does not end in a number.
    """
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start > end - 2 and start and text[start - 1].isdecimal():
        start -= 1
    if start == end:
        return None
    words_end = start
    if not (start and text[start - 1].isdecimal()):  # a third digit cannot be a space or a label
        words_end = _before_spaces(text, start)
        label = next((w for w in _NUMBER_LABELS if _is_word(text[max(words_end - len(w), 0) : words_end], w)), "")
        if label:
            words_end = _before_spaces(text, words_end - len(label))
    words = text[:words_end]
    if "\n" in words:
        return None
    return words, int(text[start:end])


def _before_spaces(text: str, index: int) -> int:
    while index and text[index - 1].isspace():
        index -= 1
    return index


def _is_word(found: str, word: str) -> bool:
    """``found`` is ``word`` in any case, as a case-insensitive pattern compares (long s is "s")."""
    same = zip(found, word, strict=False)
    return len(found) == len(word) and all(c.lower() == w or c.casefold() == w for c, w in same)
