"""SQLite's SQL said in PostgreSQL's dialect (storyledger.store.postgres.dialect): pure text, no server."""

from __future__ import annotations

from storyledger.store.postgres.dialect import query, statement, virtual_tables

COLUMNS = {
    "positions": (["document_id", "local_id", "actor_key"],
                  ["document_id", "local_id", "actor_key", "matter_id", "day", "mark", "previous_document_id"]),
    "link_counts": (["name"], ["name", "n"]),
}


def _columns(table: str) -> tuple[list[str], list[str]]:
    return COLUMNS[table]


def test_placeholders_and_percent_signs_outside_and_inside_literals() -> None:
    assert query("SELECT * FROM t WHERE a = ? AND b LIKE '~%' AND c = '?'", _columns) == \
        "SELECT * FROM t WHERE a = %s AND b ILIKE '~%%' AND c = '?'"


def test_insert_or_ignore_and_replace_become_upserts_that_reset_unnamed_columns() -> None:
    assert query("INSERT OR IGNORE INTO matters (id, label) VALUES (?, '')", _columns) == \
        "INSERT INTO matters (id, label) VALUES (%s, '') ON CONFLICT DO NOTHING"
    assert query("INSERT OR REPLACE INTO positions (document_id, local_id, actor_key, matter_id, day, mark)"
                 " VALUES (?, ?, ?, ?, ?, ?)", _columns) == (
        "INSERT INTO positions (document_id, local_id, actor_key, matter_id, day, mark) VALUES (%s, %s, %s, %s, %s, %s)"
        ' ON CONFLICT ("document_id", "local_id", "actor_key") DO UPDATE SET "matter_id" = excluded."matter_id",'
        ' "day" = excluded."day", "mark" = excluded."mark", "previous_document_id" = DEFAULT')


def test_a_bare_column_in_do_update_is_the_existing_rows() -> None:
    assert query("INSERT INTO link_counts (name, n) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1",
                 _columns) == ("INSERT INTO link_counts (name, n) VALUES (%s, 1) ON CONFLICT (name)"
                               " DO UPDATE SET n = link_counts.n + 1")


def test_json_each_joins_and_the_end_column() -> None:
    assert query("SELECT m.end FROM claims c JOIN documents d ON d.id = c.document_id, json_each(c.actor_local_ids) j"
                 " JOIN doc_entities de ON de.local_id = j.value WHERE c.id IN (SELECT value FROM json_each(?))"
                 " AND x = json_array(e.id, e.name)", _columns) == (
        "SELECT m.end FROM claims c JOIN documents d ON d.id = c.document_id CROSS JOIN json_array_elements_text"
        "((c.actor_local_ids)::json) WITH ORDINALITY AS j (value, key) JOIN doc_entities de ON de.local_id = j.value"
        " WHERE c.id IN (SELECT value FROM json_array_elements_text((%s)::json) WITH ORDINALITY AS json_each"
        " (value, key)) AND x = json_build_array(e.id, e.name)")
    assert query("INSERT INTO times (document_id, start, end, text) VALUES (?, ?, ?, ?)", _columns) == \
        'INSERT INTO times (document_id, start, "end", text) VALUES (%s, %s, %s, %s)'


def test_a_cross_join_with_a_condition_is_an_inner_join() -> None:
    assert query("SELECT p.day FROM (SELECT document_id FROM claims WHERE actor_text LIKE ?) hit CROSS JOIN"
                 " positions p ON p.document_id = hit.document_id", _columns) == (
        "SELECT p.day FROM (SELECT document_id FROM claims WHERE actor_text ILIKE %s) hit JOIN positions p"
        " ON p.document_id = hit.document_id")


def test_subqueries_in_from_are_named_at_every_depth() -> None:
    assert query("SELECT count(*) FROM (SELECT a FROM (SELECT 1 AS a) WHERE a = ')') ORDER BY 1", _columns) == \
        "SELECT count(*) FROM (SELECT a FROM (SELECT 1 AS a) AS subquery_1_0 WHERE a = ')') AS subquery_0_0 ORDER BY 1"
    assert query("SELECT * FROM (SELECT 1) AS s", _columns) == "SELECT * FROM (SELECT 1) AS s"


def test_ddl_types_rowid_and_index_expressions() -> None:
    assert statement("CREATE TABLE mentions (\n    text TEXT NOT NULL, -- the words\n    end INTEGER NOT NULL,\n"
                     "    weight REAL, signature BLOB\n);", set(), _columns) == (
        'CREATE TABLE mentions (\n    text TEXT COLLATE "C" NOT NULL, \n    "end" BIGINT NOT NULL,\n'
        "    weight DOUBLE PRECISION, signature BYTEA,\n    rowid BIGINT GENERATED ALWAYS AS IDENTITY\n)")
    assert statement("CREATE INDEX stories_latest ON stories (last IS NULL, last DESC, n_docs DESC, id);", set(),
                     _columns) == "CREATE INDEX stories_latest ON stories ((last IS NULL), last DESC, n_docs DESC, id)"
    assert statement("ALTER TABLE times ADD COLUMN kind TEXT;", set(), _columns) == \
        'ALTER TABLE times ADD COLUMN kind TEXT COLLATE "C"'


def test_sqlite_full_text_tables_and_triggers_are_left_to_postgresql() -> None:
    scripts = ["CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text);"]
    virtual = virtual_tables(scripts)
    assert virtual == {"documents_fts"}
    assert statement(scripts[0], virtual, _columns) is None
    assert statement("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');", virtual, _columns) is None
    assert statement("CREATE TRIGGER t AFTER INSERT ON documents BEGIN SELECT 1; END;", virtual, _columns) is None
    assert statement("UPDATE positions SET mark = 'changed' WHERE mark = 'x';", virtual, _columns) == \
        "UPDATE positions SET mark = 'changed' WHERE mark = 'x'"
