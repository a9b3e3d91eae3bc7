"""SQLite's SQL, as the SQLite modules and migrations write it, said in PostgreSQL's dialect.

The PostgreSQL store runs the SQLite modules' queries unchanged (one place for each query, whatever the
backend); this is the one place where the dialects differ. What a function can mimic lives in
compat.sql (instr, json_group_array, pragma_table_info...); what is syntax is rewritten here:

- a subquery in FROM gets the name PostgreSQL 15 requires;
- ``?`` placeholders become ``%s`` (and a literal ``%`` is doubled);
- ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE`` an upsert on the
  table's primary key that also resets the columns it does not name, as REPLACE does;
- ``, json_each(x) j`` becomes a CROSS JOIN of ``json_array_elements_text`` with ordinality (``j.value``, ``j.key``);
- ``CROSS JOIN t ON`` (SQLite's inner join in a fixed order) becomes ``JOIN t ON``;
- ``json_array(`` becomes ``json_build_array(``; ``LIKE`` is ``ILIKE`` (SQLite's LIKE ignores case);
- ``end``, reserved in PostgreSQL, is quoted where it names a column;
- DDL types: TEXT compares byte-wise (COLLATE "C", as SQLite does), INTEGER is BIGINT, REAL is DOUBLE
  PRECISION, BLOB is BYTEA, AUTOINCREMENT an identity; every table gets the ``rowid`` SQLite gives it;
  index expressions are parenthesised.

Hand-written rather than a SQL transpiler (sqlglot) because the SQL here is a small known subset and
its SQLite-only parts (json_each aliases, REPLACE's reset of unnamed columns) need the schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LITERAL = re.compile(r"('(?:[^']|'')*')")
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.IGNORECASE)
_JSON_EACH = re.compile(
    r"\bjson_each\(((?:[^()]|\([^()]*\))*)\)"
    r"(?:\s+(?:AS\s+)?(?!(?:WHERE|JOIN|ON|ORDER|GROUP|LIMIT|LEFT|INNER|CROSS|USING|UNION)\b)(\w+))?", re.IGNORECASE)
_INSERT_OR_PREFIX = re.compile(r"^\s*INSERT\s+OR\s+\w+\s+INTO", re.IGNORECASE)
# SQLite reads "a JOIN b ON .., json_each(a.x) j JOIN c ON c.y = a.y" as one join; PostgreSQL lets the
# last ON see a only when the comma is a CROSS JOIN.
_COMMA_JOIN = re.compile(r",\s*json_each\(")
# SQLite takes "CROSS JOIN t ON ..." as an inner join in that order; PostgreSQL's CROSS JOIN has no ON.
_CROSS_JOIN_ON = re.compile(r"\bCROSS\s+JOIN\s+(\w+(?:\s+(?:AS\s+)?\w+)?)\s+ON\b")
# Migrations and queries spell types and keywords in capitals, columns in lower case.
_END_COLUMN = re.compile(r"([(,]\s*)end(?=\s*[,)]|\s+(?:INTEGER|TEXT|REAL|BLOB)\b)")
_UPSERT = re.compile(r"^(\s*INSERT\s+INTO\s+(?:\w+).*?\bDO\s+UPDATE\s+SET\b)(.*?)(\sWHERE\s.*)?$", re.DOTALL)
# A lower-case name not followed by "(" or "." (a column, not a function or table), and "=" after it.
_BARE = re.compile(r"(?<![.\w\"])([a-z_]\w*)\b(?!\s*\(|\.)(\s*=(?!=))?")
_FROM_SUBQUERY = re.compile(r"\bFROM\s*\((?=\s*(?:SELECT|WITH)\b)", re.IGNORECASE)
_ALIAS = re.compile(r"\s*(?:AS\s+)?(?!(?:WHERE|JOIN|ON|ORDER|GROUP|LIMIT|LEFT|INNER|CROSS|UNION|OFFSET|HAVING)\b)[a-z_]\w*", re.IGNORECASE)
_LIKE = re.compile(r"\bLIKE\b")
_JSON_ARRAY = re.compile(r"\bjson_array\(", re.IGNORECASE)

# A function of the table's name giving (primary key columns, every column) in order.
TableColumns = Callable[[str], tuple[list[str], list[str]]]


def _code_parts(sql: str, rewrite: Callable[[str], str]) -> str:
    """``rewrite`` applied to the SQL outside its string literals."""
    parts = _LITERAL.split(sql)
    return "".join(p if i % 2 else rewrite(p) for i, p in enumerate(parts))


def _json_each(m: re.Match[str]) -> str:
    arg, alias = m.group(1), m.group(2) or "json_each"
    return f"json_array_elements_text(({arg})::json) WITH ORDINALITY AS {alias} (value, key)"


def _expressions(code: str) -> str:
    code = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", code.replace("?", "%s"))
    code = _JSON_EACH.sub(_json_each, _COMMA_JOIN.sub(" CROSS JOIN json_each(", code))
    code = _JSON_ARRAY.sub("json_build_array(", code)
    code = _LIKE.sub("ILIKE", code)
    return _quote_end(code)


def _quote_end(code: str) -> str:
    return _END_COLUMN.sub(r'\1"end"', code)


def _existing_row(sql: str, columns: TableColumns) -> str:
    """In an upsert's DO UPDATE, a bare column is the existing row's (as in SQLite); PostgreSQL calls it
    ambiguous with ``excluded``, so it is qualified with the table's name (assigned columns are not)."""
    m = _UPSERT.match(sql)
    if not m:
        return sql
    table = re.match(r"\s*INSERT\s+INTO\s+(\w+)", sql).group(1)  # type: ignore[union-attr]
    head, sets, where = m.group(1), m.group(2), m.group(3) or ""
    known = set(columns(table)[1])

    def qualify(part: str, keep_assigned: bool) -> str:
        return _BARE.sub(lambda w: w.group(0) if w.group(1) not in known
                         or (keep_assigned and w.group(2)) else f"{table}.{w.group(0)}", part)
    return head + _code_parts(sets, lambda c: qualify(c, True)) + _code_parts(where, lambda c: qualify(c, False))


def _closing(sql: str, start: int) -> int:
    """The index of the parenthesis closing the one at ``start``, string literals skipped."""
    depth, i, quoted = 0, start, False
    while i < len(sql):
        ch = sql[i]
        if ch == "'":
            quoted = not quoted
        elif not quoted:
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                return i
        i += 1
    return len(sql)


def _name_subqueries(sql: str, depth: int = 0) -> str:
    """PostgreSQL before 16 wants a name for every subquery in FROM; SQLite does not."""
    out, at, n = [], 0, 0
    for m in _FROM_SUBQUERY.finditer(sql):
        if m.start() < at:
            continue
        end = _closing(sql, m.end() - 1) + 1
        named = _ALIAS.match(sql, end)
        inner = _name_subqueries(sql[m.end():end - 1], depth + 1)
        out.append(sql[at:m.end()] + inner + ")" + ("" if named else f" AS subquery_{depth}_{n}"))
        at, n = end, n + 1
    return "".join(out) + sql[at:] if out else sql


def query(sql: str, columns: TableColumns) -> str:
    """A query or DML statement in PostgreSQL's dialect."""
    out = _existing_row(_code_parts(_name_subqueries(sql).replace("%", "%%"), _expressions), columns)
    m = _INSERT_OR.match(out)
    if not m:
        return out
    action, table, named = m.group(1).upper(), m.group(2), [c.strip().strip('"') for c in m.group(3).split(",")]
    out = _INSERT_OR_PREFIX.sub("INSERT INTO", out, count=1)
    if action == "IGNORE":
        return f"{out} ON CONFLICT DO NOTHING"
    key, every = columns(table)
    sets = [f'"{c}" = excluded."{c}"' if c in named else f'"{c}" = DEFAULT' for c in every if c not in key]
    target = ", ".join(f'"{c}"' for c in key)
    return f"{out} ON CONFLICT ({target}) DO UPDATE SET {', '.join(sets)}" if sets else \
        f"{out} ON CONFLICT ({target}) DO NOTHING"


_TYPES = [
    (re.compile(r"\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
]
_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\b", re.IGNORECASE)
_ADD_COLUMN = re.compile(r"^\s*ALTER\s+TABLE\s+\w+\s+ADD\s+(COLUMN\s+)?", re.IGNORECASE)
_CREATE_INDEX = re.compile(r"^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?\w+\s+ON\s+\w+\s*)\((.*)\)(.*)$",
                           re.IGNORECASE | re.DOTALL)
_SIMPLE_KEY = re.compile(r"^\s*\w+(\s+(ASC|DESC))?\s*$", re.IGNORECASE)
_ORDERED = re.compile(r"^(.*?)(\s+(?:ASC|DESC))?\s*$", re.IGNORECASE | re.DOTALL)
_SQLITE_ONLY = re.compile(r"^\s*(CREATE\s+VIRTUAL\s+TABLE|CREATE\s+TRIGGER|DROP\s+TRIGGER|PRAGMA)\b", re.IGNORECASE)
_VIRTUAL = re.compile(r"CREATE\s+VIRTUAL\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
_COMMENT = re.compile(r"--[^\n]*")


def virtual_tables(scripts: list[str]) -> set[str]:
    """The SQLite virtual tables (full-text indexes) the migrations create; PostgreSQL keeps its own."""
    return {m.group(1).lower() for s in scripts for m in _VIRTUAL.finditer(s)}


def _split_keys(keys: str) -> list[str]:
    """Index keys split on the commas outside parentheses."""
    out, depth, buf = [], 0, ""
    for ch in keys:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            out.append(buf)
            buf = ""
        else:
            buf += ch
    return [*out, buf]


def _index_key(key: str) -> str:
    if _SIMPLE_KEY.match(key):
        return key.strip()
    m = _ORDERED.match(key)
    assert m is not None
    return f"({m.group(1).strip()}){m.group(2) or ''}"


def statement(sql: str, virtual: set[str], columns: TableColumns) -> str | None:
    """A migration statement in PostgreSQL's dialect, or None for one only SQLite needs (its full-text
    tables and their triggers: PostgreSQL's text search is set up by the store's own migrations)."""
    code = _COMMENT.sub("", sql).strip().rstrip(";").rstrip()
    if _SQLITE_ONLY.match(code) or any(re.search(rf"\b{name}\b", code, re.IGNORECASE) for name in virtual):
        return None
    if _CREATE_TABLE.match(code) or _ADD_COLUMN.match(code):
        code = _code_parts(code, lambda c: _types(_quote_end(c)))
        if _CREATE_TABLE.match(code):
            return code[:-1].rstrip() + ",\n    rowid BIGINT GENERATED ALWAYS AS IDENTITY\n)"
        return code
    m = _CREATE_INDEX.match(code)
    if m:
        keys = ", ".join(_index_key(k) for k in _split_keys(m.group(2)))
        return f"{m.group(1)}({_code_parts(keys, _quote_end)}){m.group(3)}"
    return query(code, columns).replace("%%", "%")  # run without parameters


def _types(code: str) -> str:
    for pattern, replacement in _TYPES:
        code = pattern.sub(replacement, code)
    return code
