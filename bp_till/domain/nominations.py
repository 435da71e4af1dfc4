"""Nominations (指名): a guest names the cast member they came to see, for a fee.

A check's first nomination is its main one (本指名); more cast members can be
nominated on top (場内指名, extra). Each is a line of the check credited to the
cast member, at the menu price of its nomination item, once per guest at the
table by default: the fee is per guest, as the café charges it. The fee is the
menu price, so a manager changes it where every price is changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput


@dataclass(frozen=True)
class NominationRule:
    main_item: str = "N01"  # 本指名
    extra_item: str = "N02"  # 場内指名
    per_guest: bool = True  # one fee per guest at the table, or one per check

    def items(self) -> tuple[str, str]:
        return self.main_item, self.extra_item


@dataclass(frozen=True)
class Nomination:
    cast_code: str
    main: bool


@dataclass(frozen=True)
class NominationLine:
    item_code: str
    quantity: int


def nomination_line(rule: NominationRule, on_check: Iterable[Nomination], wanted: Nomination,
                    cast_name: str, guests: int) -> NominationLine:
    """The line a new nomination adds to a check that already has ``on_check``.

    A check has one main nomination at most, and a cast member is nominated
    once: the guests already pay for her.
    """
    on_check = list(on_check)
    if any(n.cast_code == wanted.cast_code for n in on_check):
        raise InvalidInput(f"{cast_name} is already nominated on this check.")
    if wanted.main and any(n.main for n in on_check):
        raise InvalidInput("This check has its main nomination already; "
                           "nominate more cast members as extra.")
    return NominationLine(rule.main_item if wanted.main else rule.extra_item,
                          guests if rule.per_guest else 1)
