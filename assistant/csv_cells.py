"""CSV cells that a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or ``@`` as a
formula (a tab or carriage return first can hide one), so a listing's description or a search
term written by anyone could run on a curator's or commissioner's computer when they open an
export. :func:`to_cell` puts a single quote before such a value, which spreadsheets take to mean
"text" and do not show; a plain number ("-0.66") is left alone. :func:`from_cell` undoes it, so
the curators' own export re-imports unchanged; a value that itself starts with quotes before
such a character gains one more quote going out and loses it coming back.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _looks_like_formula(value: str) -> bool:
    rest = value.lstrip("'")
    return rest.startswith(FORMULA_STARTS) and _NUMBER.fullmatch(rest) is None


def to_cell(value: object) -> str:
    """``value`` as a cell that opens as text ("=1+1" becomes "'=1+1")."""
    written = "" if value is None else str(value)
    return "'" + written if _looks_like_formula(written) else written


def from_cell(cell: str) -> str:
    """The value :func:`to_cell` wrote."""
    return cell[1:] if cell.startswith("'") and _looks_like_formula(cell[1:]) else cell
