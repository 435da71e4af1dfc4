"""The menu and the cast as CSV files a manager edits in a spreadsheet (``bp-till menu export``).

A header row names the columns; UTF-8, with or without the BOM Excel writes
(an exported file has one, so Excel shows the Japanese). What export writes,
import reads back to the same menu. A cell that cannot be read is refused with
its line and why; the import then writes nothing.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import Category
from bp_till.domain.typed import calendar_day
from bp_till.services.masterdata import CastEntry, MenuEntry

MENU_COLUMNS = ("code", "category", "name_ja", "name_en", "price", "cast_credit",
                "available_from", "available_until", "retired")
MENU_REQUIRED = ("code", "category", "name_ja", "name_en", "price")
CAST_COLUMNS = ("code", "stage_name", "romaji", "retired")
CAST_REQUIRED = ("code", "stage_name")
BOM = "\ufeff"
_YES, _NO = ("yes", "y", "true", "1"), ("no", "n", "false", "0", "")
Problems = list[tuple[int, str]]


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _write(columns: tuple[str, ...], rows: Iterable[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def menu_csv(entries: Iterable[MenuEntry]) -> str:
    return _write(MENU_COLUMNS, ((
        e.code, e.category, e.name_ja, e.name_en, str(e.price), _yes_no(e.cast_credit),
        _day(e.available_from), _day(e.available_until), _yes_no(not e.active))
        for e in entries))


def cast_csv(entries: Iterable[CastEntry]) -> str:
    return _write(CAST_COLUMNS, ((e.code, e.stage_name, e.romaji, _yes_no(not e.active))
                                 for e in entries))


def decoded(data: bytes) -> str:
    """The file's text: UTF-8, the BOM dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"The file is not UTF-8 (byte {error.start + 1} cannot be read); save it as "
            "'CSV UTF-8' and import it again.") from None


# --- reading cells ---------------------------------------------------------------------------
def _flag(text: str, column: str) -> bool:
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise InvalidInput(f"{column} is yes or no, not {text!r}")


def _price(text: str) -> int:
    folded = unicodedata.normalize("NFKC", text).strip().removeprefix("¥").replace(",", "")
    if not (folded.isascii() and folded.isdigit()) or len(folded) > 12:
        raise InvalidInput(f"price must be a whole number of yen, not {text!r}")
    return int(folded)


def _category(text: str) -> str:
    if text.strip() not in Category.ALL:
        raise InvalidInput(f"category {text!r} is not one of {', '.join(Category.ALL)}")
    return text.strip()


def _menu_entry(cell: Callable[[str], str]) -> MenuEntry:
    return MenuEntry(cell("code"), _category(cell("category")), cell("name_ja"),
                     cell("name_en"), _price(cell("price")),
                     _flag(cell("cast_credit"), "cast_credit"),
                     not _flag(cell("retired"), "retired"),
                     calendar_day(cell("available_from"), "available_from"),
                     calendar_day(cell("available_until"), "available_until"))


def _cast_entry(cell: Callable[[str], str]) -> CastEntry:
    return CastEntry(cell("code"), cell("stage_name"), cell("romaji"),
                     not _flag(cell("retired"), "retired"))


# --- reading a file ------------------------------------------------------------------------
def _read(text: str, columns: tuple[str, ...], required: tuple[str, ...],
          entry: Callable) -> tuple[list, Problems]:
    """(line, entry) for each row read, and the rows that could not be: (line, why)."""
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    header = [name.strip().casefold() for name in next(reader, [])]
    unknown = [name for name in header if name and name not in columns]
    missing = [name for name in required if name not in header]
    if unknown or missing or len(set(filter(None, header))) != len(list(filter(None, header))):
        raise InvalidInput(
            f"line 1: the header must name the columns {', '.join(columns)} "
            f"({', '.join(required)} needed), each once"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; not a column: {', '.join(unknown)}" if unknown else "") + ".")
    rows, problems, last = [], [], reader.line_num
    for cells in reader:
        line, last = last + 1, reader.line_num  # where the row starts (a cell may hold lines)
        if not any(cell.strip() for cell in cells):
            continue  # a blank line (a spreadsheet leaves some at the end)
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append((line, f"{len(cells)} cells, but the header names {len(header)}."))
            continue
        by_name = dict(zip(header, cells))
        try:
            rows.append((line, entry(lambda name: by_name.get(name, ""))))
        except InvalidInput as refusal:
            problems.append((line, refusal.message + "."))
    return rows, problems


def read_menu(text: str) -> tuple[list[tuple[int, MenuEntry]], Problems]:
    return _read(text, MENU_COLUMNS, MENU_REQUIRED, _menu_entry)


def read_cast(text: str) -> tuple[list[tuple[int, CastEntry]], Problems]:
    return _read(text, CAST_COLUMNS, CAST_REQUIRED, _cast_entry)
