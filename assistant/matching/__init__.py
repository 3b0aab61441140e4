"""From a profile to a short list of activities: the narrow interface the engine's runtime uses."""

from assistant.matching.results import Card, Finder, Meeting, ResultsPage, Widening

__all__ = ["Card", "Finder", "Meeting", "ResultsPage", "Widening"]
