-- Pilot applications (证书试点申报, DOMAIN.md §3): batches a province publishes, and the colleges'
-- applications in them with majors and attachments.
CREATE TABLE pilot_batch (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_id            BIGINT      NOT NULL REFERENCES organisation (id),
    province_name          VARCHAR(100) NOT NULL,
    name                   VARCHAR(50) NOT NULL,
    year                   INT         NOT NULL CHECK (year BETWEEN 2019 AND 2100),
    window_start           TIMESTAMPTZ NOT NULL,
    window_end             TIMESTAMPTZ NOT NULL,
    majors_required        BOOLEAN     NOT NULL,
    city_approval_required BOOLEAN     NOT NULL,
    status                 VARCHAR(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    published_at           TIMESTAMPTZ,
    version                INT         NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT pilot_batch_name_per_province UNIQUE (province_id, name),
    CONSTRAINT pilot_batch_window CHECK (window_end >= window_start)
);

CREATE TABLE pilot_application (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id             BIGINT       NOT NULL REFERENCES pilot_batch (id),
    college_id           BIGINT       NOT NULL REFERENCES organisation (id),
    province_id          BIGINT       NOT NULL REFERENCES organisation (id),
    city_id              BIGINT REFERENCES organisation (id),
    certificate_id       BIGINT       NOT NULL REFERENCES catalog_certificate (id),
    org_id               BIGINT       NOT NULL REFERENCES organisation (id),
    -- Names as they were when applying (the module reads other modules' data only through their API).
    college_name         VARCHAR(100) NOT NULL,
    certificate_name     VARCHAR(50)  NOT NULL,
    org_name             VARCHAR(100) NOT NULL,
    levels               VARCHAR(60)  NOT NULL,
    planned_trainees     INT          NOT NULL CHECK (planned_trainees > 0),
    teacher_description  TEXT         NOT NULL,
    facility_description TEXT         NOT NULL,
    status               VARCHAR(20)  NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'CITY_APPROVED', 'APPROVED', 'REJECTED')),
    approved_trainees    INT CHECK (approved_trainees > 0),
    reject_reason        VARCHAR(500),
    submitted_at         TIMESTAMPTZ,
    reviewed_at          TIMESTAMPTZ,
    version              INT          NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    CONSTRAINT pilot_application_once_per_batch UNIQUE (batch_id, college_id, certificate_id)
);
CREATE INDEX pilot_application_college ON pilot_application (college_id, status);
CREATE INDEX pilot_application_province ON pilot_application (province_id, status);

CREATE TABLE pilot_application_major (
    application_id BIGINT      NOT NULL REFERENCES pilot_application (id) ON DELETE CASCADE,
    position       INT         NOT NULL,
    name           VARCHAR(50) NOT NULL,
    code           VARCHAR(12) NOT NULL,
    PRIMARY KEY (application_id, position)
);

CREATE TABLE pilot_application_attachment (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT       NOT NULL REFERENCES pilot_application (id) ON DELETE CASCADE,
    file_id        UUID         NOT NULL REFERENCES stored_file (id),
    name           VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
