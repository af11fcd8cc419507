-- Drafts belong to the subject that uploaded them (the owner column, V4): only the owner and admins see them.
CREATE INDEX disclosure_draft_owner_idx ON disclosure (owner) WHERE visibility = 'DRAFT';

-- Cross-document anomalies to publish, written in the transaction that computed them and sent by the outbox relay
-- afterwards, so a failed send loses nothing (sent_at stays NULL until the broker has acknowledged the record).
CREATE TABLE anomaly_outbox (
    id          BIGSERIAL     PRIMARY KEY,
    document_id CHAR(64)      NOT NULL,
    ce_id       TEXT          NOT NULL,
    payload     JSONB         NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER       NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX anomaly_outbox_unsent_idx ON anomaly_outbox (id) WHERE sent_at IS NULL;
