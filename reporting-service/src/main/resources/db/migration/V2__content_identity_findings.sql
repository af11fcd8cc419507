-- What the parsed event said (text, sections, facts, tables, summary), the disclosure's identity, the figures the
-- summaries add up, and one row per finding (the validation report's and the cross-document checks').
ALTER TABLE disclosure
    ADD COLUMN budget_unit_code  VARCHAR(64),
    ADD COLUMN publication_date  DATE,
    ADD COLUMN region            TEXT,
    -- identity: department key (printed budget-unit code when present, else normalised name), year, kind, scope
    ADD COLUMN department_key    TEXT,
    ADD COLUMN name_key          TEXT,
    ADD COLUMN code_key          TEXT,
    -- the newest public document of its identity (several may carry one: re-publications, other formats)
    ADD COLUMN latest            BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN text              TEXT,
    ADD COLUMN sections          JSONB,
    ADD COLUMN facts             JSONB,
    ADD COLUMN tables            JSONB,
    ADD COLUMN summary           JSONB,
    ADD COLUMN parse_warnings    JSONB,
    ADD COLUMN performance       JSONB,
    ADD COLUMN verdicts          JSONB,
    -- summary figures (万元, with the decimals as printed: unconstrained NUMERIC keeps the scale; NULL when not stated)
    ADD COLUMN expenditure_total        NUMERIC,
    ADD COLUMN income_total             NUMERIC,
    ADD COLUMN three_public_total       NUMERIC,
    ADD COLUMN three_public_overseas    NUMERIC,
    ADD COLUMN three_public_reception   NUMERIC,
    ADD COLUMN three_public_vehicle     NUMERIC,
    ADD COLUMN operating_expenses       NUMERIC,
    ADD COLUMN cross_error_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN cross_warning_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE finding (
    document_id         CHAR(64)      NOT NULL REFERENCES disclosure (document_id) ON DELETE CASCADE,
    source              VARCHAR(16)   NOT NULL,   -- VALIDATION (the report) or CROSS_DOCUMENT (this service)
    idx                 INTEGER       NOT NULL,   -- position in the report / in the cross-document list
    rule_id             VARCHAR(32)   NOT NULL,
    severity            VARCHAR(16)   NOT NULL,
    category            VARCHAR(32)   NOT NULL,
    message_zh          TEXT,
    message_en          TEXT,
    expected            JSONB,
    actual              NUMERIC,
    excess              NUMERIC,
    unit                VARCHAR(16),
    evidence            JSONB,
    related_document_id CHAR(64),
    PRIMARY KEY (document_id, source, idx)
);

CREATE INDEX finding_rule_idx ON finding (rule_id);
CREATE INDEX finding_severity_idx ON finding (severity, category);
CREATE INDEX finding_related_idx ON finding (related_document_id);

-- findings stored by V1 as one JSON array move to rows
INSERT INTO finding (document_id, source, idx, rule_id, severity, category, message_zh, message_en, expected,
                     actual, excess, unit, evidence)
SELECT d.document_id, 'VALIDATION', (f.ord - 1)::int, f.item ->> 'ruleId', f.item ->> 'severity',
       f.item ->> 'category', f.item ->> 'messageZh', f.item ->> 'messageEn', f.item -> 'expected',
       (f.item ->> 'actual')::numeric, (f.item ->> 'excess')::numeric, f.item ->> 'unit', f.item -> 'evidence'
FROM disclosure d, jsonb_array_elements(d.findings) WITH ORDINALITY AS f(item, ord)
WHERE d.findings IS NOT NULL AND jsonb_typeof(d.findings) = 'array';

ALTER TABLE disclosure DROP COLUMN findings;

UPDATE disclosure SET region = coalesce(district, province);

CREATE INDEX disclosure_department_key_idx ON disclosure (department_key);
CREATE INDEX disclosure_name_key_idx ON disclosure (name_key);
CREATE INDEX disclosure_code_key_idx ON disclosure (code_key);
CREATE INDEX disclosure_region_year_idx ON disclosure (region, fiscal_year);
CREATE INDEX disclosure_visible_latest_idx ON disclosure (visibility, latest, status);
CREATE INDEX disclosure_received_idx ON disclosure (received_at DESC, document_id);

-- Deleted drafts: events of a deleted draft still in flight (parsed, validated) must not bring it back.
CREATE TABLE deleted_draft (
    document_id CHAR(64)    PRIMARY KEY,
    deleted_at  TIMESTAMPTZ NOT NULL
);
