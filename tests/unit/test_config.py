from pathlib import Path

import pytest

from bp_till.config import ConfigError, load_config, parse_config, resolve_data_dir

D = Path("/tmp/bp-data")


def test_defaults_and_embedded_central():
    config = parse_config("", D, env={})
    assert (config.printer_url, config.terminal, config.sync_interval_s) == ("preview", 1, 30.0)
    assert config.central_url == f"sqlite:///{D / 'central.db'}"
    assert config.store_path == D / "till.db"


def test_values_are_read():
    text = '[terminal]\nnumber = 3\n[printer]\nurl = "tcp://10.0.0.9:9100"\ntimeout_s = 2\n'
    config = parse_config(text, D, env={})
    assert (config.terminal, config.printer_url, config.printer_timeout_s) == (3, "tcp://10.0.0.9:9100", 2.0)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[printer]\nurll = 'preview'", r"\[printer\] urll is not a known setting"),
        ("[terminal]\nnumber = 0", r"\[terminal\] number must be between 1 and 99"),
        ("[terminal]\nnumber = 'one'", r"\[terminal\] number must be a number"),
        ("[shop]\nregistration_number = 'T123'", r"registration_number must be T followed by 13 digits"),
        ("[printer]\nurl = 'lpt1'", r"\[printer\] url must be preview"),
        ("[sync]\ninterval_s = 0", r"\[sync\] interval_s must be between"),
        ("[shop\nname=1", r"not valid TOML"),
    ],
)
def test_bad_config_names_the_key(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(text, D, env={})


def test_environment_overrides():
    env = {"BP_TILL_PRINTER_URL": "file:///tmp/out.bin", "BP_TILL_CENTRAL_URL": "postgresql://x/y"}
    config = parse_config("[printer]\nurl = 'preview'", D, env=env)
    assert (config.printer_url, config.central_url) == ("file:///tmp/out.bin", "postgresql://x/y")
    with pytest.raises(ConfigError, match="BP_TILL_PRINTER_URL"):
        parse_config("", D, env={"BP_TILL_PRINTER_URL": "bogus"})


def test_first_run_creates_folder_and_a_commented_config(tmp_path):
    folder = tmp_path / "new" / "till"
    config = load_config(folder)
    assert (folder / "bp-till.toml").read_text().startswith("# BP Till configuration")
    assert config.data_dir == folder


def test_data_dir_choice(monkeypatch, tmp_path):
    monkeypatch.setenv("BP_TILL_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli") == tmp_path / "cli"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("BP_TILL_DATA_DIR")
    assert resolve_data_dir().name == "bp-till"


@pytest.mark.parametrize("url", ["usb://04b8", "usb://zz:1", "usb://04b8:02021"])
def test_bad_usb_printer_urls_refused(url):
    with pytest.raises(ConfigError, match="usb://VID:PID"):
        parse_config(f"[printer]\nurl = '{url}'", D, env={})
