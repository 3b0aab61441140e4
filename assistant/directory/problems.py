"""Problems found while reading a directory file: which record, where in it, and why, in plain words.

Each problem is one of three kinds, the import policy a curator can live with:

- ``fixed``: harmless and mended on the way in (a web address without ``https://``, a
  capitalised enum value, ``""`` for "not given");
- ``kept``: kept as the feed gives it, with a warning (a descriptive value outside an ORUK 1.0
  enum that nothing matches on, such as ``deliverable_type`` "Social activity");
- ``refused``: the record cannot be used (no id, no name, an id used twice in one file, an amount
  that is not a number, a record that cannot be placed or stored). Only these stop an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.content import text

Kind = Literal["fixed", "kept", "refused"]
KINDS: tuple[Kind, ...] = ("fixed", "kept", "refused")


@dataclass(frozen=True, slots=True)
class Problem:
    index: int
    name: str
    path: str
    reason: str
    kind: Kind = "refused"
    key: str = ""


@dataclass(slots=True)
class Problems:
    """Collects problems for one record; ``path`` names the JSON path below the record."""

    index: int
    name: str = ""
    found: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    def add(self, path: str, key: str, **params: object) -> None:
        """A reason to refuse the record."""
        reason = text("staff/directory", f"problem.{key}", **params)
        self.found.append(Problem(self.index, self.name, path or "$", reason, "refused", key))

    def fix(self, path: str, key: str, **params: object) -> None:
        """Something mended on the way in; the record is used."""
        reason = text("staff/directory", f"fixed.{key}", **params)
        self.notices.append(Problem(self.index, self.name, path or "$", reason, "fixed", key))

    def keep(self, path: str, key: str, **params: object) -> None:
        """Something kept as the feed gives it, with a warning; the record is used."""
        reason = text("staff/directory", f"kept.{key}", **params)
        self.notices.append(Problem(self.index, self.name, path or "$", reason, "kept", key))


class DirectoryFileError(Exception):
    """A directory file could not be used; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
