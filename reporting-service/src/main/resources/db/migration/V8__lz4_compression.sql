-- Large values (a document's text, its parse result's JSON, its original file, findings' evidence, outbox payloads)
-- are compressed by PostgreSQL when stored. With the default method, pglz, compression was a fifth of PostgreSQL's CPU
-- on the bench (perf, issue 15). Where the server is built with lz4 (PostgreSQL 14 or later from Debian, Ubuntu,
-- RHEL, the official images, CloudNativePG, the managed services), these columns use lz4 from now on: on PostgreSQL 15
-- from Debian, 17-27 % less PostgreSQL CPU per document (6.4-6.7 against 8.0-8.8 ms) and about 10 % more disk and WAL (docs/operations.md,
-- "TOAST compression"). Values already stored keep their method and stay readable; a server without lz4 (the local
-- stack's embedded one) is left as it was. SET COMPRESSION changes only the catalog: no table is rewritten.
DO $$
DECLARE
    col record;
BEGIN
    IF current_setting('server_version_num')::int < 140000 OR NOT EXISTS (
            SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        RETURN;
    END IF;
    FOR col IN
        SELECT c.relname AS table_name, a.attname AS column_name
        FROM pg_attribute a
                 JOIN pg_class c ON c.oid = a.attrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
          AND c.relname IN ('disclosure', 'document_file', 'disclosure_revision', 'finding', 'anomaly_outbox')
          AND a.attnum > 0 AND NOT a.attisdropped
          AND a.atttypid IN ('text'::regtype, 'jsonb'::regtype, 'bytea'::regtype)
        LOOP
            EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET COMPRESSION lz4', col.table_name, col.column_name);
        END LOOP;
END
$$;
