"""Problems found while reading a directory file: which record, where in it, and why, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.content import text


@dataclass(frozen=True, slots=True)
class Problem:
    index: int
    name: str
    path: str
    reason: str


@dataclass(slots=True)
class Problems:
    """Collects problems for one record; ``at`` names the JSON path below the record."""

    index: int
    name: str = ""
    found: list[Problem] = field(default_factory=list)

    def add(self, path: str, key: str, **params: object) -> None:
        reason = text("staff/directory", f"problem.{key}", **params)
        self.found.append(Problem(self.index, self.name, path or "$", reason))


class DirectoryFileError(Exception):
    """A directory file could not be used; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
