"""The portal against a central database fed by a real till: SQLite file and PostgreSQL.

On PostgreSQL the portal connects as ``bp_till_website``, the role the
website has in the shop, so every page is also a test of that role's grants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from bp_till.central.postgres import WEBSITE_ROLE
from bp_till.portal.app import PortalSettings, create_app
from bp_till.services import producers
from bp_till.services.producers import IssuedCard
from bp_till.sync.push import push
from tests.support.tills import settle_a_check
from tests.sync.conftest import central  # noqa: F401 - the SQLite and PostgreSQL central

SECRET = b"test-secret-for-the-portal-sessions-0123456789"


def website_engine(central: Engine) -> Engine:
    """The central database as the website sees it (its own role on PostgreSQL)."""
    if central.dialect.name != "postgresql":
        return central
    url = make_url(central.url.render_as_string(hide_password=False)).set(username=WEBSITE_ROLE)
    return create_engine(url)


@dataclass
class Fed:
    """A till feeding a central database, and the producer card it issued."""

    ctx: object
    cashier: object
    central: Engine
    card: IssuedCard

    def push(self) -> None:
        push(self.ctx, self.central)

    def visit(self, times: int = 1) -> None:
        for _ in range(times):
            settle_a_check(self.ctx, self.cashier, self.card.card_number)


@pytest.fixture
def fed(ctx, cashier, central) -> Fed:
    """A producer with two visits pushed to the central database: 72 spend and 72 vote points."""
    card = producers.issue_producer(ctx, cashier)
    feeding = Fed(ctx, cashier, central, card)
    feeding.visit(2)
    feeding.push()
    return feeding


@pytest.fixture
def website(central):
    engine = website_engine(central)
    yield engine
    if engine is not central:
        engine.dispose()


@pytest.fixture
def app(website):
    return create_app(PortalSettings(central_url="(given)", secret=SECRET), engine=website)


@pytest.fixture
def client(app):
    with TestClient(app, base_url="http://portal.test") as browser:
        yield browser


def token(page) -> str:
    """The CSRF token of the form on a page."""
    return re.search(r'name="csrf" value="([^"]+)"', page.text)[1]


def message(page) -> str | None:
    """The error or notice the page shows the producer."""
    found = re.search(r'<p class="note[^"]*"[^>]*>([^<]+)</p>', page.text)
    return found[1] if found else None


def log_in(client, login_id: str, password: str, **headers):
    page = client.get("/login")
    return client.post("/login", data={"csrf": token(page), "login_id": login_id,
                                       "password": password}, headers=headers)
