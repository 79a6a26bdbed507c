CREATE TABLE job (
    id              UUID         PRIMARY KEY,
    kind            VARCHAR(60)  NOT NULL,
    state           VARCHAR(20)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    organisation_id BIGINT,
    created_by      BIGINT,
    created_by_name VARCHAR(100) NOT NULL,
    creator_role    VARCHAR(30)  NOT NULL,
    province_id     BIGINT,
    city_id         BIGINT,
    params          TEXT         NOT NULL DEFAULT '',
    input_file_id   UUID,
    input_name      VARCHAR(200),
    total           INT          NOT NULL DEFAULT 0,
    processed       INT          NOT NULL DEFAULT 0,
    succeeded       INT          NOT NULL DEFAULT 0,
    failed          INT          NOT NULL DEFAULT 0,
    message         TEXT,
    result_file_id  UUID,
    report_file_id  UUID,
    created_at      TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    heartbeat_at    TIMESTAMPTZ
);
CREATE INDEX job_queue ON job (state, created_at) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX job_owner ON job (organisation_id, created_at DESC);
