CREATE TABLE evaluation_round (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    certificate_id  BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    period          VARCHAR(20)  NOT NULL,
    deadline        TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    UNIQUE (certificate_id, period)
);

CREATE TABLE evaluation_submission (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id               BIGINT       NOT NULL REFERENCES evaluation_round (id) ON DELETE CASCADE,
    site_id                BIGINT       NOT NULL,
    site_code              VARCHAR(40)  NOT NULL,
    site_name              VARCHAR(200) NOT NULL,
    college_id             BIGINT       NOT NULL REFERENCES organisation (id),
    province_id            BIGINT,
    status                 VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED', 'RATED')),
    report_text            TEXT,
    plan_text              TEXT,
    report_file_id         UUID,
    plan_file_id           UUID,
    submitted_at           TIMESTAMPTZ,
    outcome                VARCHAR(20) CHECK (outcome IN ('PASS', 'WARNING', 'SUSPENSION', 'RECTIFICATION', 'REVOCATION')),
    rating_comment         TEXT,
    rectification_deadline DATE,
    rated_at               TIMESTAMPTZ,
    rated_by               BIGINT,
    version                INT          NOT NULL DEFAULT 0,
    UNIQUE (round_id, site_id)
);
CREATE INDEX evaluation_submission_college ON evaluation_submission (college_id);
CREATE INDEX evaluation_submission_site ON evaluation_submission (site_id);
