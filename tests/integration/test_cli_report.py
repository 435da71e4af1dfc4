"""`bp-till report day` in a real subprocess, on a store with a closed night."""

import json
import unicodedata
from datetime import date

from bp_till.domain.settlement import Tender
from bp_till.services import checks, closeout, corrections
from bp_till.services.settle import settle_check
from tests.integration.test_cli import bp_till


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _closed_night(ctx, cashier, shift_lead, manager):
    for table, code, tenders in (("T1", "CD08", [Tender("card", 38_000)]),
                                 ("T2", "F01", [Tender("cash", 2_000)])):
        check = checks.open_check(ctx, cashier, table, 1)
        checks.add_line(ctx, cashier, check, code, 1, "C005" if code == "CD08" else None)
        settle_check(ctx, cashier, check, tenders)
    corrections.refund_check(ctx, manager, check, "ordered by mistake")
    return closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 10_000, {5_000: 1, 1_000: 4})


def test_report_day_prints_the_closed_night_as_json_and_as_a_table(ctx, tmp_path, cashier,
                                                                   shift_lead, manager):
    closed = _closed_night(ctx, cashier, shift_lead, manager)
    ctx.store.dispose()  # the store file (tmp_path/till.db) is the CLI's data folder now

    as_json = bp_till("report", "day", "--date", "2026-11-20", "--json", data_dir=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    printed = json.loads(as_json.stdout)
    assert printed["figures"] == closed.figures.as_json()
    assert (printed["closed_by"], printed["open_checks"]) == ("Kenta", [])
    assert printed["figures"]["net_sales"] == 38_000 and printed["figures"]["drawer"]["over_short"] == -1_000

    table = bp_till("report", "day", "--date", "2026-11-20", data_dir=tmp_path)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert "Business day 2026-11-20  Till #1" in table.stdout and "Closed 2026-11-" in table.stdout
    assert any(line.startswith("Net sales") and line.endswith("¥38,000") for line in lines)
    assert any(line.startswith("Over / short") and line.endswith("short ¥1,000") for line in lines)
    assert "R1 of #2 (2026-11-20) -¥1,500" in lines
    cast_row = next(line for line in lines if line.endswith("¥38,000") and not line.isascii()
                    and not line.startswith(("Net", "Gross", "10%", "Card", "Cast drinks")))
    columns = {_columns(line) for line in (cast_row, *(x for x in lines if x.startswith("Net sales")))}
    assert columns == {48}  # rows line up: kana and kanji take two columns in a terminal


def test_report_day_of_a_day_still_open_and_a_bad_date(ctx, tmp_path, cashier):
    checks.open_check(ctx, cashier, "T9", 1)
    ctx.store.dispose()
    open_day = bp_till("report", "day", "--date", "2026-11-20", "--json", data_dir=tmp_path)
    assert open_day.returncode == 0, open_day.stderr
    printed = json.loads(open_day.stdout)
    assert printed["closed_at"] is None and printed["figures"]["checks"] == 0
    assert [c["number"] for c in printed["open_checks"]] == [1]

    for bad in ("2026-02-30", "20261120"):
        result = bp_till("report", "day", "--date", bad, data_dir=tmp_path)
        assert result.returncode == 2
        assert f"--date is written YYYY-MM-DD; '{bad}' is not a date." in result.stderr
