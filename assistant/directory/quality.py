"""What a feed lacks for matching: the share of services missing each thing Dayfinder matches on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.directory.bundle import ServiceBundle

CHECKS: dict[str, Callable[[ServiceBundle], bool]] = {
    "location": lambda b: any(loc.latitude is not None for loc in b.locations),
    "postcode": lambda b: any(loc.outcode for loc in b.locations),
    "schedule": lambda b: any(s.byday and s.opens_at for s in b.schedules),
    "cost": lambda b: bool(b.costs),
    "need": lambda b: any(t.term_id.startswith("need-") for t in b.service_terms),
    "activity": lambda b: any(t.term_id.startswith("activity-") for t in b.service_terms),
    "phone": lambda b: bool(b.phones),
    "assured": lambda b: b.service.last_verified is not None,
}


@dataclass(frozen=True, slots=True)
class Lack:
    what: str
    missing: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.missing / self.total) if self.total else 0


def lacks(bundles: Sequence[ServiceBundle], online_ok: bool = True) -> list[Lack]:
    """Each check with how many services fail it; online-only services need no location or postcode."""
    out = []
    for what, has in CHECKS.items():
        relevant = [
            b
            for b in bundles
            if not (online_ok and what in ("location", "postcode") and b.service.attendance == "online")
        ]
        out.append(Lack(what, sum(1 for b in relevant if not has(b)), len(relevant)))
    return out
