-- Exam delivery (DOMAIN.md §10): the exam-site servers enrolled with the platform, and the encrypted packages they
-- fetch. Release keys are stored encrypted (SM4-GCM under the platform's release-key file), never in the clear.
CREATE TABLE site_link (
    site_id        bigint       PRIMARY KEY,
    site_code      varchar(40)  NOT NULL UNIQUE,
    public_key     text         NOT NULL,
    enrolled_at    timestamptz  NOT NULL
);

CREATE TABLE site_enrolment_token (
    site_id        bigint       PRIMARY KEY,
    token_hash     char(64)     NOT NULL,
    expires_at     timestamptz  NOT NULL,
    created_at     timestamptz  NOT NULL
);

CREATE TABLE exam_package (
    id              varchar(40)  PRIMARY KEY,
    plan_id         bigint       NOT NULL,
    site_id         bigint       NOT NULL,
    plan_subject_id bigint       NOT NULL,
    file_id         uuid         NOT NULL,
    size            bigint       NOT NULL,
    sm3             char(64)     NOT NULL,
    release_key     bytea        NOT NULL,
    candidates      int          NOT NULL,
    slot_start      timestamptz  NOT NULL,
    slot_end        timestamptz  NOT NULL,
    built_at        timestamptz  NOT NULL,
    CONSTRAINT exam_package_once UNIQUE (plan_id, site_id, plan_subject_id)
);

CREATE TABLE package_release (
    id          bigserial    PRIMARY KEY,
    package_id  varchar(40)  NOT NULL REFERENCES exam_package (id),
    via         varchar(20)  NOT NULL CHECK (via IN ('SITE', 'EMERGENCY_CODE')),
    released_at timestamptz  NOT NULL
);
