-- SQLite's functions that the shared queries call, defined in PostgreSQL with SQLite's meaning, so a
-- query is written once for both stores (storyledger.store.postgres.dialect rewrites what is syntax).

-- instr(haystack, needle): 1-based position, 0 when absent.
CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT strpos($1, $2)';

-- json_group_array(x): the values as a JSON array (text), '[]' over no rows, as SQLite gives it.
CREATE OR REPLACE FUNCTION storyledger_json_array_text(anyarray) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT array_to_json($1)::text';
CREATE OR REPLACE AGGREGATE json_group_array(text) (
    SFUNC = array_append, STYPE = text[], INITCOND = '{}', FINALFUNC = storyledger_json_array_text
);
CREATE OR REPLACE AGGREGATE json_group_array(json) (
    SFUNC = array_append, STYPE = json[], INITCOND = '{}', FINALFUNC = storyledger_json_array_text
);

-- sum(condition): how many rows it holds for (SQLite's booleans are integers).
CREATE OR REPLACE FUNCTION storyledger_count_true(bigint, boolean) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT $1 + coalesce($2::int, 0)';
CREATE OR REPLACE AGGREGATE sum(boolean) (
    SFUNC = storyledger_count_true, STYPE = bigint, INITCOND = '0'
);

-- pragma_table_info(table): the table's columns in order, with the types SQLite would name; the
-- rowid and generated columns PostgreSQL adds are left out.
CREATE OR REPLACE FUNCTION pragma_table_info(text) RETURNS TABLE (cid integer, name text, type text)
    LANGUAGE sql STABLE AS $$
    SELECT (a.attnum - 1)::integer, a.attname::text,
           CASE format_type(a.atttypid, NULL) WHEN 'bigint' THEN 'INTEGER' WHEN 'integer' THEN 'INTEGER'
               WHEN 'double precision' THEN 'REAL' WHEN 'bytea' THEN 'BLOB' ELSE 'TEXT' END
    FROM pg_attribute a
    WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'rowid'
      AND a.attgenerated = ''
    ORDER BY a.attnum
$$;

-- json_extract(json, path): the value at a path of the forms '$', '$[0]', '$.key', '$.a[1].b', as text
-- (PostgreSQL is typed: a number compared with an integer column needs a cast where it is compared).
CREATE OR REPLACE FUNCTION json_extract(text, text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN $2 = '$' THEN $1 ELSE ($1::json) #>> string_to_array(
        ltrim(regexp_replace(substr($2, 2), '\[(\d+)\]', '.\1', 'g'), '.'), '.') END
$$;
