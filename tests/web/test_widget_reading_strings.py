"""The words of the widget's read-aloud button and text-size control: served, in both wordings.

The browser tests (test_widget_reading_aids.py) need Chromium; these check without it that every
size the script offers has its words in content/widget.toml, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from assistant.content import text

READING_KEYS = ("read_aloud", "text_size")


def offered_sizes(script: str) -> list[str]:
    found = re.search(r"var SIZES = (\[[^\]]*\]);", script)
    assert found, "widget.js no longer names its text sizes in SIZES"
    sizes: list[str] = json.loads(found.group(1))
    return sizes


def test_every_text_size_the_script_offers_has_words_in_both_modes(client: TestClient) -> None:
    sizes = offered_sizes(client.get("/widget.js").text)
    assert sizes[0] == "normal" and len(sizes) == len(set(sizes)) >= 2
    for mode in ("plain", "easy"):
        strings = client.get("/widget/strings", params={"mode": mode}).json()["strings"]
        for key in (*READING_KEYS, *(f"size_{size}" for size in sizes)):
            assert strings[key] == text("widget", key, mode), (mode, key)
        names = [strings[f"size_{size}"] for size in sizes]
        assert len(set(names)) == len(names), f"two sizes share a name in {mode}: {names}"
