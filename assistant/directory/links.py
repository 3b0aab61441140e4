"""Web addresses in a listing must be web addresses: ``http:`` or ``https:``, or none at all.

A listing's website becomes a link on Dayfinder's pages, in the widget, in texts and in the
ORUK API that other directories read, so ``javascript:``, ``data:``, ``vbscript:``, ``file:``
or ``mailto:`` there would be a link that runs or hides something. Live council feeds often
leave the scheme out (``www.example.org``), which browsers and people read as a website, so an
address with no scheme is accepted. Browsers ignore tabs, newlines and other control
characters inside a scheme (``java\\tscript:``), so the scheme is read without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.directory.problems import Problems

LINK_KEYS = frozenset({"url", "website", "logo"})
WEB_SCHEMES = frozenset({"http", "https"})
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def is_web_address(value: str) -> bool:
    """``value`` is an http(s) address, or an address with no scheme ("www.example.org")."""
    read = _IGNORED_BY_BROWSERS.sub("", value)
    found = _SCHEME.match(read)
    if found is None:
        return True
    scheme = found.group(1).lower()
    # "www.example.org:8080/x" reads as scheme "www.example.org": a host and port, not a scheme
    return scheme in WEB_SCHEMES or ("." in scheme and read[found.end() : found.end() + 1].isdigit())


def check_links(record: object, problems: Problems) -> None:
    """A problem for every link field of ``record``, at any depth, that is not a web address."""
    for path, value in _links(record, "$"):
        if not is_web_address(value):
            problems.add(path, "not_web_address", value=value[:60])


def _links(node: object, path: str) -> Iterator[tuple[str, str]]:
    """Every non-empty link field under ``node``; only containers are walked into."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LINK_KEYS and isinstance(value, str) and value:
                yield f"{path}.{key}", value
            elif isinstance(value, (dict, list)):
                yield from _links(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, (dict, list)):
                yield from _links(item, f"{path}[{index}]")
