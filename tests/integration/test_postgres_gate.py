"""PostgreSQL tests fail in CI when the server is unreachable, and skip (with a reason) elsewhere."""

import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

HERE = os.path.relpath(__file__, os.getcwd())


@pytest.mark.postgres
def test_central_server_is_a_usable_postgresql(pg_url):
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        version = conn.execute(text("SHOW server_version_num")).scalar()
        conn.execute(text("CREATE TEMP TABLE probe (payload jsonb)"))
        conn.execute(text("INSERT INTO probe VALUES (CAST(:p AS jsonb))"), {"p": '{"名前": "かおり"}'})
        assert conn.execute(text("SELECT payload->>'名前' FROM probe")).scalar() == "かおり"
    engine.dispose()
    assert int(version) >= 130000


def _run_against_a_closed_port(require: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "BP_TILL_TEST_PG_URL": "postgresql+psycopg://postgres@127.0.0.1:9/test",  # discard port
        "BP_TILL_REQUIRE_PG": require,
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         f"{HERE}::test_central_server_is_a_usable_postgresql"],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_unreachable_server_fails_when_required():
    result = _run_against_a_closed_port("1")
    assert result.returncode == 1, result.stdout
    assert "CI requires it" in result.stdout and "1 error" in result.stdout


def test_unreachable_server_skips_with_a_reason_otherwise():
    result = _run_against_a_closed_port("0")
    assert result.returncode == 0, result.stdout
    assert "PostgreSQL not reachable" in result.stdout and "1 skipped" in result.stdout
