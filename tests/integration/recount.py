"""An independent recount of a business day, in SQL straight from the store file.

It shares no code with the till: not the domain, not the models, not the
service's queries. If the close-out and this recount agree on every figure,
the close-out agrees with the raw lines and payments.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

# A standing check: settled on the day, not voided since, not rung up in training.
STANDING = "c.business_day = :day AND c.status = 'settled' AND c.training = 0"
LIVE_LINES = f"check_lines l JOIN checks c ON c.id = l.check_id WHERE {STANDING} AND l.voided_at IS NULL"
DAY_REFUND_LINES = (
    "refund_lines rl JOIN refunds r ON r.id = rl.refund_id "
    "JOIN check_lines l ON l.id = rl.check_line_id WHERE r.business_day = :day"
)
VOIDED_LINES = ("check_lines l JOIN checks c ON c.id = l.check_id WHERE l.voided_at >= :start "
                "AND l.voided_at < :end AND c.training = 0")
# Tax of a tax-inclusive amount, rounded toward zero, as the receipts print it.
TAX = "(CASE WHEN s < 0 THEN -((-s) * rate / (100 + rate)) ELSE s * rate / (100 + rate) END)"


def _utc_bounds(day: date) -> tuple[str, str]:
    start = datetime(day.year, day.month, day.day, 5, tzinfo=ZoneInfo("Asia/Tokyo"))
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ"
    utc = ZoneInfo("UTC")
    return start.astimezone(utc).strftime(fmt), (start + timedelta(days=1)).astimezone(utc).strftime(fmt)


def _iso(stored: str) -> str:
    """Stored UTC text as Python prints an aware time (no microseconds when they are zero)."""
    return datetime.fromisoformat(stored).isoformat()


def recount(path, day: date) -> dict:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    start, end = _utc_bounds(day)
    p = {"day": day.isoformat(), "start": start, "end": end}

    def one(sql):
        return conn.execute(sql, p).fetchone()[0]

    def rows(sql):
        return [tuple(r) for r in conn.execute(sql, p).fetchall()]

    gross = one(f"SELECT coalesce(sum(total), 0) FROM checks c WHERE {STANDING}")
    count = one(f"SELECT count(*) FROM checks c WHERE {STANDING}")
    guests = one(f"SELECT coalesce(sum(guests), 0) FROM checks c WHERE {STANDING}")
    refunds = one("SELECT coalesce(sum(total), 0) FROM refunds WHERE business_day = :day")
    names = dict(rows("SELECT id, name FROM staff"))
    out = {
        "checks": count, "guests": guests,
        "extensions": one(f"SELECT coalesce(sum(extensions), 0) FROM checks c WHERE {STANDING}"), "gross_sales": gross, "refunds": refunds,
        "net_sales": gross + refunds,
        "average_per_check": gross // count if count else 0,
        "average_per_guest": gross // guests if guests else 0,
        "tax": _tax(rows), "payments": _payments(rows), "categories": _categories(rows),
        "hours": [{"hour": h, "checks": n, "sales": s} for h, n, s in rows(
            "SELECT (CAST(substr(c.closed_at, 12, 2) AS INTEGER) + 9) % 24 AS hour, count(*), "
            f"sum(total) FROM checks c WHERE {STANDING} GROUP BY hour "
            "ORDER BY (hour + 19) % 24")],
        "voids": [
            {"check_number": n, "table": t, "total": s, "voided_at": _iso(at),
             "voided_by": names[by], "approved_by": names.get(ok), "reason": why}
            for n, t, s, at, by, ok, why in rows(
                "SELECT number, table_label, total, voided_at, voided_by, void_approved_by, "
                "void_reason FROM checks WHERE business_day = :day AND status = 'voided' AND training = 0 "
                "ORDER BY number")],
        "refund_list": _refund_list(rows, names),
        "cancelled_checks": one(
            "SELECT count(*) FROM checks WHERE status = 'voided' AND business_day IS NULL "
            "AND training = 0 AND closed_at >= :start AND closed_at < :end"),
        "voided_lines": one(f"SELECT count(*) FROM {VOIDED_LINES}"),
        "voided_line_amount": one(
            f"SELECT coalesce(sum(l.unit_price * l.quantity), 0) FROM {VOIDED_LINES}"),
        "cards_issued": one("SELECT count(*) FROM audit_log WHERE action = 'card.issued' "
                            "AND at >= :start AND at < :end"),
        "cards_replaced": one("SELECT count(*) FROM audit_log WHERE action = 'card.replaced' "
                              "AND at >= :start AND at < :end"),
        "points": _points(one),
        "cast": _cast(rows),
        "backs": _backs(rows),
        "drawer": _drawer(one),
        "training_checks": one(
            "SELECT count(*) FROM checks WHERE training = 1 AND status != 'open' AND "
            "(business_day = :day OR (business_day IS NULL AND closed_at >= :start "
            "AND closed_at < :end))"),
    }
    conn.close()
    return out


def _tax(rows) -> list[dict]:
    per_receipt = rows(
        f"SELECT rate, sum({TAX}) FROM ("
        f"  SELECT l.tax_rate AS rate, sum(l.unit_price * l.quantity) AS s FROM {LIVE_LINES}"
        "   GROUP BY l.check_id, l.tax_rate"
        "  UNION ALL"
        f"  SELECT l.tax_rate, sum(rl.amount) FROM {DAY_REFUND_LINES} GROUP BY r.id, l.tax_rate"
        ") GROUP BY rate")
    sales = dict(rows(f"SELECT l.tax_rate, sum(l.unit_price * l.quantity) FROM {LIVE_LINES} "
                      "GROUP BY l.tax_rate"))
    back = dict(rows(f"SELECT l.tax_rate, sum(rl.amount) FROM {DAY_REFUND_LINES} "
                     "GROUP BY l.tax_rate"))
    return [
        {"rate": rate, "sales": sales.get(rate, 0), "refunds": back.get(rate, 0),
         "net": sales.get(rate, 0) + back.get(rate, 0), "tax": tax}
        for rate, tax in sorted(per_receipt, reverse=True)
    ]


def _payments(rows) -> list[dict]:
    sales = dict(rows(f"SELECT p.method, sum(p.amount) FROM payments p JOIN checks c "
                      f"ON c.id = p.check_id WHERE {STANDING} GROUP BY p.method"))
    back = dict(rows("SELECT rp.method, sum(rp.amount) FROM refund_payments rp JOIN refunds r "
                     "ON r.id = rp.refund_id WHERE r.business_day = :day GROUP BY rp.method"))
    return [
        {"method": m, "sales": sales.get(m, 0), "refunds": back.get(m, 0),
         "net": sales.get(m, 0) + back.get(m, 0)}
        for m in ("cash", "card", "emoney") if m in sales or m in back
    ]


def _categories(rows) -> list[dict]:
    sold = {c: (q, s) for c, q, s in rows(
        f"SELECT l.category, sum(l.quantity), sum(l.unit_price * l.quantity) FROM {LIVE_LINES} "
        "GROUP BY l.category")}
    back = {c: (q, s) for c, q, s in rows(
        f"SELECT l.category, -sum(l.quantity), sum(rl.amount) FROM {DAY_REFUND_LINES} "
        "GROUP BY l.category")}
    order = ("table_charge", "food", "soft_drink", "alcohol", "cheki", "cast_drink", "goods",
             "nomination")
    return [
        {"category": c, "quantity": sold.get(c, (0, 0))[0] + back.get(c, (0, 0))[0],
         "sales": sold.get(c, (0, 0))[1], "refunds": back.get(c, (0, 0))[1],
         "net": sold.get(c, (0, 0))[1] + back.get(c, (0, 0))[1]}
        for c in order if c in sold or c in back
    ]


def _refund_list(rows, names) -> list[dict]:
    out = []
    for rid, number, check, original, at, total, by, ok, why in rows(
        "SELECT r.id, r.number, c.number, c.business_day, r.refunded_at, r.total, r.staff_id, "
        "r.approver_id, r.reason FROM refunds r JOIN checks c ON c.id = r.check_id "
        "WHERE r.business_day = :day ORDER BY r.number"
    ):
        paid = {}
        for method, amount in rows(f"SELECT method, amount FROM refund_payments WHERE refund_id = {rid}"):
            paid[method] = paid.get(method, 0) + amount
        out.append({"number": number, "check_number": check, "original_day": original,
                    "refunded_at": _iso(at), "total": total, "payments": paid,
                    "refunded_by": names[by], "approved_by": names.get(ok), "reason": why})
    return out


def _points(one) -> dict:
    spend = one(f"SELECT coalesce(sum(spend_points), 0) FROM checks c WHERE {STANDING}")
    vote = one(f"SELECT coalesce(sum(vote_points), 0) FROM checks c WHERE {STANDING}")
    spend_back = one("SELECT coalesce(sum(spend_points), 0) FROM refunds WHERE business_day = :day")
    vote_back = one("SELECT coalesce(sum(vote_points), 0) FROM refunds WHERE business_day = :day")
    return {"spend_issued": spend, "vote_issued": vote, "spend_reversed": spend_back,
            "vote_reversed": vote_back, "spend_net": spend + spend_back,
            "vote_net": vote + vote_back}


# Cast-credited lines of the day: sold on standing checks, and given back in the day's refunds.
CAST_LINES = (
    "SELECT m.code, m.stage_name, l.category, l.quantity, l.unit_price * l.quantity, "
    "i.code, l.name_ja, l.unit_price, c.business_day "
    "FROM check_lines l JOIN checks c ON c.id = l.check_id "
    "JOIN cast_members m ON m.id = l.cast_id JOIN menu_items i ON i.id = l.menu_item_id "
    f"WHERE {STANDING} AND l.voided_at IS NULL "
    "UNION ALL "
    "SELECT m.code, m.stage_name, l.category, -l.quantity, rl.amount, "
    "i.code, l.name_ja, l.unit_price, c.business_day "
    "FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id "
    "JOIN check_lines l ON l.id = rl.check_line_id JOIN checks c ON c.id = l.check_id "
    "JOIN cast_members m ON m.id = l.cast_id JOIN menu_items i ON i.id = l.menu_item_id "
    "WHERE r.business_day = :day"
)
CAST_FIGURES = {"cheki": ("cheki", "cheki_amount"), "cast_drink": ("cast_drinks", "cast_drink_amount"),
                "nomination": ("nominations", "nomination_amount")}


def _cast(rows) -> list[dict]:
    tally: dict[str, dict] = {}
    for code, name, category, quantity, amount, *_ in rows(CAST_LINES):
        if category not in CAST_FIGURES:  # goods credited to a cast member earn only a back
            continue
        entry = tally.setdefault(code, {"code": code, "name": name, "till_votes": 0} | {
            key: 0 for keys in CAST_FIGURES.values() for key in keys})
        count, total = CAST_FIGURES[category]
        entry[count] += quantity
        entry[total] += amount
    return [tally[code] for code in sorted(tally)]


def _backs(rows) -> list[dict]:
    """Backs at the rates saved last among those begun by the day of each line's sale."""
    versions = [(v, f, json.loads(r)) for v, f, r in rows(
        "SELECT version, effective_from, rates FROM cast_back_rates ORDER BY version")]
    tally: dict[str, dict] = {}
    for code, name, _, quantity, _, item, item_name, price, sold_on in rows(CAST_LINES):
        in_force = [rates for _, start, rates in versions if start <= sold_on]
        rate = in_force[-1].get(item) if in_force else None
        if not rate:
            continue
        per_item = rate["value"] if rate["kind"] == "yen" else price * rate["value"] // 100
        if per_item == 0:
            continue
        entry = tally.setdefault(code, {"code": code, "name": name, "items": {}})
        slot = entry["items"].setdefault(item, {"item_code": item, "item_name": item_name,
                                                "count": 0, "back": 0})
        slot["count"] += quantity
        slot["back"] += per_item * quantity
    out = []
    for code in sorted(tally):
        items = [tally[code]["items"][i] for i in sorted(tally[code]["items"])]
        out.append({"code": code, "name": tally[code]["name"], "items": items,
                    "count": sum(i["count"] for i in items), "total": sum(i["back"] for i in items)})
    return out


def _drawer(one) -> dict:
    opening = one("SELECT max(opening_float) FROM business_days WHERE day = :day")
    counted = one("SELECT max(counted_cash) FROM business_days WHERE day = :day")
    cash_in = one(f"SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN checks c "
                  f"ON c.id = p.check_id WHERE {STANDING} AND p.method = 'cash'")
    cash_out = one("SELECT coalesce(sum(rp.amount), 0) FROM refund_payments rp JOIN refunds r "
                   "ON r.id = rp.refund_id WHERE r.business_day = :day AND rp.method = 'cash'")
    expected = (opening or 0) + cash_in + cash_out
    return {"opening_float": opening or 0, "cash_sales": cash_in, "cash_refunds": cash_out,
            "expected": expected, "counted": counted,
            "over_short": None if counted is None else counted - expected}
