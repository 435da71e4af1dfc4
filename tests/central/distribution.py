"""The central schema on Citus (docs/CENTRAL.md, "Past one server"), and a check of the SQL.

``DESIGN`` says how each table and view distributes; ``key_misses(sql)`` parses a
statement with PostgreSQL's own parser (pglast) and says where it reads or writes
a distributed relation without naming its distribution column: a SELECT must
compare the key (``alias.key = value``, ``= ANY``, ``IN``, or ``= other.key`` of a
relation in the same colocation group) in its WHERE or JOIN; an INSERT must give
the key a value. A statement that does is routed to one shard (or joins shards
that sit together); one that does not is sent to every shard.
"""

from __future__ import annotations

from dataclasses import dataclass

import pglast
from pglast import ast, enums


@dataclass(frozen=True)
class Distributed:
    key: str
    group: str  # the colocation group: relations joined on the key sit on the same node


REFERENCE = "reference"  # copied to every node: read anywhere, no key needed

DESIGN: dict[str, Distributed | str] = {
    # The till's record: a push is one terminal's events, its (terminal, seq) unique.
    "events": Distributed("terminal", "tills"),
    "day_summaries": Distributed("terminal", "tills"),
    "cast_credits": Distributed("terminal", "tills"),  # gains the event's terminal on Citus
    # A producer's rows: every balance, vote and login lives on the producer's node.
    "producers": Distributed("login_id", "producers"),
    "credentials": Distributed("login_id", "producers"),
    "cards": Distributed("login_id", "producers"),
    "card_retirements": Distributed("login_id", "producers"),  # gains login_id on Citus
    "points_ledger": Distributed("login_id", "producers"),
    "votes": Distributed("login_id", "producers"),
    # The board's totals: every read and every add names one month.
    "cast_month_totals": Distributed("business_month", "months"),
    # Small, or rare and read by till and by producer alike.
    "cast_versions": REFERENCE,
    "menu_versions": REFERENCE,
    "vote_refusals": REFERENCE,
    # Views: read through, by the key of what they are built on.
    "producer_balances": Distributed("login_id", "producers"),
    "card_states": Distributed("login_id", "producers"),
    "current_credentials": Distributed("login_id", "producers"),
    "producer_visits": Distributed("login_id", "producers"),
    "producer_votes": Distributed("login_id", "producers"),
    "producer_vote_refusals": REFERENCE,
    "monthly_cast_ranking": Distributed("business_month", "months"),
    "cast_roster": REFERENCE,
    "menu_items": REFERENCE,
    "rank_tables": Distributed("terminal", "tills"),
    "terminal_history": Distributed("terminal", "tills"),  # a restored till reads its own
}


@dataclass(frozen=True)
class Miss:
    relation: str
    why: str

    def __str__(self) -> str:
        return f"{self.relation}: {self.why}"


def _column(node) -> tuple[str | None, str] | None:
    """(qualifier, name) of a column reference, through casts and COLLATE."""
    while isinstance(node, ast.TypeCast | ast.CollateClause):
        node = node.arg
    if not isinstance(node, ast.ColumnRef):
        return None
    names = [f.sval for f in node.fields if isinstance(f, ast.String)]
    if not names:
        return None
    return (names[-2] if len(names) > 1 else None), names[-1]


def _equalities(qual) -> list[tuple]:
    """The (left, right) of every ``=``, ``= ANY`` or ``IN`` under ANDs of a condition."""
    found = []
    if isinstance(qual, ast.BoolExpr) and qual.boolop == enums.BoolExprType.AND_EXPR:
        for arg in qual.args:
            found += _equalities(arg)
    elif isinstance(qual, ast.A_Expr) and qual.name and qual.name[-1].sval == "=" and \
            qual.kind in (enums.A_Expr_Kind.AEXPR_OP, enums.A_Expr_Kind.AEXPR_OP_ANY,
                          enums.A_Expr_Kind.AEXPR_IN):
        found.append((qual.lexpr, qual.rexpr))
    elif isinstance(qual, ast.SubLink) and qual.subLinkType == enums.SubLinkType.ANY_SUBLINK:
        found.append((qual.testexpr, qual.subselect))  # key IN (SELECT …)
    return found


def _relations(from_items) -> list[tuple[str, str]]:
    """(name, alias) of the tables and views in a FROM list, through its joins."""
    found = []
    for item in from_items or ():
        if isinstance(item, ast.RangeVar):
            found.append((item.relname, item.alias.aliasname if item.alias else item.relname))
        elif isinstance(item, ast.JoinExpr):
            found += _relations([item.larg, item.rarg])
    return found


def _join_quals(from_items) -> list:
    quals = []
    for item in from_items or ():
        if isinstance(item, ast.JoinExpr):
            quals += [item.quals, *_join_quals([item.larg, item.rarg])]
    return [q for q in quals if q is not None]


def _names_key(alias: str, key: str, only: bool, side) -> bool:
    column = _column(side)
    return column is not None and column[1] == key and (column[0] == alias
                                                        or (column[0] is None and only))


def _select_misses(select: ast.SelectStmt, ctes: set[str]) -> list[Miss]:
    relations = [(name, alias) for name, alias in _relations(select.fromClause)
                 if name not in ctes]
    pairs = [pair for qual in [select.whereClause, *_join_quals(select.fromClause)]
             if qual is not None for pair in _equalities(qual)]
    aliases = {alias: DESIGN.get(name) for name, alias in relations}
    misses = []
    for name, alias in relations:
        place = DESIGN.get(name)
        if place is None:
            misses.append(Miss(name, "not in the Citus design (DESIGN): where does it live?"))
            continue
        if place == REFERENCE:
            continue
        only = len(relations) == 1
        if not any(_names_key(alias, place.key, only, a) or _names_key(alias, place.key, only, b)
                   for a, b in pairs if _key_partner(a, b, alias, place, only, aliases)):
            misses.append(Miss(name, f"no {place.key} named: read on every shard"))
    return misses


def _key_partner(a, b, alias: str, place: Distributed, only: bool, aliases: dict) -> bool:
    """True if this equality pins the relation's key to a value or to a colocated key."""
    mine, other = (a, b) if _names_key(alias, place.key, only, a) else (b, a)
    if not _names_key(alias, place.key, only, mine):
        return False
    column = _column(other)
    if column is None or column[0] is None:  # a value, a parameter, a subquery, a variable
        return True
    partner = aliases.get(column[0])
    return (isinstance(partner, Distributed) and partner.group == place.group
            and column[1] == partner.key)


def _insert_misses(insert: ast.InsertStmt) -> list[Miss]:
    name = insert.relation.relname
    place = DESIGN.get(name)
    if place is None:
        return [Miss(name, "not in the Citus design (DESIGN): where does it live?")]
    if place == REFERENCE:
        return []
    columns = [target.name for target in insert.cols or ()]
    return [] if place.key in columns else [Miss(name, f"inserted without {place.key}")]


def key_misses(sql: str) -> list[Miss]:
    """Where the statement reaches a distributed relation without its key."""
    nodes = [node for statement in pglast.parse_sql(sql) for node in _all(statement)]
    ctes = {node.ctename for node in nodes if isinstance(node, ast.CommonTableExpr)}
    misses = []
    for node in nodes:
        if isinstance(node, ast.SelectStmt):
            misses += _select_misses(node, ctes)
        elif isinstance(node, ast.InsertStmt):
            misses += _insert_misses(node)
    return misses


def _all(node):
    """The node and every node under it."""
    yield node
    for name in node:  # an ast.Node iterates over its attribute names
        for child in _children(getattr(node, name)):
            yield from _all(child)


def _children(value):
    if isinstance(value, ast.Node):
        return [value]
    if isinstance(value, tuple | list):
        return [child for item in value for child in _children(item)]
    return []


def plpgsql_statements(function_sql: str) -> list[str]:
    """Every SQL statement and query condition in a PL/pgSQL function's body."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            expr = node.get("PLpgSQL_expr")
            if expr is not None:
                query = expr["query"]
                # parseMode 0 is a whole statement; otherwise an expression (IF EXISTS (…)).
                found.append(query if expr.get("parseMode", 0) == 0 else f"SELECT {query}")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(pglast.parse_plpgsql(function_sql))
    return [q for q in found if any(name in q for name in DESIGN)]
