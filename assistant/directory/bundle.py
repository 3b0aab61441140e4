"""One service with every row that belongs to it, ready to write in a single step."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sqlmodel import SQLModel

from assistant.directory.models import (
    Accessibility,
    Contact,
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    TaxonomyTerm,
)


@dataclass(slots=True)
class ServiceBundle:
    organization: Organization
    service: Service
    locations: list[Location] = field(default_factory=list)
    links: list[ServiceAtLocation] = field(default_factory=list)
    accessibility: list[Accessibility] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)
    costs: list[CostOption] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    terms: list[TaxonomyTerm] = field(default_factory=list)
    service_terms: list[ServiceTerm] = field(default_factory=list)

    def rows(self) -> list[SQLModel]:
        """Every row, parents before children."""
        return [
            self.organization,
            *self.terms,
            *self.locations,
            *self.accessibility,
            self.service,
            *self.links,
            *self.schedules,
            *self.costs,
            *self.contacts,
            *self.phones,
            *self.service_terms,
        ]

    def fingerprint(self) -> str:
        """A hash of the rows' content (in any order), so re-importing an unchanged record writes nothing."""
        parts = []
        for row in self.rows():
            data = row.model_dump(mode="json", exclude={"content_hash", "source_format"})
            parts.append([type(row).__name__, data])
        parts.sort(key=lambda part: json.dumps(part, sort_keys=True, default=str))
        blob = json.dumps(parts, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()
