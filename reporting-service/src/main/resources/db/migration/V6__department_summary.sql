-- The summaries grouped by department (GET /api/v1/summaries?groupBy=department), kept per department key, kind and
-- scope so that request reads one row per group instead of aggregating every counted disclosure (293 ms at 100,000
-- disclosures). A counted disclosure is public, the latest of its identity, and PARSED or VALIDATED: the condition
-- the summaries have always used (DepartmentSummaries.COUNTED). Each row holds exactly what the aggregate over its
-- group's counted disclosures returns (the same sum() and avg() expressions, so the same values and decimals).
--
-- Writers never update this table: a trigger on disclosure appends the department key of every counted row written,
-- changed or deleted to department_summary_stale (no lock shared with other writers, whatever path wrote the row:
-- the consumers, draft deletion, SQL). Readers recompute the stale departments (query/DepartmentSummaries, one at a
-- time under an advisory lock) and answer any department still marked stale from disclosure directly, in the same
-- statement, so an answer is always the aggregate of the rows its snapshot sees.
CREATE TABLE department_summary (
    department_key        TEXT,
    kind                  VARCHAR(16),
    scope                 VARCHAR(16),
    department_name       TEXT,       -- min(department): the name the group shows
    documents             BIGINT  NOT NULL,
    expenditure_total     NUMERIC,
    income_total          NUMERIC,
    three_public_total    NUMERIC,
    three_public_overseas NUMERIC,
    three_public_reception NUMERIC,
    three_public_vehicle  NUMERIC,
    operating_expenses    NUMERIC,
    errors                BIGINT,
    warnings              BIGINT,
    infos                 BIGINT,
    average_completeness  NUMERIC
);
CREATE INDEX department_summary_key_idx ON department_summary (department_key);

-- Departments whose summary rows may be out of date (NULL: the disclosures without a department key).
CREATE TABLE department_summary_stale (
    id             BIGSERIAL PRIMARY KEY,
    department_key TEXT
);

CREATE FUNCTION department_summary_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM department_summary;
        DELETE FROM department_summary_stale;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO department_summary_stale (department_key) VALUES (OLD.department_key);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.department_key IS DISTINCT FROM OLD.department_key) THEN
        INSERT INTO department_summary_stale (department_key) VALUES (NEW.department_key);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER disclosure_summary_insert AFTER INSERT ON disclosure FOR EACH ROW
    WHEN (NEW.visibility = 'PUBLIC' AND NEW.latest AND NEW.status IN ('PARSED', 'VALIDATED'))
    EXECUTE FUNCTION department_summary_mark_stale();

CREATE TRIGGER disclosure_summary_delete AFTER DELETE ON disclosure FOR EACH ROW
    WHEN (OLD.visibility = 'PUBLIC' AND OLD.latest AND OLD.status IN ('PARSED', 'VALIDATED'))
    EXECUTE FUNCTION department_summary_mark_stale();

-- Only changes of what a group counts or shows; figures compared as text, so 16.0 → 16.00 (another scale, which
-- the sum shows) counts as a change.
CREATE TRIGGER disclosure_summary_update AFTER UPDATE ON disclosure FOR EACH ROW
    WHEN ((OLD.visibility = 'PUBLIC' AND OLD.latest AND OLD.status IN ('PARSED', 'VALIDATED')
           OR NEW.visibility = 'PUBLIC' AND NEW.latest AND NEW.status IN ('PARSED', 'VALIDATED'))
          AND (OLD.visibility, OLD.latest, OLD.status, OLD.department_key, OLD.kind, OLD.scope, OLD.department,
               CAST(OLD.expenditure_total AS text), CAST(OLD.income_total AS text),
               CAST(OLD.three_public_total AS text), CAST(OLD.three_public_overseas AS text),
               CAST(OLD.three_public_reception AS text), CAST(OLD.three_public_vehicle AS text),
               CAST(OLD.operating_expenses AS text), OLD.error_count, OLD.cross_error_count, OLD.warning_count,
               OLD.cross_warning_count, OLD.info_count, CAST(OLD.completeness AS text))
              IS DISTINCT FROM
              (NEW.visibility, NEW.latest, NEW.status, NEW.department_key, NEW.kind, NEW.scope, NEW.department,
               CAST(NEW.expenditure_total AS text), CAST(NEW.income_total AS text),
               CAST(NEW.three_public_total AS text), CAST(NEW.three_public_overseas AS text),
               CAST(NEW.three_public_reception AS text), CAST(NEW.three_public_vehicle AS text),
               CAST(NEW.operating_expenses AS text), NEW.error_count, NEW.cross_error_count, NEW.warning_count,
               NEW.cross_warning_count, NEW.info_count, CAST(NEW.completeness AS text)))
    EXECUTE FUNCTION department_summary_mark_stale();

CREATE TRIGGER disclosure_summary_truncate AFTER TRUNCATE ON disclosure FOR EACH STATEMENT
    EXECUTE FUNCTION department_summary_mark_stale();

-- Disclosures stored before this migration: every department is stale, so the first summary by department
-- computes them all once.
INSERT INTO department_summary_stale (department_key)
SELECT DISTINCT department_key FROM disclosure
WHERE visibility = 'PUBLIC' AND latest AND status IN ('PARSED', 'VALIDATED');
