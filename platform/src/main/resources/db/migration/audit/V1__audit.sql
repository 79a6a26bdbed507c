CREATE TABLE audit_entry (
    seq             BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor_id        BIGINT,
    actor_name      VARCHAR(100) NOT NULL,
    action          VARCHAR(100) NOT NULL,
    entity_type     VARCHAR(60)  NOT NULL,
    entity_id       VARCHAR(100) NOT NULL,
    from_state      VARCHAR(60),
    to_state        VARCHAR(60),
    detail          TEXT,
    organisation_id BIGINT,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at);

-- The head of the chain: its row lock serialises appends, and it remembers the last entry so that
-- deleting entries from the end of the chain is detected too.
CREATE TABLE audit_chain_head (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head VALUES (1, 0, repeat('0', 64));
