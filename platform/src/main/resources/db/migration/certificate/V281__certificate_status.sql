-- 证书状态 (issue 8 part 5): the ORG owning the plan revokes (撤销, for good) or suspends (暂停) a numbered certificate
-- with a reason, and may lift a suspension. Rows of certificate_issue stay untouched (their guard refuses updates of
-- final rows): the history is this append-only table, and a certificate's status is its latest row (none: valid).
CREATE TABLE certificate_status_change (
    id         bigserial PRIMARY KEY,
    issue_id   bigint      NOT NULL REFERENCES certificate_issue (id),
    status     text        NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED')),
    reason     text        NOT NULL CHECK (length(btrim(reason)) > 0),
    changed_by bigint      NOT NULL REFERENCES account (id),
    changed_at timestamptz NOT NULL
);
CREATE INDEX certificate_status_change_issue ON certificate_status_change (issue_id, id);

CREATE TRIGGER certificate_status_change_append_only BEFORE UPDATE OR DELETE ON certificate_status_change
    FOR EACH ROW EXECUTE FUNCTION certificate_append_only();
