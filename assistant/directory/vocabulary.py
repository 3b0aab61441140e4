"""The Dayfinder vocabulary: needs served, activity categories, support, attendance, access.

It lives in ``directory_data/taxonomy.json`` as ORUK taxonomies with their terms. Term ids carry
their kind as a prefix (``need-dementia``, ``activity-knit-natter``, ``access-step-free``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.settings import get_settings

KINDS = ("need", "activity", "support", "attendance", "access")
DAYFINDER_PREFIX = "dayfinder-"


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: str
    description: str
    taxonomy: str

    @property
    def kind(self) -> str:
        return self.taxonomy.removeprefix(DAYFINDER_PREFIX)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    terms: dict[str, Term]

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def of_kind(self, kind: str) -> list[Term]:
        return [t for t in self.terms.values() if t.kind == kind]

    @staticmethod
    def is_dayfinder_taxonomy(taxonomy: str | None) -> bool:
        return bool(taxonomy) and str(taxonomy).startswith(DAYFINDER_PREFIX)


@lru_cache(maxsize=4)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    source = path or get_settings().directory_data_dir / "taxonomy.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    terms = {
        term["id"]: Term(term["id"], term["name"], term["description"], taxonomy["id"])
        for taxonomy in data["taxonomies"]
        for term in taxonomy["terms"]
    }
    return Vocabulary(terms)
