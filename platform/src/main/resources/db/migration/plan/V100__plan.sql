-- Exam plans (考核计划, DOMAIN.md §5): four windows of an ORG's certificate and the subjects of the plan per
-- level with their exam slots. Window ends are the last minute of the window (inclusive), as entered.
CREATE TABLE exam_plan (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id        BIGINT       NOT NULL REFERENCES organisation (id),
    organisation_name      VARCHAR(100) NOT NULL,
    certificate_id         BIGINT       NOT NULL REFERENCES catalog_certificate (id),
    certificate_name       VARCHAR(50)  NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    year                   INT          NOT NULL CHECK (year BETWEEN 2019 AND 2100),
    registration_start     TIMESTAMPTZ  NOT NULL,
    registration_end       TIMESTAMPTZ  NOT NULL,
    scheduling_start       TIMESTAMPTZ  NOT NULL,
    scheduling_end         TIMESTAMPTZ  NOT NULL,
    score_start            TIMESTAMPTZ  NOT NULL,
    score_end              TIMESTAMPTZ  NOT NULL,
    publication_start      TIMESTAMPTZ  NOT NULL,
    publication_end        TIMESTAMPTZ  NOT NULL,
    status                 VARCHAR(20)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    published_at           TIMESTAMPTZ,
    version                INT          NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    CONSTRAINT exam_plan_name_per_org UNIQUE (organisation_id, name),
    CONSTRAINT exam_plan_windows_in_order CHECK (registration_start < registration_end
        AND registration_end < scheduling_start AND scheduling_start < scheduling_end
        AND scheduling_end < score_start AND score_start < score_end
        AND score_end < publication_start AND publication_start < publication_end)
);
CREATE INDEX exam_plan_certificate ON exam_plan (certificate_id);

CREATE TABLE exam_plan_subject (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id            BIGINT       NOT NULL REFERENCES exam_plan (id) ON DELETE CASCADE,
    level_id           BIGINT       NOT NULL REFERENCES catalog_level (id),
    subject_id         BIGINT       NOT NULL REFERENCES catalog_subject (id),
    -- Names as they were when the plan was set (read through the catalog API, kept with the plan).
    level              VARCHAR(20)  NOT NULL CHECK (level IN ('JUNIOR', 'INTERMEDIATE', 'SENIOR')),
    level_display_name VARCHAR(100) NOT NULL,
    subject_name       VARCHAR(30)  NOT NULL,
    code               VARCHAR(30)  NOT NULL,
    exam_mode          VARCHAR(30)  NOT NULL
        CHECK (exam_mode IN ('COMPUTER', 'WRITTEN', 'PRACTICAL', 'COMPUTER_PRACTICAL', 'WRITTEN_PRACTICAL')),
    pass_mark          INT          NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
    exam_date          DATE         NOT NULL,
    start_time         TIME         NOT NULL,
    end_time           TIME         NOT NULL CHECK (end_time > start_time),
    CONSTRAINT exam_plan_subject_once UNIQUE (plan_id, subject_id),
    CONSTRAINT exam_plan_subject_code UNIQUE (plan_id, code)
);
CREATE INDEX exam_plan_subject_plan ON exam_plan_subject (plan_id, level_id);
