"""Translations: refresh the Linguist source from the code, or compile it (``make translations``).

``python tools/i18n.py update`` runs pyside6-lupdate over bp_till/gui and ui/ so new
strings appear in resources/i18n/bp_till_ja.ts (translate them in Qt Linguist);
``python tools/i18n.py compile`` runs pyside6-lrelease to make the .qm the till loads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "bp_till_ja.ts"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "bp_till" / "gui").glob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([_tool("lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)


def compile_all() -> None:
    for ts in sorted(TS.parent.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1] if len(sys.argv) > 1 else "compile"]()
