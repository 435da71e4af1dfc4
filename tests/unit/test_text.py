"""Typed text as receipts print it: hidden characters out, messages short."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.text import cleaned, shown


def test_direction_marks_controls_and_line_breaks_do_not_reach_a_receipt():
    assert cleaned("\u202eT1\u202c") == "T1"  # a right-to-left override would reverse the line
    assert cleaned("T1\r\nTOTAL ¥0") == "T1  TOTAL ¥0"  # no forged second line
    assert cleaned("\ufeffオム\u200bライス\x00") == "オムライス"
    assert cleaned("店長\u3000みさき") == "店長\u3000みさき"  # a full-width space is a space
    assert cleaned(None) == cleaned(42) == ""


def test_a_value_in_a_message_is_cut_short_and_never_fails():
    assert shown("x" * 100) == repr("x" * 20 + "…")
    assert shown(10**5000) == "(not text)"  # str() of it would raise
    assert shown("\u202eevil") == "'evil'"


@given(st.text())
def test_cleaned_text_has_nothing_hidden_and_cleaning_twice_changes_nothing(text):
    once = cleaned(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in once)
    assert cleaned(once) == once
