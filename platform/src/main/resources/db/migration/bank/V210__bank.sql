-- Question bank (题库, issue 6 part 1): items per certificate level and subject, their versions and blueprints.
-- Type, knowledge area, difficulty and points stay in clear for filters and blueprint counts; what an item says
-- (stem, options, answer key, rubric, attachments) is only in bank_item_version.body as SM4-GCM ciphertext.
CREATE TABLE bank_item (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    level_id         BIGINT       NOT NULL REFERENCES catalog_level (id),
    subject_id       BIGINT       NOT NULL REFERENCES catalog_subject (id),
    type             VARCHAR(20)  NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'PRACTICAL')),
    knowledge_area   VARCHAR(50)  NOT NULL,
    difficulty       SMALLINT     NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    points           INT          NOT NULL CHECK (points BETWEEN 1 AND 100),
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    -- The current version; also the optimistic lock of an edit.
    current_version  INT          NOT NULL,
    import_job_id    UUID,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bank_item_subject ON bank_item (subject_id, status, type, knowledge_area, points);
CREATE INDEX bank_item_org ON bank_item (organisation_id, id);

-- Every version ever stored; packages will reference (item_id, version). Never updated or deleted.
CREATE TABLE bank_item_version (
    item_id         BIGINT       NOT NULL REFERENCES bank_item (id),
    version         INT          NOT NULL CHECK (version >= 1),
    type            VARCHAR(20)  NOT NULL,
    knowledge_area  VARCHAR(50)  NOT NULL,
    difficulty      SMALLINT     NOT NULL,
    points          INT          NOT NULL,
    -- nonce (12) || SM4-GCM ciphertext || tag (16) of the JSON body; associated data "kaowu-bank-item:<id>:<version>"
    body            BYTEA        NOT NULL,
    key_id          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE bank_blueprint (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    level_id         BIGINT       NOT NULL REFERENCES catalog_level (id),
    subject_id       BIGINT       NOT NULL REFERENCES catalog_subject (id) UNIQUE,
    version          INT          NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE bank_blueprint_line (
    blueprint_id    BIGINT       NOT NULL REFERENCES bank_blueprint (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    knowledge_area  VARCHAR(50)  NOT NULL,
    count           INT          NOT NULL CHECK (count BETWEEN 1 AND 200),
    points          INT          NOT NULL CHECK (points BETWEEN 1 AND 100),
    PRIMARY KEY (blueprint_id, position),
    UNIQUE (blueprint_id, type, knowledge_area, points)
);
