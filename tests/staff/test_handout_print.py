"""The printed easy-read handout uses body text of at least 14 point, on paper and on screen:
checked in the stylesheet here, and by computed style in the browser test."""

from __future__ import annotations

import re

from assistant.web.widget import STATIC_DIR

MIN_PT = 14.0
PX_PER_PT = 96 / 72
ROOT_PX = 16.0  # a rem, at the browser default; the handout never changes the root size

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIZE = re.compile(r"font-size:\s*([\d.]+)(pt|px|rem)")


def _points(value: str, unit: str) -> float:
    number = float(value)
    return {"pt": number, "px": number / PX_PER_PT, "rem": number * ROOT_PX / PX_PER_PT}[unit]


def _rules(css: str) -> list[tuple[str, str, bool]]:
    """(selector, declarations, inside @media print) for every rule in the sheet."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    start = css.find("@media print")
    found = []
    for match in _RULE.finditer(css):
        selector = match[1].strip().removeprefix("@media print {").strip()
        found.append((selector, match[2], start != -1 and match.start() > start))
    return found


def handout_sizes(print_media: bool) -> dict[str, float]:
    """Each handout selector's font size in points, for print or for screen."""
    css = (STATIC_DIR / "staff.css").read_text(encoding="utf-8")
    sizes = {}
    for selector, body, in_print in _rules(css):
        if in_print != print_media:
            continue
        for part in selector.split(","):
            if "handout" in part and (size := _SIZE.search(body)):
                sizes[part.strip()] = _points(size[1], size[2])
    return sizes


def test_the_printed_handout_body_text_is_at_least_14_point() -> None:
    sizes = handout_sizes(print_media=True)
    assert sizes["body.handout"] >= MIN_PT
    assert min(sizes.values()) >= MIN_PT


def test_the_handout_on_screen_is_at_least_14_point_too() -> None:
    sizes = handout_sizes(print_media=False)
    assert sizes["body.handout"] >= MIN_PT
    assert min(sizes.values()) >= MIN_PT
