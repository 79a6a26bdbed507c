CREATE TABLE account (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             VARCHAR(50)  NOT NULL UNIQUE,
    display_name         VARCHAR(50)  NOT NULL,
    password_hash        VARCHAR(100) NOT NULL,
    role                 VARCHAR(30)  NOT NULL,
    organisation_id      BIGINT REFERENCES organisation (id),
    email                VARCHAR(100),
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts      INT          NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    password_changed_at  TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ,
    version              INT          NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL,
    CHECK ((role = 'ADMIN') = (organisation_id IS NULL))
);
CREATE INDEX account_organisation ON account (organisation_id);
-- One principal (试点院校负责人) per college.
CREATE UNIQUE INDEX account_one_principal ON account (organisation_id) WHERE role = 'COLLEGE_PRINCIPAL';

CREATE TABLE login_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    success      BOOLEAN     NOT NULL,
    remote_addr  VARCHAR(64)
);
CREATE INDEX login_attempt_account_time ON login_attempt (account_id, attempted_at);

CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash   CHAR(64)    NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
