"""TEMPORARY: replaced by the geography module."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PC = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?$")


@dataclass(frozen=True)
class Postcode:
    outcode: str
    incode: str | None

    @property
    def formatted(self) -> str:
        return f"{self.outcode} {self.incode}" if self.incode else self.outcode


def parse_postcode(text: str) -> Postcode | None:
    m = _PC.match(text.strip().upper())
    return Postcode(m[1], m[2]) if m else None
