"""The menu and cast as CSV: export and import round-trip exactly, a BOM is read, bad rows are
listed by line and nothing is written, rows left out stay as they are."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from bp_till.demo import demo_menu
from bp_till.domain.errors import InvalidInput
from bp_till.services import masterdata_csv as mcsv
from bp_till.services.masterdata import CastEntry, cast_book, menu, menu_book
from bp_till.services.masterdata_import import BadRows, import_cast, import_menu
from bp_till.store.models import OutboxEvent
from tests.conftest import snapshot

HEADER = "code,category,name_ja,name_en,price,cast_credit,available_from,available_until,retired\r\n"


def _menu_import(ctx, text):
    rows, problems = mcsv.read_menu(text)
    return import_menu(ctx, rows, problems=problems)


def _cast_import(ctx, text):
    rows, problems = mcsv.read_cast(text)
    return import_cast(ctx, rows, problems=problems)


def _outbox(ctx):
    with ctx.store.read() as session:
        return list(session.scalars(select(OutboxEvent.type).order_by(OutboxEvent.seq)))


def test_an_exported_menu_and_cast_import_back_as_they_were_and_write_nothing(ctx):
    menu_text = mcsv.menu_csv(menu_book(ctx))
    cast_text = mcsv.cast_csv(cast_book(ctx))
    assert menu_text.startswith(HEADER) and menu_text.count("\r\n") == len(demo_menu()) + 1
    assert cast_text.splitlines()[1] == "C001,かおり,Kaori,no"
    before = snapshot(ctx)
    assert _menu_import(ctx, mcsv.BOM + menu_text).unchanged == len(demo_menu())
    assert _cast_import(ctx, cast_text).unchanged == 120
    assert snapshot(ctx) == before


def test_an_edited_file_changes_prices_adds_an_event_item_and_retires_by_its_column(ctx):
    lines = mcsv.menu_csv(menu_book(ctx)).splitlines()
    for n, line in enumerate(lines):
        cells = line.split(",")
        if cells[0] == "F02":
            cells[4] = '"¥１,０５０"'  # full-width digits, as a Japanese keyboard types them
        if cells[0] == "S01":
            cells[8] = "yes"
        lines[n] = ",".join(cells)
    lines.append("F99,food,クリスマスケーキ,Christmas cake,1500,no,2026/12/20,2026-12-25,no")
    done = _menu_import(ctx, "\r\n".join(lines) + "\r\n")
    assert (done.added, done.changed) == (1, 2)
    book = {e.code: e for e in menu_book(ctx)}
    assert book["F02"].price == 1050 and book["S01"].active is False
    assert (book["F99"].available_from, book["F99"].available_until) == (
        date(2026, 12, 20), date(2026, 12, 25))
    assert "S01" not in {e.code for e in menu(ctx)}
    assert _outbox(ctx)[-1] == "menu.updated"


def test_rows_left_out_stay_as_they_are_and_the_file_order_is_the_menu_order(ctx):
    done = _menu_import(ctx, HEADER + "S02,soft_drink,コーラ,Cola,500,no,,,no\r\n"
                                      "S01,soft_drink,ウーロン茶,Oolong tea,500,,,,\r\n")
    assert done.added == 0
    book = menu_book(ctx)
    assert len(book) == len(demo_menu()) and all(e.active for e in book)
    assert [e.code for e in book][:3] == ["S02", "S01", "T01"]


def test_every_bad_row_is_listed_by_line_and_nothing_is_written(ctx):
    text = (HEADER
            + "T01,table_charge,テーブルチャージ,Table charge,1100,no,,,no\r\n"  # line 2: fine
            + "D01,dessert,パフェ,Parfait,900,no,,,no\r\n"                       # line 3
            + "\r\n"                                                             # blank
            + "F01,food,オムライス,Omurice,1200.5,no,,,no\r\n"                   # line 5
            + "F02,food,,Curry,900,no,,,no\r\n"                                  # line 6
            + "F03,food,パスタ,Pasta,900,maybe,,,no\r\n"                         # line 7
            + "F04,food,ケーキ,Cake,900,no,12/20,,no\r\n"                        # line 8
            + "F05,food,ケーキ,Cake,900,no,2026-12-25,2026-12-20,no\r\n"         # line 9
            + "T01,table_charge,チャージ,Charge,1000,no,,,no\r\n"                # line 10
            + "F06,food,ピザ,Pizza,900,no,,,no,extra\r\n")                       # line 11
    before = snapshot(ctx)
    with pytest.raises(BadRows) as refused:
        _menu_import(ctx, text)
    assert snapshot(ctx) == before
    assert [line for line, _why in refused.value.problems] == [3, 5, 6, 7, 8, 9, 10, 11]
    message = refused.value.message.splitlines()
    assert message[0] == ("line 3: category 'dessert' is not one of table_charge, food, "
                          "soft_drink, alcohol, cheki, cast_drink, goods, nomination.")
    assert message[1] == "line 5: price must be a whole number of yen, not '1200.5'."
    assert message[2] == "line 6: F02: the Japanese name needs 1 to 120 characters."
    assert message[3] == "line 7: cast_credit is yes or no, not 'maybe'."
    assert message[4] == "line 8: available_from is a day as YYYY-MM-DD, not '12/20'."
    assert message[5].startswith("line 9: F05: available until 2026-12-20 is before")
    assert message[6] == "line 10: code T01 is on line 2 already."
    assert message[7] == "line 11: 10 cells, but the header names 9."


@pytest.mark.parametrize(("text", "message"), [
    ("code,name,price\r\nX,Y,1\r\n", "line 1: the header must name the columns"),
    (HEADER, "no rows"),
    ("", "line 1: the header"),
])
def test_a_file_without_its_header_or_rows_is_refused(ctx, text, message):
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match=message):
        _menu_import(ctx, text)
    assert snapshot(ctx) == before


def test_a_file_that_is_not_utf8_is_refused_with_what_to_do():
    with pytest.raises(InvalidInput, match="not UTF-8 .* save it as 'CSV UTF-8'"):
        mcsv.decoded("code,stage_name\r\nC001,かおり\r\n".encode("shift_jis"))
    assert mcsv.decoded(b"\xef\xbb\xbfcode\r\n") == "code\r\n"


def test_the_cast_imports_renames_swaps_and_retires_but_never_reuses_a_kept_name(ctx):
    header = "code,stage_name,romaji,retired\r\n"
    done = _cast_import(ctx, header + "C001,あみ,Ami,no\r\nC002,かおり,Kaori,no\r\n"
                                      "C003,カレン,Karen,yes\r\nC900,ゆずは,Yuzuha,\r\n")
    assert (done.added, done.changed, done.unchanged) == (1, 3, 0)
    book = {c.code: c for c in cast_book(ctx)}
    assert (book["C001"].stage_name, book["C002"].stage_name) == ("あみ", "かおり")
    assert book["C003"].active is False and book["C900"] == CastEntry("C900", "ゆずは", "Yuzuha")
    with ctx.store.read() as session:
        payload = json.loads(session.scalars(select(OutboxEvent.payload).order_by(
            OutboxEvent.seq.desc())).first())
    assert {m["code"] for m in payload["cast"]} == {"C001", "C002", "C003", "C900"}
    before = snapshot(ctx)
    with pytest.raises(BadRows) as refused:  # C004 is not in the file and keeps its name
        _cast_import(ctx, header + f"C901,{book['C004'].stage_name},X,no\r\n"
                                   "C902,ここなつ,Kokonatsu,no\r\nC903,ここなつ,Kokonatsu,no\r\n")
    assert snapshot(ctx) == before
    assert refused.value.message.splitlines() == [
        f"line 2: {book['C004'].stage_name} is the stage name of C004; a stage name belongs "
        "to one cast member.",
        "line 4: stage name ここなつ is on line 3 already."]
