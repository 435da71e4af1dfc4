"""Column types that keep the domain's promises in SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


def utc_text(value: datetime) -> str:
    """An aware datetime as the store keeps it: fixed-width UTC ISO text ending in Z."""
    if value.tzinfo is None:
        raise ValueError("naive datetime refused: the store keeps aware times only")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_text(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)  # ends in Z: aware UTC


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as fixed-width UTC ISO text, so text order is time order.

    SQLite has no time zone type; storing naive local times is how business
    days go wrong, so a naive value is refused outright.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        return None if value is None else utc_text(value)

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        return from_utc_text(value)


class IsoDate(TypeDecorator[date]):
    """A calendar date (a business day) as ``YYYY-MM-DD`` text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)
