-- Rooms (考场) and invigilators (监考人员) of a plan at a site (DOMAIN.md §8, 004 ch.3 §5–6).
CREATE TABLE room (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         BIGINT       NOT NULL REFERENCES exam_plan (id),
    site_id         BIGINT       NOT NULL REFERENCES exam_site (id),
    college_id      BIGINT       NOT NULL REFERENCES organisation (id),
    name            VARCHAR(50)  NOT NULL,
    address         VARCHAR(100) NOT NULL,
    detail_address  VARCHAR(200),
    -- 考位数: the candidates planned in the room, not its machine count.
    seats           INT          NOT NULL CHECK (seats BETWEEN 1 AND 200),
    import_job_id   UUID,
    version         INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT room_name_once UNIQUE (plan_id, site_id, name)
);
CREATE INDEX room_site ON room (site_id, plan_id);

-- The subjects a room serves, by catalogue subject: a plan has each catalogue subject once
-- (exam_plan_subject_once), and the plan's subject rows may be rewritten before registration opens.
CREATE TABLE room_subject (
    room_id     BIGINT NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    subject_id  BIGINT NOT NULL REFERENCES catalog_subject (id),
    PRIMARY KEY (room_id, subject_id)
);

CREATE TABLE room_invigilator (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id        BIGINT       NOT NULL REFERENCES exam_plan (id),
    site_id        BIGINT       NOT NULL REFERENCES exam_site (id),
    college_id     BIGINT       NOT NULL REFERENCES organisation (id),
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    staff_id       BIGINT       NOT NULL REFERENCES staff_member (id),
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED')),
    return_reason  VARCHAR(200),
    submitted_at   TIMESTAMPTZ  NOT NULL,
    -- 2 working days after submission (calendar module), kept with the row.
    review_due     TIMESTAMPTZ  NOT NULL,
    reviewed_at    TIMESTAMPTZ,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT room_invigilator_once UNIQUE (plan_id, site_id, staff_id)
);
CREATE INDEX room_invigilator_review ON room_invigilator (organisation_id, status, review_due);
