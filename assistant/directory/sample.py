"""Load the curated sample directory bundled in ``directory_data/``."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from assistant.directory.importer import import_bundles
from assistant.directory.problems import DirectoryFileError
from assistant.directory.reader import read_file, records_of


def sample_files(folder: Path) -> list[Path]:
    """Every JSON file in ``folder`` that holds services (the vocabulary file does not)."""

    found = []
    for path in sorted(folder.glob("*.json")):
        records = records_of(json.loads(path.read_text(encoding="utf-8")))
        if records:
            found.append(path)
    return found


def load_sample(engine: Engine, folder: Path) -> tuple[int, int]:
    """Import every sample file, all or nothing per file; returns (files, services)."""
    files = sample_files(folder)
    services = 0
    for path in files:
        parsed = read_file(path)
        if parsed.problems:
            raise DirectoryFileError(parsed.problems)
        import_bundles(engine, parsed.bundles)
        services += len(parsed.bundles)
    return len(files), services
