-- The list's default order is received_at DESC NULLS LAST, document_id: an index in exactly that order lets
-- PostgreSQL read the first page instead of sorting every row (measured with 100,000 rows: see the README).
DROP INDEX IF EXISTS disclosure_received_idx;
CREATE INDEX disclosure_received_idx ON disclosure (received_at DESC NULLS LAST, document_id);
-- hasErrors=true in the same order
CREATE INDEX disclosure_with_errors_idx ON disclosure (received_at DESC NULLS LAST, document_id)
    WHERE error_count + cross_error_count > 0;
