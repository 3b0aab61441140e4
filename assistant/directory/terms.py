"""Read ORUK attributes (a link to a taxonomy term) into term and service-term rows."""

from __future__ import annotations

from typing import Any

from assistant.directory.bundle import ServiceBundle
from assistant.directory.fields import derived_id
from assistant.directory.models import ServiceTerm, TaxonomyTerm
from assistant.directory.problems import Problems
from assistant.directory.vocabulary import Vocabulary, load_vocabulary


def read_attribute(
    attribute: dict[str, Any], service_id: str, bundle: ServiceBundle, problems: Problems, path: str
) -> None:
    vocabulary = load_vocabulary()
    detail = attribute.get("taxonomy_term") or {}
    term_id = str(detail.get("id") or attribute.get("taxonomy_term_id") or "")
    known = vocabulary.get(term_id)
    taxonomy = detail.get("taxonomy") or (known.taxonomy if known else "")
    if Vocabulary.is_dayfinder_taxonomy(taxonomy) and known is None:
        problems.add(f"{path}.taxonomy_term.id", "unknown_term", term=term_id, taxonomy=taxonomy)
        return
    if known is not None:
        term = TaxonomyTerm(
            id=known.id, name=known.name, description=known.description, taxonomy=known.taxonomy
        )
    elif detail.get("name"):
        term = TaxonomyTerm(
            id=term_id,
            name=str(detail["name"]),
            description=str(detail.get("description") or ""),
            taxonomy=str(taxonomy or ""),
        )
    else:
        problems.add(f"{path}.taxonomy_term", "term_without_detail", term=term_id)
        return
    add_term(
        bundle,
        service_id,
        term,
        str(attribute.get("id") or derived_id(service_id, term.id)),
        str(attribute.get("link_type") or (known.kind if known else "")),
    )


def add_term(
    bundle: ServiceBundle, service_id: str, term: TaxonomyTerm, link_id: str, link_type: str
) -> None:
    """Link a term once, however often a feed repeats it."""
    if any(link.term_id == term.id for link in bundle.service_terms):
        return
    if all(existing.id != term.id for existing in bundle.terms):
        bundle.terms.append(term)
    bundle.service_terms.append(
        ServiceTerm(id=link_id, service_id=service_id, term_id=term.id, link_type=link_type)
    )
