"""Hostile input to what parses text before any service runs: scans, the config, payments.

Each call returns a value that keeps the rules, or raises the project's own
error with a one-line message: never a Python error, never a value that
slipped through half-checked.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import damm

from bp_till.config import ConfigError, parse_config
from bp_till.domain import identifiers
from bp_till.domain.errors import InvalidInput, TillError
from bp_till.domain.settlement import CASH, METHODS, Tender, settle
from bp_till.domain.text import cleaned
from tests.reliability import hostile

TRIED = {"scans": 0, "config": 0, "payments": 0}
DIGIT_TEXT = st.text(alphabet="0123456789- \t", max_size=20)
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _readable(message: str) -> None:
    assert message.strip() and "\n" not in message and cleaned(message) == message
    assert len(message) < 300, message


@FUZZ
@given(typed=st.one_of(hostile.texts(), DIGIT_TEXT))
def test_scans_parse_to_a_valid_number_or_say_what_is_wrong(typed):
    TRIED["scans"] += 1
    for parse, length in ((identifiers.parse_card_number, 12), (identifiers.parse_login_id, 11)):
        try:
            number = parse(typed)
        except InvalidInput as refusal:
            _readable(refusal.message)
            continue
        assert len(number) == length and number.isascii() and number.isdigit()
        assert damm.is_valid(number)
    try:
        assert identifiers.classify(typed) in ("card", "login")
    except InvalidInput as refusal:
        _readable(refusal.message)


# --- bp-till.toml ---
SECTIONS = {
    "shop": ["name", "number", "registration_number"], "terminal": ["number"],
    "printer": ["url", "profile", "timeout_s"], "central": ["url"], "sync": ["interval_s"],
    "portal": ["url"], "printr": ["url"],
}
TOML_VALUES = st.one_of(
    st.text(max_size=30), st.sampled_from(hostile.TRICKY_TEXT + hostile.SQL_LOOKING),
    st.sampled_from(["preview", "file:///tmp/x.bin", "usb://04b8:0202", "tcp://10.0.0.5:9100",
                     "https://portal.example/login", "T1234567890123", "sqlite:///x.db",
                     "T１２３４５６７８９０１２３", "https://a b", "file:///tmp/\x00x"]),
    st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([10**400, -(10**4000)]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.lists(st.integers(), max_size=2),
)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") \
            if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string: JSON escapes are TOML escapes
    return json.dumps(value)  # ints and arrays of ints


@st.composite
def config_files(draw) -> str:
    lines = []
    for section in draw(st.lists(st.sampled_from(sorted(SECTIONS)), unique=True, max_size=4)):
        lines.append(f"[{section}]")
        for key in draw(st.lists(st.sampled_from(SECTIONS[section]), unique=True, max_size=3)):
            lines.append(f"{key} = {_toml_value(draw(TOML_VALUES))}")
    return "\n".join(lines) + "\n"


ENV = st.dictionaries(st.sampled_from(["BP_TILL_PRINTER_URL", "BP_TILL_CENTRAL_URL"]),
                      st.one_of(TOML_VALUES.filter(lambda v: isinstance(v, str)).map(
                          lambda v: v.replace("\x00", "")), st.just("")), max_size=2)


@FUZZ
@given(text=st.one_of(config_files(), st.text(max_size=200)), env=ENV)
def test_a_config_loads_whole_or_names_the_bad_setting(text, env):
    TRIED["config"] += 1
    try:
        config = parse_config(text, Path("/data"), env)
    except ConfigError as refusal:
        _readable(str(refusal))
        assert str(refusal).startswith(("bp-till.toml", "BP_TILL_")), str(refusal)
        return
    assert 1 <= config.shop_number <= 99 and 1 <= config.terminal <= 99
    assert cleaned(config.shop_name) == config.shop_name and config.shop_name
    assert config.registration_number[0] == "T" and config.registration_number[1:].isascii()
    for url in (config.printer_url, config.central_url, config.portal_url):
        assert url.isprintable() and " " not in url
    assert 0.1 <= config.printer_timeout_s <= 120 and 1 <= config.sync_interval_s <= 3600


# --- payments ---
@FUZZ
@given(total=st.integers(min_value=1, max_value=10**9), tenders=st.lists(
    st.builds(Tender, st.one_of(st.sampled_from(METHODS), hostile.texts()),
              st.one_of(st.integers(min_value=1, max_value=10**9), hostile.numbers())),
    max_size=4))
def test_payments_pay_exactly_or_are_refused_with_a_message(total, tenders):
    TRIED["payments"] += 1
    try:
        settlement = settle(total, tenders)
    except TillError as refusal:
        _readable(refusal.message)
        return
    assert sum(p.amount for p in settlement.payments) == total
    assert settlement.change >= 0
    assert all(p.amount == p.tendered for p in settlement.payments if p.method != CASH)
    assert settlement.change == sum(p.tendered - p.amount for p in settlement.payments)


@pytest.fixture(scope="module", autouse=True)
def _report(figures):
    yield
    figures["fuzz: parsers"] = {"inputs tried": sum(TRIED.values()), **TRIED}
