"""Column types that keep the domain's promises in SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as fixed-width UTC ISO text, so text order is time order.

    SQLite has no time zone type; storing naive local times is how business
    days go wrong, so a naive value is refused outright.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: the store keeps aware times only")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)  # the stored text ends in Z: aware UTC (and fast)


class IsoDate(TypeDecorator[date]):
    """A calendar date (a business day) as ``YYYY-MM-DD`` text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)
