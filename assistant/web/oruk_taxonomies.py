"""ORUK 3.0 taxonomies and taxonomy terms, as the ``/oruk/taxonomies`` endpoints publish them.

The directory keeps each term's taxonomy as its id on the term. Dayfinder's own taxonomies take
their name and description from ``directory_data/taxonomy.json``; a taxonomy that came in with a
council's feed has only its id, which then names it too.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from assistant.directory.models import TaxonomyTerm
from assistant.settings import get_settings

Json = dict[str, Any]


@lru_cache(maxsize=1)
def _known() -> dict[str, Json]:
    data = json.loads((get_settings().directory_data_dir / "taxonomy.json").read_text(encoding="utf-8"))
    return {t["id"]: {"id": t["id"], "name": t["name"], "description": t["description"]} for t in data["taxonomies"]}


def taxonomy_json(taxonomy_id: str) -> Json:
    return _known().get(taxonomy_id) or {"id": taxonomy_id, "name": taxonomy_id, "description": taxonomy_id}


def taxonomy_ids(session: Session) -> list[str]:
    """Every taxonomy a term belongs to, by id."""
    used = session.exec(select(TaxonomyTerm.taxonomy).where(TaxonomyTerm.taxonomy != "").distinct())
    return sorted(set(used) | set(_known()))


def term_json(term: TaxonomyTerm) -> Json:
    out: Json = {"id": term.id, "name": term.name, "description": term.description or term.name}
    if term.taxonomy:
        out["taxonomy"] = term.taxonomy
        out["taxonomy_id"] = term.taxonomy
    return out


def term_rows(
    session: Session, text: str, taxonomy_id: str | None, page: int, per_page: int
) -> tuple[list[TaxonomyTerm], int]:
    """A page of terms (by taxonomy, then id), with how many match in all."""
    statement = select(TaxonomyTerm)
    if words := text.strip().lower():
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(func.lower(TaxonomyTerm.name).like(f"%{escaped}%", escape="\\"))
    if taxonomy_id:
        statement = statement.where(TaxonomyTerm.taxonomy == taxonomy_id)
    total = int(session.exec(select(func.count()).select_from(statement.subquery())).one())
    ordered = statement.order_by(col(TaxonomyTerm.taxonomy), col(TaxonomyTerm.id))
    rows = session.exec(ordered.offset((page - 1) * per_page).limit(per_page))
    return list(rows), total
