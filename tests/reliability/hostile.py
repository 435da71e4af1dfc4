"""Hypothesis strategies for what a careless, tired or malicious user might hand the till."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

SQL_LOOKING = [
    "'; DROP TABLE checks; --", "T1' OR '1'='1", "\" OR 1=1 --", "%", "_", "\\", "NULL",
    "Robert'); DELETE FROM outbox; --", "1; UPDATE producers SET vote_points = 1e9",
]
TRICKY_TEXT = [
    "", " ", "\t", "\n", "\x00", "T1\x00T2", "\u202eT1\u202c", "T1\u200f", "\u2066T1\u2069",
    "\ufeffT1", "T\u200d1", "\r\nTOTAL ¥0\r\n", "ｔ１", "𝐓𝟏", "\u3000", "テーブル１",
    "\x1b[2J", "T\ud8001", "\U0010ffff", "🍰" * 3, "A" * 17, "あ" * 121,
]


def long_text() -> st.SearchStrategy[str]:
    """Ten thousand characters, of one repeated character or a short repeated pattern."""
    return st.text(min_size=1, max_size=5).map(lambda pattern: (pattern * 10_000)[:10_000])


def texts() -> st.SearchStrategy[object]:
    """Anything typed into a text field, and a few things that are not text at all."""
    return st.one_of(
        st.text(max_size=30),
        st.sampled_from(SQL_LOOKING + TRICKY_TEXT),
        long_text(),
        st.none(),
        st.integers(min_value=-10, max_value=10),
        st.binary(max_size=8),
    )


def numbers() -> st.SearchStrategy[object]:
    """Anything typed into a number field: huge, negative, zero, fractional, not a number."""
    return st.one_of(
        st.integers(min_value=-3, max_value=60),
        st.sampled_from([0, -1, 999, 1000, 10_000_000, 10_000_001, 2**31, 2**63, -2**63, 2**64]),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.just(10**4000),  # a number with four thousand digits
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([1.0, 1100.0, 0.5, Decimal("1100"), Decimal("1e3"), Fraction(3, 2)]),
        st.booleans(),
        st.none(),
        st.text(max_size=6),
    )


def amounts(due: int) -> st.SearchStrategy[object]:
    """Money for a check of ``due`` yen: exact, around it, or hostile."""
    near = st.integers(min_value=-2, max_value=2).map(lambda d: due + d)
    return st.one_of(st.just(due), near, st.sampled_from([due + 9_000, due * 2 + 1]), numbers())


def bad_ids() -> st.SearchStrategy[object]:
    """The id of a check, line or staff member that the screen could never hand over."""
    return st.one_of(
        st.integers(min_value=-5, max_value=10**6),
        st.sampled_from([0, 2**63, 2**64, -(2**63) - 1, 10**4000]),
        st.none(), st.floats(), st.text(max_size=3), st.booleans(),
    )


def scans(known: list[str]) -> st.SearchStrategy[str]:
    """A card or login ID the till issued, as a scanner or a cashier hands it over."""
    good = st.sampled_from(known)
    return st.one_of(good, good.map(lambda n: f" {n[:4]}-{n[4:8]}-{n[8:]} "))


def bad_scans(known: list[str]) -> st.SearchStrategy[object]:
    """A scan cut short, a digit mistyped, a number never issued, or not a number at all."""
    hostile = st.one_of(
        texts(),
        st.text(alphabet="0123456789- ", min_size=10, max_size=14),
        st.sampled_from(["０１０１０００００００１３", "0101-0000-0014", "0101 0000 0013\n",
                         "0101-0000-001", "01010000001300", "٠١٠١٠٠٠٠٠٠١٣"]),
    )
    if not known:
        return hostile
    good = st.sampled_from(known)
    return st.one_of(
        st.tuples(good, st.integers(min_value=1, max_value=5)).map(lambda t: t[0][: -t[1]]),
        st.tuples(good, st.integers(min_value=0, max_value=10)).map(_mistyped),
        hostile,
    )


def _mistyped(pair: tuple[str, int]) -> str:
    number, where = pair
    where %= len(number)
    digit = str((int(number[where]) + 1) % 10)
    return number[:where] + digit + number[where + 1:]


def clock_jumps() -> st.SearchStrategy[timedelta]:
    """How far the clock moves: on, back a little, back a lot, years either way."""
    return st.one_of(
        st.sampled_from([timedelta(minutes=m) for m in (1, 30, 90, -4, -5, -6, -60)]),
        st.timedeltas(min_value=timedelta(days=-3650), max_value=timedelta(days=3650)),
    )


def one_field_spoiled(good) -> st.SearchStrategy:
    """A dataclass entry with one of its fields swapped for a hostile value of any kind."""
    names = [f.name for f in fields(good)]
    return st.tuples(st.sampled_from(names), st.one_of(texts(), numbers())).map(
        lambda pair: replace(good, **{pair[0]: pair[1]}))
