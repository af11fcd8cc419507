-- Contract v1.1: documents of several parts and their revisions, PDF page layout, and the original files kept to
-- show a finding on its page and to return the document annotated (size-capped; deleted with their draft).
ALTER TABLE disclosure
    ADD COLUMN revision            INTEGER NOT NULL DEFAULT 1,  -- newest revision received
    ADD COLUMN parsed_revision     INTEGER,                     -- revision the stored parse result is of
    ADD COLUMN validated_revision  INTEGER,                     -- revision the stored report is of
    ADD COLUMN parts               JSONB,                       -- the parsed event's parts (reading order)
    ADD COLUMN pages               JSONB,                       -- the parsed event's page layout (PDF)
    ADD COLUMN contents            JSONB,                       -- the 目录 entries
    ADD COLUMN partial             BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN template_family     VARCHAR(16),
    ADD COLUMN owner               TEXT;

-- One row per revision received: when, and which files.
CREATE TABLE disclosure_revision (
    document_id  CHAR(64)    NOT NULL REFERENCES disclosure (document_id) ON DELETE CASCADE,
    revision     INTEGER     NOT NULL,
    received_at  TIMESTAMPTZ,
    parts        JSONB       NOT NULL,   -- [{sha256, filename, contentType, size}]
    PRIMARY KEY (document_id, revision)
);

-- The original bytes of each file of a document (any revision), by content hash.
CREATE TABLE document_file (
    document_id   CHAR(64)    NOT NULL REFERENCES disclosure (document_id) ON DELETE CASCADE,
    sha256        CHAR(64)    NOT NULL,
    filename      TEXT,
    content_type  VARCHAR(128),
    size_bytes    BIGINT      NOT NULL,
    content       BYTEA       NOT NULL,
    PRIMARY KEY (document_id, sha256)
);
