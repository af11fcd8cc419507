-- One row per received document (documentId = sha-256 of its bytes). Status only moves forward:
-- RECEIVED -> PARSED -> VALIDATED, or REJECTED.
CREATE TABLE disclosure (
    document_id    CHAR(64)     PRIMARY KEY,
    status         VARCHAR(16)  NOT NULL,
    visibility     VARCHAR(8)   NOT NULL DEFAULT 'PUBLIC',
    content_type   VARCHAR(128),
    source_uri     TEXT,
    filename       TEXT,
    size_bytes     BIGINT       NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX disclosure_status_idx ON disclosure (status);
