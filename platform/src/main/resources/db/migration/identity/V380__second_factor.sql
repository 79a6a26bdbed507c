-- 两步验证 (TOTP, RFC 6238) for ORG, PROVINCE and ADMIN accounts, their one-time recovery codes, and failed logins
-- per client address for the per-IP login rate limit.
CREATE TABLE account_totp (
    account_id  BIGINT      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    -- SM4-GCM under the key file kaowu.identity.totp-key-file, the account id as associated data.
    secret_enc  BYTEA       NOT NULL,
    enrolled_at TIMESTAMPTZ NOT NULL,
    -- The 30-second step of the last accepted code: a code (step) is accepted only once, and never an older one.
    last_step   BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE account_recovery_code (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   CHAR(64)    NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX account_recovery_code_account ON account_recovery_code (account_id);

CREATE TABLE login_ip_failure (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remote_addr VARCHAR(64) NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_ip_failure_addr_time ON login_ip_failure (remote_addr, failed_at);
