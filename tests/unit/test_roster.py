"""Tonight's roster as a rule: who may be on it, and the order the cast picker shows."""

from datetime import date

import pytest

from bp_till.domain.errors import InvalidInput
from bp_till.domain.roster import Roster, check_roster, picker_order

KNOWN = ["C001", "C002", "C003", "C004", "C005"]


def test_a_roster_keeps_the_order_marked_and_names_each_once():
    assert check_roster([" C003", "C001", "C003"], KNOWN) == ("C003", "C001")


def test_an_empty_roster_takes_everyone_off():
    assert check_roster([], KNOWN) == ()


@pytest.mark.parametrize("codes, says", [
    (["C001", "C999"], "No cast member C999 on this till"),
    (["C001", ""], "A cast code on the roster is empty."),
    ([None], "A cast code on the roster is empty."),
])
def test_a_code_the_till_does_not_keep_is_refused_by_name(codes, says):
    with pytest.raises(InvalidInput, match=says):
        check_roster(codes, KNOWN)


def test_the_picker_lists_this_checks_cast_then_tonights_then_everyone_else():
    tonight = Roster(date(2026, 12, 6), 2, ("C004", "C002", "C009"))  # C009 retired since
    assert picker_order(KNOWN, ["C002", "C005"], tonight) == ["C002", "C005", "C004", "C001",
                                                              "C003"]


def test_with_no_roster_the_picker_order_is_the_checks_cast_then_by_code():
    nobody = Roster(date(2026, 12, 6), 0, ())
    assert picker_order(KNOWN, [], nobody) == KNOWN
    assert "C001" not in nobody
