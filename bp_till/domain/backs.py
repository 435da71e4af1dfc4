"""Cast backs (バック): what a cast member earns on the lines credited to her, for payroll.

Each cast-credited menu item (cheki, cast drinks, nominations, goods where the
menu credits a cast member) can carry a back: a fixed yen amount per item, or a
whole percentage of its price. A manager saves the rates as a version that is
in force from a business day on; the version applies by the day the item was
sold, so a refund next week takes back exactly what the sale paid, even after
the rates changed.

A percentage is rounded down per item (not per line), so a line refunded one
item at a time takes back, item by item, exactly what it earned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import MAX_UNIT_PRICE

FIXED = "yen"
PERCENT = "percent"


@dataclass(frozen=True)
class BackRate:
    """The back on one menu item: ``value`` yen per item, or ``value`` percent of its price."""

    item_code: str
    kind: str
    value: int

    def per_item(self, unit_price: int) -> int:
        if self.kind == FIXED:
            return self.value
        return unit_price * self.value // 100


def back_rate(item_code: str, kind: str, value: object, price: int | None = None) -> BackRate:
    """A checked rate, or InvalidInput saying what is wrong with it.

    ``price`` is the item's menu price: a fixed back above it would pay the
    cast member more than the guest paid, which is a typo, not a rule.
    """
    if kind not in (FIXED, PERCENT):
        raise InvalidInput(f"{item_code}: a back is yen per item or a percentage.")
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"{item_code}: a back is a whole number.")
    if value < 0:
        raise InvalidInput(f"{item_code}: a back cannot be negative.")
    if kind == PERCENT and value > 100:
        raise InvalidInput(f"{item_code}: a back cannot be more than 100% of the price.")
    if kind == FIXED and value > (MAX_UNIT_PRICE if price is None else price):
        raise InvalidInput(
            f"{item_code}: a back of ¥{value:,} is more than the ¥{price:,} the item sells for."
        )
    return BackRate(item_code, kind, value)


@dataclass(frozen=True)
class BackRates:
    """One saved version of the rates, in force from ``effective_from`` on."""

    version: int
    effective_from: date
    rates: Mapping[str, BackRate]


def rates_on(versions: Iterable[BackRates], day: date) -> BackRates | None:
    """The version in force on ``day``: the newest saved of those already in force then."""
    in_force = [v for v in versions if v.effective_from <= day]
    return max(in_force, key=lambda v: v.version) if in_force else None


@dataclass(frozen=True)
class BackLine:
    """A cast-credited line as sold (positive quantity) or given back (negative)."""

    sold_on: date  # the business day of the sale: its rates apply
    cast_code: str
    cast_name: str
    item_code: str
    item_name: str
    unit_price: int
    quantity: int


def line_back(line: BackLine, versions: Iterable[BackRates]) -> int:
    """The back a line earns (negative for a line given back); 0 where no rate is set."""
    rates = rates_on(versions, line.sold_on)
    rate = rates.rates.get(line.item_code) if rates else None
    return rate.per_item(line.unit_price) * line.quantity if rate else 0


@dataclass(frozen=True)
class ItemBacks:
    item_code: str
    item_name: str
    count: int  # net of items given back
    back: int


@dataclass(frozen=True)
class CastBacks:
    code: str
    name: str
    items: tuple[ItemBacks, ...]

    @property
    def total(self) -> int:
        return sum(item.back for item in self.items)

    @property
    def count(self) -> int:
        return sum(item.count for item in self.items)


def cast_backs(lines: Iterable[BackLine], versions: Iterable[BackRates]) -> tuple[CastBacks, ...]:
    """Each cast member's backs, per item, in cast-code order; lines that earn none are left out.

    A cast member whose lines were all given back stays in with ¥0 and a count
    of 0 when she had backs, so the slip shows why her figure is what it is.
    """
    versions = tuple(versions)
    names: dict[str, str] = {}
    tally: dict[str, dict[str, list]] = defaultdict(dict)
    for line in lines:
        back = line_back(line, versions)
        if back == 0:
            continue
        names[line.cast_code] = line.cast_name
        slot = tally[line.cast_code].setdefault(line.item_code, [line.item_name, 0, 0])
        slot[1] += line.quantity
        slot[2] += back
    return tuple(
        CastBacks(code, names[code], tuple(
            ItemBacks(item, name, count, back)
            for item, (name, count, back) in sorted(tally[code].items())
        ))
        for code in sorted(tally)
    )
