"""What every service needs: the store, the clock, and who and where this till is."""

from __future__ import annotations

from dataclasses import dataclass, field

from bp_till.clock import Clock
from bp_till.config import DEFAULT_PORTAL_URL
from bp_till.domain.nominations import NominationRule
from bp_till.domain.points import DEFAULT_RANK_TABLE, RankTable
from bp_till.domain.stay import StayPolicy
from bp_till.store.db import Store
from bp_till.store.uow import UnitOfWork


@dataclass(frozen=True)
class Site:
    shop_name: str = "Backstage Pass"
    shop_number: int = 1
    terminal: int = 1
    registration_number: str = "T0000000000000"
    portal_url: str = DEFAULT_PORTAL_URL


@dataclass
class TillContext:
    store: Store
    clock: Clock
    site: Site = field(default_factory=Site)
    ranks: RankTable = DEFAULT_RANK_TABLE
    stay: StayPolicy = field(default_factory=StayPolicy)
    nominations: NominationRule = field(default_factory=NominationRule)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.store, self.clock, self.site.terminal)
