-- Two costs that grew with the database (issue 15, measured on the local stack at 8,000 stored disclosures).
--
-- 1. A document's identity look-ups (its latest flag, its counterpart, its dependants) select by department key, year,
--    kind and scope. With one index per key, PostgreSQL ANDed the key's rows with every row of the year and kind
--    (disclosure_year_kind_idx read 500 index entries per look-up at 8,000 rows, and it grows with every document of
--    that year). Indexed together, a look-up reads only the rows of its identity. name_key and code_key stay the
--    leading columns, so the queries that select by the key alone use the same indexes.
CREATE INDEX disclosure_name_identity_idx ON disclosure (name_key, fiscal_year, kind, scope);
CREATE INDEX disclosure_code_identity_idx ON disclosure (code_key, fiscal_year, kind, scope);
DROP INDEX disclosure_name_key_idx;
DROP INDEX disclosure_code_key_idx;

-- 2. The outbox relay purges rows sent more than seven days ago. Without an index on sent_at each purge read the whole
--    table (sent rows are kept for seven days: 200,000 rows and 480 MB after 8,000 documents), and the relay purged
--    after every pass that emptied the queue, about once a second.
CREATE INDEX anomaly_outbox_sent_idx ON anomaly_outbox (sent_at) WHERE sent_at IS NOT NULL;
