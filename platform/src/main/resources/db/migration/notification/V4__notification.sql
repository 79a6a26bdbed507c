CREATE TABLE notification (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_org_id     BIGINT REFERENCES organisation (id),
    recipient_account_id BIGINT REFERENCES account (id) ON DELETE CASCADE,
    message_key          VARCHAR(100) NOT NULL,
    message_args         TEXT[]       NOT NULL DEFAULT '{}',
    link                 VARCHAR(300),
    created_at           TIMESTAMPTZ  NOT NULL,
    CHECK ((recipient_org_id IS NULL) <> (recipient_account_id IS NULL))
);
CREATE INDEX notification_org ON notification (recipient_org_id, created_at DESC);
CREATE INDEX notification_account ON notification (recipient_account_id, created_at DESC);

-- Read state per account: a notice to an organisation is read separately by each of its accounts.
CREATE TABLE notification_read (
    notification_id BIGINT      NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    account_id      BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    read_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notification_id, account_id)
);
