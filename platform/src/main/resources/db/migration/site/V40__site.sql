-- Exam sites (考核站点, DOMAIN.md §4): the qualification checklist per certificate, one site per college and
-- certificate from application to operation, its photos and the reviews with the ticked checklist.
CREATE TABLE site_checklist_item (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id BIGINT       NOT NULL REFERENCES catalog_certificate (id),
    category       VARCHAR(50)  NOT NULL,
    requirement    VARCHAR(1000) NOT NULL,
    source         VARCHAR(200),
    position       INT          NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX site_checklist_item_certificate ON site_checklist_item (certificate_id, position);

CREATE TABLE exam_site (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    college_id               BIGINT       NOT NULL REFERENCES organisation (id),
    province_id              BIGINT       NOT NULL REFERENCES organisation (id),
    city_id                  BIGINT REFERENCES organisation (id),
    certificate_id           BIGINT       NOT NULL REFERENCES catalog_certificate (id),
    org_id                   BIGINT       NOT NULL REFERENCES organisation (id),
    name                     VARCHAR(200) NOT NULL,
    -- Names as they were when applying (the module reads other modules' data only through their API).
    college_name             VARCHAR(100) NOT NULL,
    province_name            VARCHAR(100) NOT NULL,
    certificate_name         VARCHAR(50)  NOT NULL,
    org_name                 VARCHAR(100) NOT NULL,
    contact_name             VARCHAR(50)  NOT NULL,
    contact_phone            VARCHAR(20)  NOT NULL,
    room_count               INT          NOT NULL CHECK (room_count > 0),
    seat_count               INT          NOT NULL CHECK (seat_count > 0),
    description              VARCHAR(1000),
    application_form_file_id UUID REFERENCES stored_file (id),
    application_form_name    VARCHAR(200),
    status                   VARCHAR(20)  NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    return_reason            VARCHAR(500),
    submitted_at             TIMESTAMPTZ,
    reviewed_at              TIMESTAMPTZ,
    code                     VARCHAR(40),
    operating_status         VARCHAR(20) CHECK (operating_status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    approved_at              TIMESTAMPTZ,
    valid_until              DATE,
    certificate_file_id      UUID REFERENCES stored_file (id),
    version                  INT          NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    -- 004 ch.2 ②: one site per college and certificate, whatever its state.
    CONSTRAINT exam_site_one_per_certificate UNIQUE (college_id, certificate_id),
    CONSTRAINT exam_site_code_unique UNIQUE (code),
    CONSTRAINT exam_site_approved_has_code CHECK (status <> 'APPROVED' OR (code IS NOT NULL AND operating_status IS NOT NULL))
);
CREATE INDEX exam_site_org_queue ON exam_site (org_id, status, submitted_at);
CREATE INDEX exam_site_province ON exam_site (province_id, status);

CREATE TABLE exam_site_photo (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id    BIGINT       NOT NULL REFERENCES exam_site (id) ON DELETE CASCADE,
    file_id    UUID         NOT NULL REFERENCES stored_file (id),
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE exam_site_review (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       BIGINT       NOT NULL REFERENCES exam_site (id) ON DELETE CASCADE,
    decision      VARCHAR(20)  NOT NULL CHECK (decision IN ('APPROVED', 'RETURNED')),
    reason        VARCHAR(500),
    reviewer_id   BIGINT,
    reviewer_name VARCHAR(100) NOT NULL,
    reviewed_at   TIMESTAMPTZ  NOT NULL
);

-- The checklist as ticked at the review: texts copied, so later edits of the template do not rewrite history.
CREATE TABLE exam_site_review_item (
    review_id   BIGINT        NOT NULL REFERENCES exam_site_review (id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    category    VARCHAR(50)   NOT NULL,
    requirement VARCHAR(1000) NOT NULL,
    source      VARCHAR(200),
    met         BOOLEAN       NOT NULL,
    note        VARCHAR(200),
    PRIMARY KEY (review_id, position)
);
