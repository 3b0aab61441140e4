"""Every sentence Dayfinder shows a person lives in ``content/`` as TOML; this module reads it.

Keys are dotted paths (``problem.empty_name``) inside a named file (``staff/directory``). Each key
holds a ``plain`` form and, for anything said to the public, an ``easy`` (easy-read) form.
Files are read once per process.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from assistant.settings import PROJECT_DIR

CONTENT_DIR = PROJECT_DIR / "content"


class MissingContentError(KeyError):
    """A content key that the code asks for is not in ``content/``."""


@cache
def _load(name: str) -> dict[str, Any]:
    path = CONTENT_DIR / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


def text(file: str, key: str, mode: str = "plain", /, **params: object) -> str:
    """The sentence at ``key`` in ``content/<file>.toml``, in ``mode``, with ``params`` filled in."""
    node: Any = _load(file)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise MissingContentError(f"{file}:{key}")
        node = node[part]
    if isinstance(node, dict):
        node = node.get(mode) or node.get("plain")
    if not isinstance(node, str):
        raise MissingContentError(f"{file}:{key}")
    return node.format(**params) if params else node


def keys(file: str) -> list[str]:
    """Every leaf key in a content file, for tests that check nothing is missing."""
    out: list[str] = []

    def walk(node: Any, prefix: str) -> None:
        for name, value in node.items():
            path = f"{prefix}.{name}" if prefix else name
            if isinstance(value, dict) and not ({"plain", "easy"} & value.keys()):
                walk(value, path)
            else:
                out.append(path)

    walk(_load(file), "")
    return out


def content_file(name: str) -> Path:
    return CONTENT_DIR / f"{name}.toml"
