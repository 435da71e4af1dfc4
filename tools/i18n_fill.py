"""Fill translations into the Linguist source from a Python dict (for batch work without Linguist).

``python tools/i18n_fill.py FILE.py`` where FILE.py defines ``JA = {english: japanese}``;
only unfinished messages are filled, so translations made in Linguist are kept.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "bp_till_ja.ts"


def fill(translations: dict[str, str]) -> list[str]:
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        target = message.find("translation")
        if target.get("type") != "unfinished":
            continue
        if source in translations:
            target.text = translations[source]
            del target.attrib["type"]
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(runpy.run_path(sys.argv[1])["JA"])
    print("\n".join(f"untranslated: {text!r}" for text in left) or "all translated")
