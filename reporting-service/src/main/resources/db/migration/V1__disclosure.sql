-- One row per document (documentId = sha-256 of its bytes), filled by the three topics in whatever order
-- their events arrive. Status only moves forward: RECEIVED -> PARSED -> VALIDATED, or REJECTED.
CREATE TABLE disclosure (
    document_id      CHAR(64)      PRIMARY KEY,
    status           VARCHAR(16)   NOT NULL,
    visibility       VARCHAR(8)    NOT NULL DEFAULT 'PUBLIC',
    content_type     VARCHAR(128),
    source_uri       TEXT,
    filename         TEXT,
    size_bytes       BIGINT,
    received_at      TIMESTAMPTZ,
    kind             VARCHAR(16),
    scope            VARCHAR(16),
    fiscal_year      INTEGER,
    title            TEXT,
    department       TEXT,
    province         TEXT,
    district         TEXT,
    parser_version   VARCHAR(32),
    parsed_at        TIMESTAMPTZ,
    rejection_reasons TEXT,
    ruleset_version  VARCHAR(32),
    validated_at     TIMESTAMPTZ,
    error_count      INTEGER       NOT NULL DEFAULT 0,
    warning_count    INTEGER       NOT NULL DEFAULT 0,
    info_count       INTEGER       NOT NULL DEFAULT 0,
    completeness     NUMERIC(5, 4),
    findings         JSONB,
    updated_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX disclosure_status_idx ON disclosure (status);
CREATE INDEX disclosure_year_kind_idx ON disclosure (fiscal_year, kind);
