"""Finding ui/, resources/ and receipts/ wherever the till runs from.

Three layouts: a source checkout or editable install (the folders sit beside
the package), an installed wheel (they are packed inside it as
``bp_till/_assets/``), and the PyInstaller app (under ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
FOLDERS = ("ui", "resources", "receipts")


@cache
def asset_root() -> Path:
    candidates = [_PACKAGE / "_assets", _PACKAGE.parent]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen))
    for root in candidates:
        if all((root / folder).is_dir() for folder in FOLDERS):
            return root
    raise FileNotFoundError(f"ui/, resources/ and receipts/ not found near {_PACKAGE}")


def asset(*parts: str) -> Path:
    """``asset("resources", "demo", "menu.json")`` → the file, wherever it lives."""
    return asset_root().joinpath(*parts)
