"""Curation: keeping the activity directory fresh (admin API, pages, CSV, stale report, problem reports)."""
