"""``bp-till``: open the till, set up a data folder, or run the training simulation."""

from __future__ import annotations

import argparse
import sys

from bp_till import __version__
from bp_till.config import ConfigError, load_config, resolve_data_dir
from bp_till.domain.errors import TillError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bp-till", description="The register of Backstage Pass.")
    parser.add_argument("--data-dir", help="the data folder (default: BP_TILL_DATA_DIR or the user data folder)")
    parser.add_argument("--version", action="version", version=f"bp-till {__version__}")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init", help="create the data folder, config and store")
    init.add_argument("--demo", action="store_true", help="load the demo menu, cast and staff")
    sim = sub.add_parser("simulate", help="ring up realistic checks (training and load)")
    sim.add_argument("--checks", type=int, required=True, help="how many checks")
    sim.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    for name in ("init", "simulate"):
        sub.choices[name].add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    return parser


def _open(args):
    from bp_till.bootstrap import open_till, setup_logging

    config = load_config(resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir))
    setup_logging(config)
    return open_till(config)


def cmd_init(args) -> int:
    from bp_till.demo import load_demo
    from bp_till.services.staff import add_staff, list_staff

    till = _open(args)
    print(f"Data folder: {till.config.data_dir}")
    print(f"Store:       {till.config.store_path}")
    if args.demo:
        created = load_demo(till.ctx)
        print("Demo menu, cast and staff are in the store.")
    elif not list_staff(till.ctx):
        from bp_till.demo import random_pin

        pin = random_pin()
        add_staff(till.ctx, "Manager", "manager", pin)
        created = [("Manager", "manager", pin)]
    else:
        created = []
    for name, role, pin in created:
        print(f"  {role:<10} {name:<28} PIN {pin}")
    if created:
        print("Write the PINs down now: they are stored only as hashes.")
    elif args.demo:
        print("(Staff were set up on an earlier run; their PINs were printed then.)")
    till.close()
    return 0


def cmd_simulate(args) -> int:
    from tqdm import tqdm

    from bp_till import simulate

    if args.checks < 1:
        raise TillError("--checks must be at least 1.")
    till = _open(args)
    with tqdm(total=args.checks, unit="check", file=sys.stderr, disable=None) as bar:
        result = simulate.run(till, args.checks, args.seed, progress=bar.update)
    till.close()
    print(f"Simulated business days {result.first_day} to {result.last_day}:")
    for name, count in sorted(result.counts.items()):
        print(f"  {name:<22} {count:>7}")
    print(f"  {'sales':<22} ¥{result.revenue:>,}")
    return 0


def cmd_gui(args) -> int:
    from bp_till.gui.app import run_gui

    return run_gui(_open(args))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"init": cmd_init, "simulate": cmd_simulate}.get(args.command, cmd_gui)
    try:
        return handler(args)
    except (ConfigError, TillError) as exc:
        print(f"bp-till: {exc}", file=sys.stderr)
        return 2
