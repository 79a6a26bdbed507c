-- Share codes and Verifiable Credentials (issue 8 part 6).

-- A stable position of a final certificate in the platform's Bitstring Status Lists (one list per purpose:
-- revocation, suspension). Chosen at random when the certificate's first credential is exported (herd privacy: an
-- index says nothing about the certificate's age or college); never changed, never reused.
-- id orders the assignments: the status lists' cache key reads max(id) off the primary key instead of counting rows.
CREATE TABLE certificate_status_index (
    id           bigserial   PRIMARY KEY,
    issue_id     bigint      NOT NULL UNIQUE REFERENCES certificate_issue (id),
    status_index int         NOT NULL UNIQUE CHECK (status_index >= 0),
    assigned_at  timestamptz NOT NULL
);

-- Final certificates already numbered get theirs now, in random order.
INSERT INTO certificate_status_index (issue_id, status_index, assigned_at)
SELECT id, (row_number() OVER (ORDER BY random()) - 1)::int, now()
FROM certificate_issue WHERE status = 'FINAL' AND certificate_number IS NOT NULL ORDER BY id;

CREATE TRIGGER certificate_status_index_append_only BEFORE UPDATE OR DELETE ON certificate_status_index
    FOR EACH ROW EXECUTE FUNCTION certificate_append_only();

-- 分享码: a holder's expiring code for one certificate, stored as the SHA-256 of the code (the code itself is shown
-- once); the first four characters stay readable so the holder can tell codes apart.
CREATE TABLE certificate_share_code (
    id           bigserial   PRIMARY KEY,
    issue_id     bigint      NOT NULL REFERENCES certificate_issue (id),
    candidate_id bigint      NOT NULL REFERENCES candidate (id),
    code_hash    text        NOT NULL UNIQUE,
    code_hint    text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX certificate_share_code_candidate ON certificate_share_code (candidate_id, id);
