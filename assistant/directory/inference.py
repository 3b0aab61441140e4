"""Make foreign feeds matchable: infer Dayfinder needs and activities from what a listing says.

Councils' feeds use their own taxonomies, or none, so a listing may carry no ``need-*`` or
``activity-*`` term and could never be matched. Its name, its description (HTML stripped), the
names of the terms it does carry and Placecube's ``pc_targetAudience`` tags are read with the
conversation's own lexicon (:func:`assistant.engine.understand.understand`), one sentence at a
time so a long description is read whole and "not suitable for people with dementia" stays a
negation. Audience tags map to needs by :data:`AUDIENCE_NEEDS`.

Inferred links are stored with ``inferred=True``; a curator confirms one (it becomes a given
link) or removes it on the listing's edit page. A link the feed gave is never duplicated.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from assistant.directory import version
from assistant.directory.fields import derived_id
from assistant.directory.models import Service, ServiceTerm, TaxonomyTerm
from assistant.directory.vocabulary import load_vocabulary
from assistant.engine.understand import understand

KINDS = ("need", "activity")
AUDIENCE_TAXONOMY = "pc-target-audience"
# Placecube audience types (lower case; "A>B" is read as both A and B) and the need each means.
AUDIENCE_NEEDS = {
    "dementia": "need-dementia",
    "carers": "need-carers",
    "learning disabilities": "need-learning-disability",
    "learning disability": "need-learning-disability",
    "mental health": "need-mental-health",
    "autism": "need-autism",
    "aspergers": "need-autism",
    "disabled people": "need-physical-disability",
    "physical disabilities": "need-physical-disability",
    "wheelchair users": "need-physical-disability",
    "sensory impaired": "need-sensory-impairment",
    "visually impaired": "need-sensory-impairment",
    "hearing impaired": "need-sensory-impairment",
    "deaf": "need-sensory-impairment",
    "brain injury": "need-acquired-brain-injury",
    "acquired brain injury": "need-acquired-brain-injury",
    "older people": "need-older-people",
    "older adults": "need-older-people",
}
# How services describe themselves, not what people do there: "social care", "run by volunteers",
# "we have been running since 1990". Masked before reading, so they infer no activity.
SERVICE_TALK = re.compile(
    r"(?i)\bsocial (?:care|work(?:ers?)?|services?|prescrib\w*|enterprise)\b"
    r"|\b(?:run|staffed|led|supported|delivered) by (?:\w+ )?volunteers\b"
    r"|\b(?:our|trained|friendly|dedicated|experienced) volunteers\b"
    r"|\b(?:been|are|is|was|were|keep|kept) running\b|\brunning (?:costs?|since|for \d+)\b"
)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+|\s+[-•*]\s+")


def plain_text(markup: str) -> str:
    """Text without HTML tags or entities; block ends become line breaks."""
    spaced = re.sub(r"(?i)<\s*(br|/p|/li|/div|/h\d)\s*/?>", "\n", markup)
    return html.unescape(_TAG.sub(" ", spaced))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def audience_needs(audiences: Iterable[str]) -> list[str]:
    found: list[str] = []
    for audience in audiences:
        for part in audience.split(">"):
            need = AUDIENCE_NEEDS.get(" ".join(part.lower().split()))
            if need and need not in found:
                found.append(need)
    return found


def infer_terms(
    name: str, description: str, term_names: Iterable[str] = (), audiences: Iterable[str] = ()
) -> list[str]:
    """The ``need-*`` and ``activity-*`` ids a listing's words and audience tags speak of."""
    found = audience_needs(audiences)
    for piece in [name, *term_names, *sentences(plain_text(description))]:
        understood = understand(SERVICE_TALK.sub(" ", piece))
        for term in [*understood.needs, *understood.interests]:
            if term not in found:
                found.append(term)
    return found


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many listings carry at least one need, and at least one activity."""

    listings: int
    with_need: int
    with_activity: int

    def share(self, count: int) -> float:
        return count / self.listings if self.listings else 0.0


@dataclass(frozen=True, slots=True)
class InferenceReport:
    before: Coverage
    after: Coverage
    links_added: int


def coverage(session: Session, service_ids: list[str] | None = None) -> Coverage:
    services = select(Service.id).where(col(Service.status) == "active")
    if service_ids is not None:
        services = services.where(col(Service.id).in_(service_ids))
    ids = set(session.exec(services))
    kinds: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for service_id, term_id in session.exec(select(ServiceTerm.service_id, ServiceTerm.term_id)):
        kind = term_id.split("-", 1)[0]
        if service_id in ids and kind in kinds:
            kinds[kind].add(service_id)
    return Coverage(len(ids), len(kinds["need"]), len(kinds["activity"]))


def infer_directory(engine: Engine, source: str | None = None) -> InferenceReport:
    """Add inferred need and activity links to every active listing (of ``source`` if given)."""
    vocabulary = load_vocabulary()
    with Session(engine) as session:
        statement = select(Service).where(col(Service.status) == "active")
        if source is not None:
            statement = statement.where(col(Service.source) == source)
        services = list(session.exec(statement.order_by(col(Service.id))))
        ids = [s.id for s in services]
        before = coverage(session, ids)
        linked: dict[str, list[tuple[ServiceTerm, TaxonomyTerm]]] = {sid: [] for sid in ids}
        for link, term in session.exec(
            select(ServiceTerm, TaxonomyTerm).join(TaxonomyTerm, col(TaxonomyTerm.id) == col(ServiceTerm.term_id))
        ):
            if link.service_id in linked:
                linked[link.service_id].append((link, term))
        known = set(session.exec(select(TaxonomyTerm.id)))
        added = 0
        for service in services:
            terms = linked[service.id]
            has = {term.id for _link, term in terms}
            audiences = [term.name for _link, term in terms if term.taxonomy == AUDIENCE_TAXONOMY]
            others = [term.name for _link, term in terms if not vocabulary.is_dayfinder_taxonomy(term.taxonomy)]
            for term_id in infer_terms(service.name, service.description, others, audiences):
                meaning = vocabulary.get(term_id)
                if term_id in has or meaning is None:
                    continue
                if term_id not in known:  # written before any link to it (no ORM relationship orders them)
                    term = TaxonomyTerm(
                        id=term_id, name=meaning.name, description=meaning.description, taxonomy=meaning.taxonomy
                    )
                    session.add(term)
                    session.flush()
                    known.add(term_id)
                session.add(
                    ServiceTerm(
                        id=derived_id(service.id, f"inferred-{term_id}"),
                        service_id=service.id,
                        term_id=term_id,
                        link_type=meaning.kind,
                        inferred=True,
                    )
                )
                has.add(term_id)
                added += 1
        if added:
            version.bump(session)  # searches everywhere see the new terms (assistant.directory.cache)
        session.commit()
        return InferenceReport(before, coverage(session, ids), added)


def inferred_links(engine: Engine, service_id: str) -> list[TaxonomyTerm]:
    """The terms Dayfinder inferred for a listing and no curator has confirmed yet, by id."""
    with Session(engine) as session:
        rows = session.exec(
            select(TaxonomyTerm)
            .join(ServiceTerm, col(ServiceTerm.term_id) == col(TaxonomyTerm.id))
            .where(col(ServiceTerm.service_id) == service_id, col(ServiceTerm.inferred))
            .order_by(col(TaxonomyTerm.id))
        )
        return list(rows)


def review_inferred(engine: Engine, service_id: str, term_id: str, *, keep: bool) -> bool:
    """A curator confirms an inferred link (it becomes a given one) or removes it; False if none."""
    with Session(engine) as session:
        mine = col(ServiceTerm.service_id) == service_id
        link = session.exec(
            select(ServiceTerm).where(mine, col(ServiceTerm.term_id) == term_id, col(ServiceTerm.inferred))
        ).first()
        if link is None:
            return False
        if keep:
            link.inferred = False
            session.add(link)
        else:
            session.delete(link)
        version.bump(session)
        session.commit()
        return True


def mark_inferred(engine: Engine, service_id: str, term_ids: Iterable[str]) -> None:
    """Mark these links inferred again: saving a listing's record rewrites its links as given."""
    ids = list(term_ids)
    if not ids:
        return
    with Session(engine) as session:
        for link in session.exec(
            select(ServiceTerm).where(col(ServiceTerm.service_id) == service_id, col(ServiceTerm.term_id).in_(ids))
        ):
            link.inferred = True
            session.add(link)
        version.bump(session)
        session.commit()
