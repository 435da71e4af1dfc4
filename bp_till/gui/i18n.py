"""The till's languages: Japanese (the default) and English, from Qt Linguist files.

Source strings are English; ``resources/i18n/bp_till_ja.ts`` holds the Japanese,
compiled to ``.qm`` by ``make translations`` (pyside6-lrelease) at build time.
The choice is kept per till in ``gui.ini`` in the data folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from bp_till.assets import asset

log = logging.getLogger(__name__)

LANGUAGES = {"ja": "日本語", "en": "English"}
DEFAULT_LANGUAGE = "ja"
_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_current = ["en"]  # the language the screens show now


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)


def saved_choice(data_dir: Path, key: str, choices, default: str) -> str:
    """A choice kept in gui.ini (the language, the theme); an unknown one gives the default."""
    value = settings(data_dir).value(key, default)
    return value if value in choices else default


def save_choice(data_dir: Path, key: str, value: str) -> None:
    store = settings(data_dir)
    store.setValue(key, value)
    store.sync()


def saved_language(data_dir: Path) -> str:
    return saved_choice(data_dir, "language", LANGUAGES, DEFAULT_LANGUAGE)


def save_language(data_dir: Path, code: str) -> None:
    save_choice(data_dir, "language", code)


def current_language() -> str:
    return _current[0]


def install_language(code: str) -> bool:
    """Swap the application's translator; English needs none. Says if it loaded."""
    app = QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    _current[0] = "en"
    if code == "en":
        return True
    translator = QTranslator()
    compiled = asset("resources", "i18n", f"bp_till_{code}.qm")
    if not translator.load(str(compiled)):
        log.warning("no compiled translation %s (run `make translations`); showing English", compiled)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _current[0] = code
    return True
