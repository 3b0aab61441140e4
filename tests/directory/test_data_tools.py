"""The data tools rebuild the committed files from what the repository holds, and nothing else:
the sample directory byte for byte from its TOML, the geography files from the kept downloads."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assistant.settings import PROJECT_DIR

TOOLS = PROJECT_DIR / "directory_data" / "tools"
AREAS = ["central-bedfordshire", "waltham-forest", "dorset", "solihull", "sefton"]


def test_the_sample_directory_rebuilds_byte_identical_from_its_toml(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "build_sample_directory.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for area in AREAS:
        built = (tmp_path / f"{area}.json").read_bytes()
        assert built == (PROJECT_DIR / "directory_data" / f"{area}.json").read_bytes(), area


@pytest.fixture(scope="module")
def build_geo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_geo", TOOLS / "build_geo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_geo"] = module
    spec.loader.exec_module(module)
    return module


def _committed(name: str) -> list[dict[str, str]]:
    with (PROJECT_DIR / "directory_data" / "geo" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_geography_files_rebuild_from_the_downloads_kept_in_the_repository(build_geo: ModuleType) -> None:
    """Outcodes, wards and places need only the standard library (towns and words need the geodata extra)."""
    assert build_geo.SOURCES.is_relative_to(PROJECT_DIR)
    assert build_geo.outcode_rows() == _committed("outcodes.csv")
    assert build_geo.ward_rows() == _committed("wards.csv")
    assert build_geo.place_rows() == _committed("places.csv")
