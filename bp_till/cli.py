"""``bp-till``: open the till, set up a data folder, or run the training simulation."""

from __future__ import annotations

import argparse
import sys
import time

from bp_till import __version__, cli_masterdata
from bp_till.config import ConfigError, load_config, resolve_data_dir
from bp_till.domain.errors import TillError

STARTED = time.perf_counter()  # for --exit-when-ready: the start-up benchmark's clock


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bp-till", description="The register of Backstage Pass.")
    parser.add_argument("--data-dir", help="the data folder (default: BP_TILL_DATA_DIR or the user data folder)")
    parser.add_argument("--version", action="version", version=f"bp-till {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="try every part once in a throwaway data folder, then exit")
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--customer-display", action=argparse.BooleanOptionalAction, default=None,
                        help="the customer's screen (default: on when there are two screens)")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init", help="create the data folder, config and store")
    init.add_argument("--demo", action="store_true", help="load the demo menu, cast and staff")
    init.add_argument("--terminal", type=int, metavar="N",
                      help="this till's number, 1-99, unique in the shop (written to the "
                           "config before the first event; default: the config's, 1)")
    sim = sub.add_parser("simulate", help="ring up realistic checks (training and load)")
    sim.add_argument("--checks", type=int, required=True, help="how many checks")
    sim.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    central = sub.add_parser("central", help="the central ranking database")
    central_sub = central.add_subparsers(dest="central_command", required=True)
    central_init = central_sub.add_parser("init", help="create the central schema")
    central_init.add_argument("--url", help="the central database URL (default: from the config)")
    sync = sub.add_parser("sync", help="send queued events to the central database and bring back what changed")
    sync.add_argument("--once", action="store_true", required=True, help="one round, then exit")
    report = sub.add_parser("report", help="reports from the local store")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    report_day = report_sub.add_parser("day", help="a business day's close-out figures")
    report_day.add_argument("--date", help="YYYY-MM-DD (default: the current business day)")
    report_day.add_argument("--json", action="store_true", help="print JSON instead of a table")
    report_backs = report_sub.add_parser(
        "backs", help="each cast member's backs for a night or a pay period (payroll)")
    report_backs.add_argument("--from", dest="first", required=True, help="YYYY-MM-DD, first business day")
    report_backs.add_argument("--to", dest="last", help="YYYY-MM-DD, last business day (default: --from)")
    backs_format = report_backs.add_mutually_exclusive_group()
    backs_format.add_argument("--json", action="store_true", help="print JSON instead of a table")
    backs_format.add_argument("--csv", action="store_true", help="print CSV for a payroll sheet")
    backup = sub.add_parser("backup", help="copy the store safely, even while the till runs")
    backup.add_argument("--to", help="a new file or a folder (default: backups/ in the data folder)")
    restore = sub.add_parser("restore", help="put a backup in the store's place (the till closed) "
                                             "and catch up with the central database")
    restore.add_argument("backup", help="the backup file (bp-till backup made it)")
    portal = sub.add_parser("portal", help="serve the producer website (the card slip's login)")
    portal.add_argument("--demo", action="store_true",
                        help="demo producers with visits and votes, and one login printed to try")
    portal.add_argument("--host", help="listen on this address (default: [portal] host)")
    portal.add_argument("--port", type=int, help="listen on this port (default: [portal] port)")
    portal.add_argument("--proxy-headers", action="store_true",
                        help="behind a reverse proxy: client addresses from X-Forwarded-For")
    cli_masterdata.add_commands(sub)
    for name in ("init", "simulate", "central", "sync", "backup", "restore", "portal"):
        sub.choices[name].add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS)
    for leaf in (report_day, report_backs, central_init):  # after the sub-subcommand too
        # default SUPPRESS: when absent here, a --data-dir given before `init` stays
        leaf.add_argument("--data-dir", dest="sub_data_dir", help=argparse.SUPPRESS,
                          default=argparse.SUPPRESS)
    return parser


def _config(args):
    """The config of the data folder named before or after the subcommand."""
    return load_config(resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir))


def _open(args):
    from bp_till.bootstrap import open_till, setup_logging

    config = _config(args)
    setup_logging(config)
    return open_till(config)


def cmd_init(args) -> int:
    from bp_till.demo import load_demo
    from bp_till.services.staff import add_staff, list_staff

    till = _open_numbered(args) if args.terminal is not None else _open(args)
    print(f"Data folder: {till.config.data_dir}")
    print(f"Terminal:    {till.config.terminal}")
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


def _open_numbered(args):
    """Open the till as terminal ``--terminal``: the number is in the config before any event.

    An existing till's store decides whether its number may still change (see
    services/terminal_number.py); when it may not, the config is put back as it was.
    """
    from bp_till.config import CONFIG_NAME, write_terminal_number

    if not 1 <= args.terminal <= 99:
        raise TillError(f"--terminal must be a till number from 1 to 99 (it is {args.terminal}).")
    data_dir = resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)
    before = write_terminal_number(data_dir, args.terminal)
    try:
        return _open(args)
    except BaseException:
        path = data_dir / CONFIG_NAME
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(before, encoding="utf-8")
        raise


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


CENTRAL_UNREACHABLE = 3


def _central_failure(exc: Exception, url: str) -> int:
    from bp_till.sync.once import explain_failure

    print(f"bp-till: {explain_failure(exc, url)}", file=sys.stderr)
    return CENTRAL_UNREACHABLE


def cmd_central(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bp_till.central.db import OlderCentralSchema, central_engine, init_central
    from bp_till.central.postgres import TERMINAL_ROLE, WEBSITE_ROLE

    url = args.url or _config(args).central_url
    try:
        engine = central_engine(url)
        created = init_central(engine)
    except OlderCentralSchema as exc:
        print(f"bp-till: {exc}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, ImportError) as exc:  # ImportError: no driver for that URL
        return _central_failure(exc, url)
    print(f"Central schema ready ({len(created)} tables created).")
    if engine.dialect.name == "postgresql":
        print(f"Roles ready: {TERMINAL_ROLE} for the tills, {WEBSITE_ROLE} for the website "
              "(no password is set here: give each one on the server, see docs/CENTRAL.md).")
    engine.dispose()
    return 0


def cmd_sync(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bp_till.sync.numbering import NumberTaken
    from bp_till.sync.once import open_central, run_round
    from bp_till.sync.push import pending_count

    till = _open(args)
    url = till.config.central_url
    try:
        engine = open_central(url)
        result = run_round(till.ctx, engine)
    except NumberTaken as exc:  # says itself how many stay queued and what to do
        return _central_failure(exc, url)
    except (SQLAlchemyError, ImportError) as exc:
        print(f"{pending_count(till.ctx)} events stay queued.", file=sys.stderr)
        return _central_failure(exc, url)
    finally:
        till.close()
    print(f"Pushed {result.pushed} events ({result.new} new to the central database); "
          f"pulled {result.pulled} changes; {result.pending} pending.")
    got = result.what_pulled
    print(f"  producers new or changed here: {got.producers}; ranking board rows moved: "
          f"{got.board}; votes refused by the central database: {got.refusals}; "
          f"cast and menu rows updated: {got.masterdata}")
    return 0


def cmd_report(args) -> int:
    if args.report_command == "backs":
        return cmd_report_backs(args)
    import json

    from bp_till.printing.layout import close_out_report
    from bp_till.printing.text import as_text
    from bp_till.services.closeout import day_report

    day = _day(args.date)  # a bad date stops before the store is opened
    till = _open(args)
    try:
        report = day_report(till.ctx, day)
    finally:
        till.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(as_text(close_out_report(report.figures, till.config.shop_name,
                                       till.config.terminal, report.closed_at, report.closed_by)))
    return 0


def cmd_report_backs(args) -> int:
    import csv
    import json

    from bp_till.printing.backs_layout import backs_report_blocks
    from bp_till.printing.text import as_text
    from bp_till.services.backs import backs_report

    first = _day(args.first, "--from")
    last = _day(args.last, "--to") if args.last else first
    till = _open(args)
    try:
        report = backs_report(till.ctx, first, last)
    finally:
        till.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows(report.csv_rows())
    else:
        print(as_text(backs_report_blocks(report, till.config.shop_name, till.config.terminal)))
    return 0


def _day(typed: str | None, option: str = "--date"):
    import re
    from datetime import date

    if typed is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
            raise ValueError(typed)
        return date.fromisoformat(typed)
    except ValueError:
        raise TillError(f"{option} is written YYYY-MM-DD; {typed!r} is not a date.") from None


def cmd_backup(args) -> int:
    from pathlib import Path

    from bp_till.store.backup import BACKUP_FOLDER, backup_store

    data_dir = resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)
    config = load_config(data_dir, create=False)  # a mistyped folder is not set up as a new till
    destination = Path(args.to).expanduser() if args.to else config.data_dir / BACKUP_FOLDER
    if not args.to:
        destination.mkdir(exist_ok=True)
    copy = backup_store(config.store_path, destination)
    size = copy.path.stat().st_size / 1_000_000
    print(f"Backed up {config.store_path} to {copy.path} "
          f"({size:.1f} MB, schema {copy.revision}, integrity check ok):")
    for table, count in copy.counts.items():
        print(f"  {table:<22} {count:>9}")
    return 0


def cmd_restore(args) -> int:
    """Put a backup in the store's place, then continue its numbering from the central database.

    The central database is reached first: a restored store must learn what
    this till sent after the backup before it rings anything up (sync/numbering.py).
    """
    from pathlib import Path

    from sqlalchemy.exc import SQLAlchemyError

    from bp_till.bootstrap import open_till, setup_logging
    from bp_till.store.backup import restore_store
    from bp_till.sync.numbering import NumberTaken, last_number
    from bp_till.sync.once import open_central, run_round

    config = load_config(resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir),
                         create=False)
    url = config.central_url
    try:
        engine = open_central(url)
        engine.connect().close()  # reachable, before anything moves
    except (SQLAlchemyError, ImportError) as exc:
        print("Nothing was restored: a restored till continues its numbering from the central "
              "database, so it must be reachable.", file=sys.stderr)
        return _central_failure(exc, url)
    setup_logging(config)
    kept = restore_store(Path(args.backup).expanduser().resolve(), config.store_path)
    print(f"Restored {args.backup} as {config.store_path}"
          + (f" (the store it replaced is kept as {kept.name})." if kept else "."))
    till = open_till(config)
    try:
        result = run_round(till.ctx, engine)
        newest = last_number(till.ctx)
    except (NumberTaken, SQLAlchemyError) as exc:
        print("The backup is in place, but this till has not caught up with the central "
              "database yet: run bp-till sync --once before ringing anything up.", file=sys.stderr)
        return _central_failure(exc, url)
    finally:
        till.close()
        engine.dispose()
    print(f"Caught up with the central database: {result.pushed} queued events sent "
          f"({result.new} new to it), {result.pulled} changes brought back. Terminal "
          f"{config.terminal}'s next event is number {newest + 1}.")
    return 0


def cmd_portal(args) -> int:
    try:
        from bp_till.portal import server
    except ImportError as missing:  # installed without the portal's extra
        raise TillError(f"The portal needs {missing.name}: pip install 'bp-till[portal]'.") from None
    config = _config(args)
    from bp_till.bootstrap import setup_logging

    setup_logging(config)
    if args.demo:
        from bp_till.portal.demo import prepare_demo

        till = _open(args)
        try:
            demo = prepare_demo(till)
        finally:
            till.close()
        print(f"Demo producer: login ID {demo.login_id}, password {demo.password} "
              "(a new one on every --demo run; it is not kept).")
        print(f"Log in as if scanning the slip: {demo.link}")
    host, port = args.host or config.portal_host, args.port or config.portal_port
    print(f"Producer portal on http://{host}:{port}/ (the board: /board). Ctrl+C stops it.")
    server.serve(config, host, port, args.proxy_headers)
    return 0


def cmd_self_test(args) -> int:
    from bp_till.selftest import run_self_test

    return run_self_test()


def cmd_masterdata(args) -> int:
    return cli_masterdata.run(args, _open)


def cmd_gui(args) -> int:
    till = _open(args)  # before Qt: modules loaded after PySide6 pass through its import hook
    from bp_till.gui.app import run_gui

    return run_gui(till, ready_since=STARTED if args.exit_when_ready else None,
                   customer_display=args.customer_display)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {
        "init": cmd_init, "simulate": cmd_simulate, "central": cmd_central, "sync": cmd_sync,
        "report": cmd_report, "backup": cmd_backup, "restore": cmd_restore,
        "portal": cmd_portal, "menu": cmd_masterdata, "cast": cmd_masterdata,
    }.get(args.command, cmd_self_test if args.self_test else cmd_gui)
    try:
        return handler(args)
    except (ConfigError, TillError) as exc:
        print(f"bp-till: {exc}", file=sys.stderr)
        return 2
