"""Integer yen, tax-inclusive prices, and Japanese consumption tax per rate.

Menu prices are tax-inclusive (総額表示). A receipt shows, per rate, the
tax-inclusive total and the tax contained in it, computed once per receipt
per rate (not per line), as a qualified simplified invoice requires:
``tax = floor(total * rate / (100 + rate))``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from bp_till.domain.errors import InvalidInput

MAX_UNIT_PRICE = 10_000_000  # a price over ¥10,000,000 is a typo, not a sale
MAX_QUANTITY = 999


class TaxRate(IntEnum):
    """Consumption tax rates in percent."""

    REDUCED = 8  # take-out food and non-alcoholic drinks (軽減税率)
    STANDARD = 10


class Category:
    """Menu categories, named as the café names them."""

    TABLE_CHARGE = "table_charge"
    FOOD = "food"
    SOFT_DRINK = "soft_drink"
    ALCOHOL = "alcohol"
    CHEKI = "cheki"
    CAST_DRINK = "cast_drink"
    GOODS = "goods"
    NOMINATION = "nomination"  # 指名: a guest's fee for the cast member they came to see

    ALL = (TABLE_CHARGE, FOOD, SOFT_DRINK, ALCOHOL, CHEKI, CAST_DRINK, GOODS, NOMINATION)
    # Lines of these categories name the cast member they are for.
    CAST_CREDITED = (CHEKI, CAST_DRINK, NOMINATION)
    # Food and non-alcoholic drinks are 飲食料品: reduced rate when taken out.
    FOODSTUFFS = (FOOD, SOFT_DRINK)


def credits_cast(category: str, cast_credit: bool) -> bool:
    """Whether an item's lines name a cast member: by its category, or as the menu sets it (goods)."""
    return cast_credit or category in Category.CAST_CREDITED


def tax_rate_for(category: str, takeout: bool) -> TaxRate:
    """The rate of a line: eat-in is all standard; take-out food falls to 8%."""
    if category not in Category.ALL:
        raise InvalidInput(f"Unknown menu category {category!r}.")
    if takeout and category in Category.FOODSTUFFS:
        return TaxRate.REDUCED
    return TaxRate.STANDARD


def tax_included(total: int, rate: TaxRate) -> int:
    """The tax inside a tax-inclusive total, rounded down (in the buyer's favour).

    Works for refunds too: the tax of a negative total is the negative of the
    tax of its absolute value, so a refund reverses exactly what was charged.
    """
    sign = -1 if total < 0 else 1
    return sign * (abs(total) * int(rate) // (100 + int(rate)))


def require_whole(value: object, what: str) -> int:
    """Money and counts are whole numbers: refuse floats, strings and booleans."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} must be a whole number.")
    return value


def check_unit_price(price: int) -> int:
    require_whole(price, "A price in yen")
    if price < 0:
        raise InvalidInput("A price cannot be negative.")
    if price > MAX_UNIT_PRICE:
        raise InvalidInput(f"A price over ¥{MAX_UNIT_PRICE:,} is refused; check the amount.")
    return price


def check_quantity(quantity: int) -> int:
    require_whole(quantity, "A quantity")
    if quantity <= 0:
        raise InvalidInput("A quantity must be at least 1.")
    if quantity > MAX_QUANTITY:
        raise InvalidInput(f"A quantity over {MAX_QUANTITY} is refused; check the number.")
    return quantity


@dataclass(frozen=True)
class RateTotal:
    """One row of a receipt's tax summary."""

    rate: TaxRate
    total: int  # tax-inclusive
    tax: int

    @property
    def net(self) -> int:
        return self.total - self.tax


def totals_by_rate(amounts: Iterable[tuple[TaxRate, int]]) -> list[RateTotal]:
    """Sum tax-inclusive amounts per rate, then take tax once per rate.

    Rates with nothing on them are left out; the standard rate comes first,
    as receipts print it.
    """
    sums: dict[TaxRate, int] = {}
    for rate, amount in amounts:
        sums[TaxRate(rate)] = sums.get(TaxRate(rate), 0) + amount
    return [
        RateTotal(rate, sums[rate], tax_included(sums[rate], rate))
        for rate in sorted(sums, reverse=True)
    ]


def yen(amount: int) -> str:
    """Format yen the way receipts and screens show it: ¥1,100 or -¥500."""
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"
