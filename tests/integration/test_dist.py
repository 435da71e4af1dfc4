"""``make dist`` builds the app for a register PC, and the frozen app works without Python.

One build per run (a few minutes on two cores), then the frozen executable is
run as an owner would: ``--self-test``, and the command line against the
real PostgreSQL central database.
"""

import os
import re
import sqlite3
import subprocess
import tomllib
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.integration.test_self_test import assert_passed

ROOT = Path(__file__).resolve().parents[2]
SIZE_GOAL_MB = 250


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        ["make", "dist", f"DIST={out / 'dist'}", f"DIST_WORK={out / 'build'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    executable = out / "dist" / "bp-till" / "bp-till"
    assert executable.is_file() and os.access(executable, os.X_OK)
    return executable


def frozen(app: Path, *args, cwd: Path, env: dict | None = None):
    # No PYTHONPATH or virtual environment: the app must carry everything itself.
    environ = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "VIRTUAL_ENV") and not k.startswith("BP_TILL_")}
    environ["PATH"] = "/usr/bin:/bin"
    return subprocess.run([str(app), *args], cwd=cwd, env={**environ, **(env or {})},
                          capture_output=True, text=True, timeout=600)


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


@pytest.mark.slow
def test_the_frozen_self_test_passes(app, tmp_path):
    result = frozen(app, "--self-test", cwd=tmp_path, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"bp-till {_version()} self-test (frozen)\n")
    assert_passed(result.stdout)
    internal = app.parent / "_internal"
    assert f"under {internal}" in result.stdout  # its own files, not the source tree's


@pytest.mark.slow
def test_the_bundle_holds_what_the_till_needs_and_not_the_rest(app):
    internal = app.parent / "_internal"
    size_mb = sum(p.stat().st_size for p in app.parent.rglob("*")
                  if p.is_file() and not p.is_symlink()) / 1e6  # as du counts it
    print(f"\nbundle {app.parent}: {size_mb:.0f} MB unpacked")
    assert size_mb < SIZE_GOAL_MB
    plugins = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    assert (plugins / "libqoffscreen.so").is_file() and (plugins / "libqxcb.so").is_file()
    for needed in ("resources/fonts/BIZUDGothic-Regular.ttf", "resources/fonts/OFL.txt",
                   "resources/fonts/BIZUDPGothic-Regular.ttf", "resources/fonts/BIZUDPGothic-Bold.ttf",
                   "resources/style/themes.json", "resources/icons/floor.svg",
                   "resources/i18n/bp_till_ja.qm", "ui/check.ui", "receipts/card_slip.toml",
                   "bp_till/store/migrations/env.py"):
        assert (internal / needed).is_file(), needed
    assert not list(internal.rglob("*.ts"))  # the Linguist source stays home
    libraries = {p.name for p in internal.rglob("libQt6*")}
    assert {"libQt6Widgets.so.6", "libQt6UiTools.so.6", "libQt6Charts.so.6"} <= libraries
    for unused in ("WebEngine", "Quick", "Qml", "Multimedia", "3D", "Pdf"):
        assert not [name for name in libraries if name.startswith(f"libQt6{unused}")], unused


@pytest.mark.slow
@pytest.mark.postgres
def test_the_frozen_till_rings_up_syncs_to_postgresql_and_backs_up(app, tmp_path, pg_url):
    data = tmp_path / "till"
    init = frozen(app, "init", "--demo", "--data-dir", str(data), cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert frozen(app, "--version", cwd=tmp_path).stdout.strip() == f"bp-till {_version()}"
    prints = tmp_path / "night.bin"
    night = frozen(app, "simulate", "--checks", "30", "--seed", "1", "--data-dir", str(data),
                   cwd=tmp_path, env={"BP_TILL_PRINTER_URL": f"file://{prints}"})
    assert night.returncode == 0, night.stderr
    assert prints.read_bytes().count(b"\x1dV") >= 30  # a receipt or slip cut per print

    name = f"bp_frozen_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        assert frozen(app, "--data-dir", str(data), "central", "init", "--url", url,
                      cwd=tmp_path).returncode == 0
        sync = frozen(app, "sync", "--once", "--data-dir", str(data), cwd=tmp_path,
                      env={"BP_TILL_CENTRAL_URL": url})
        assert sync.returncode == 0, sync.stderr
        pushed = int(re.match(r"Pushed (\d+) events", sync.stdout)[1])
        central = create_engine(url)
        with central.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == pushed
        central.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
    with closing(sqlite3.connect(data / "till.db")) as store:
        assert store.execute("SELECT count(*) FROM outbox").fetchone()[0] == pushed

    backup = frozen(app, "backup", "--data-dir", str(data), cwd=tmp_path)
    assert backup.returncode == 0, backup.stderr
    (copy,) = (data / "backups").glob("till-*.db")
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone() == (0,)
