"""The data folder and ``bp-till.toml``: defaults, validation, environment overrides.

A missing key takes its default; an unknown key or a bad value stops the start
with a message naming it, so a typo never silently prints to the wrong printer.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from bp_till.domain.text import cleaned

CONFIG_NAME = "bp-till.toml"
STORE_NAME = "till.db"
PRINTER_SCHEMES = ("tcp", "usb", "serial", "file")
# What the card slip's QR opens by default: `bp-till portal` on this machine (`make portal`).
DEFAULT_PORTAL_URL = "http://127.0.0.1:8800/login"


class ConfigError(Exception):
    """A problem in the config file or the environment, named for the person fixing it."""


@dataclass(frozen=True)
class Config:
    data_dir: Path
    shop_name: str = "Backstage Pass"
    shop_number: int = 1
    registration_number: str = "T0000000000000"
    terminal: int = 1
    printer_url: str = "preview"
    printer_profile: str = "TM-T88V"
    printer_timeout_s: float = 5.0
    central_url: str = ""
    sync_interval_s: float = 30.0
    portal_url: str = DEFAULT_PORTAL_URL
    portal_host: str = "127.0.0.1"
    portal_port: int = 8800
    portal_central_url: str = ""  # the website's connection (bp_till_website); "" = central_url
    portal_rate_limit_storage: str = "memory://"
    tables: int = 24  # the floor's tables, T1 … Tn
    lock_after_s: float = 120.0  # an idle till signs its staff member out

    @property
    def store_path(self) -> Path:
        return self.data_dir / STORE_NAME

    @property
    def preview_dir(self) -> Path:
        return self.data_dir / "prints"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


# (section, key) -> (field name, type, validator returning an error or None)
def _between(low: float, high: float):
    return lambda v: None if low <= v <= high else f"must be between {low:g} and {high:g}"


def _plain(text: str) -> bool:
    """No spaces, control or direction characters: a URL or a name of a printer profile."""
    return text.isprintable() and not any(ch.isspace() for ch in text)


def _shop_name(name: str) -> str | None:
    """The receipt's heading: no control or direction characters, no blanks at the ends."""
    if not name or cleaned(name) != name or len(name) > 40:
        return "must be 1 to 40 characters, without control characters or blanks at the ends"
    return None


def _url(check):
    """A URL validator that first refuses spaces and control characters, then runs ``check``."""
    return lambda v: check(v) if _plain(v) else "must not contain spaces or control characters"


def _printer_url(url: str) -> str | None:
    scheme = url.split("://", 1)[0] if "://" in url else None
    if scheme == "usb" and not re.fullmatch(r"usb://[0-9a-fA-F]{4}:[0-9a-fA-F]{4}(\?status=off)?", url):
        return "must be usb://VID:PID with four hex digits each, e.g. usb://04b8:0202"
    if url == "preview" or scheme in PRINTER_SCHEMES:
        return None
    return "must be preview, tcp://HOST:PORT, usb://VID:PID, serial:///dev/… or file:///path"


_KEYS: dict[tuple[str, str], tuple[str, type, Any]] = {
    ("shop", "name"): ("shop_name", str, _shop_name),
    ("shop", "number"): ("shop_number", int, _between(1, 99)),
    ("shop", "registration_number"): (
        "registration_number", str,
        lambda v: None if re.fullmatch(r"T[0-9]{13}", v) else "must be T followed by 13 digits",
    ),
    ("terminal", "number"): ("terminal", int, _between(1, 99)),
    ("terminal", "lock_after_s"): ("lock_after_s", float, _between(10, 3600)),
    ("floor", "tables"): ("tables", int, _between(1, 99)),
    ("printer", "url"): ("printer_url", str, _url(_printer_url)),
    ("printer", "profile"): (
        "printer_profile", str, lambda v: None if v and _plain(v) else "must be a profile name",
    ),
    ("printer", "timeout_s"): ("printer_timeout_s", float, _between(0.1, 120)),
    ("central", "url"): (
        "central_url", str, _url(lambda v: None if "://" in v else "must be a database URL"),
    ),
    ("sync", "interval_s"): ("sync_interval_s", float, _between(1, 3600)),
    ("portal", "url"): (
        "portal_url", str,
        _url(lambda v: None if v.startswith(("https://", "http://")) else "must start with https://"),
    ),
    ("portal", "host"): ("portal_host", str, lambda v: None if v and _plain(v) else "must be a host"),
    ("portal", "port"): ("portal_port", int, _between(1, 65535)),
    ("portal", "central_url"): (
        "portal_central_url", str, _url(lambda v: None if "://" in v else "must be a database URL"),
    ),
    ("portal", "rate_limit_storage"): (
        "portal_rate_limit_storage", str,
        _url(lambda v: None if "://" in v else "must be a storage URI such as memory:// or redis://HOST"),
    ),
}

DEFAULT_FILE = """\
# BP Till configuration. A missing key takes its default.
[shop]
name = "Backstage Pass"
number = 1
registration_number = "T0000000000000"   # 適格請求書発行事業者登録番号

[terminal]
number = 1            # unique per till in the shop: card numbers carry it
lock_after_s = 120    # sign the staff member out after this long without a touch

[floor]
tables = 24           # tables T1 … T24 on the floor screen

[printer]
url = "preview"       # tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baudrate=38400, file:///path
profile = "TM-T88V"
timeout_s = 5

[central]
# url = "postgresql+psycopg://till@central.example/ranking"   (default: central.db in this folder)

[sync]
interval_s = 30

[portal]
# The producer website (`bp-till portal`). url is what the card slip's QR opens: set it to
# the site's public https address in the shop; the default is `bp-till portal` on this machine.
url = "http://127.0.0.1:8800/login"
# host = "127.0.0.1"; port = 8800        where `bp-till portal` listens
# central_url = "postgresql+psycopg://bp_till_website@central.example/ranking"  (default: [central] url)
# rate_limit_storage = "memory://"       or "redis://HOST:6379" when several portal processes run
"""


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    chosen = cli_value or os.environ.get("BP_TILL_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(user_data_dir("bp-till", appauthor=False))


def _typed(value: Any, kind: type, name: str) -> Any:
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            raise ConfigError(f"{name} is far too large.") from None
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise ConfigError(f"{name} must be a {'number' if kind in (int, float) else 'string'}.")
    return value


def _quoted(value: Any) -> str:
    """A bad value shown in the message, cut short (a 5,000-digit number cannot be printed)."""
    if isinstance(value, int) and abs(value) >= 10**30:
        return "a number far too large"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def parse_config(text: str, data_dir: Path, env: dict[str, str] | None = None) -> Config:
    env = os.environ if env is None else env
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{CONFIG_NAME} is not valid TOML: {exc}") from None
    values: dict[str, Any] = {"central_url": f"sqlite:///{data_dir / 'central.db'}"}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{CONFIG_NAME}: [{section}] must be a table of keys.")
        for key, value in table.items():
            name = f"{CONFIG_NAME}: [{section}] {key}"
            if (section, key) not in _KEYS:
                raise ConfigError(f"{name} is not a known setting.")
            field, kind, check = _KEYS[(section, key)]
            value = _typed(value, kind, name)
            problem = check(value)
            if problem:
                raise ConfigError(f"{name} {problem} (it is {_quoted(value)}).")
            values[field] = value
    for var, field, key in (
        ("BP_TILL_PRINTER_URL", "printer_url", ("printer", "url")),
        ("BP_TILL_CENTRAL_URL", "central_url", ("central", "url")),
        ("BP_TILL_PORTAL_CENTRAL_URL", "portal_central_url", ("portal", "central_url")),
    ):
        if env.get(var):
            problem = _KEYS[key][2](env[var])
            if problem:
                raise ConfigError(f"{var} {problem} (it is {_quoted(env[var])}).")
            values[field] = env[var]
    return Config(data_dir=data_dir, **values)


def load_config(data_dir: Path, *, create: bool = True) -> Config:
    """Read the folder's config; the first run creates the folder and a commented file."""
    path = data_dir / CONFIG_NAME
    if not path.exists():
        if not create:
            raise ConfigError(f"No {CONFIG_NAME} in {data_dir}.")
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(DEFAULT_FILE, encoding="utf-8")
    return parse_config(path.read_text(encoding="utf-8"), data_dir)


def with_terminal_number(text: str, number: int, data_dir: Path) -> str:
    """The config text with ``[terminal] number`` set, every other line as it was."""
    lines = text.splitlines(keepends=True)
    header = re.compile(r"\s*\[\s*([^\]\s]+)\s*\]")
    section, terminal_at = None, None
    for i, line in enumerate(lines):
        if match := header.match(line):
            section = match.group(1)
            terminal_at = i if section == "terminal" else terminal_at
        elif section == "terminal" and re.match(r"\s*number\s*=", line):
            lines[i] = re.sub(r"^(\s*number\s*=\s*)[^\s#]+", rf"\g<1>{number}", line)
            break
    else:  # no number line in [terminal]: add one under its header, or the section
        if terminal_at is None:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines.append(f"\n[terminal]\nnumber = {number}\n")
        else:
            lines.insert(terminal_at + 1, f"number = {number}\n")
    new = "".join(lines)
    try:
        written = parse_config(new, data_dir, env={}).terminal
    except ConfigError:
        written = None
    if written != number:
        raise ConfigError(f"{CONFIG_NAME}: set [terminal] number = {number} by hand "
                          "(this file writes it in a way bp-till does not edit).")
    return new


def write_terminal_number(data_dir: Path, number: int) -> str | None:
    """Set the till's number in its config (created if missing); returns the text before."""
    path = data_dir / CONFIG_NAME
    before = path.read_text(encoding="utf-8") if path.exists() else None
    if before is not None:
        parse_config(before, data_dir)  # a mistake already there is named as such
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(with_terminal_number(DEFAULT_FILE if before is None else before,
                                         number, data_dir), encoding="utf-8")
    return before
