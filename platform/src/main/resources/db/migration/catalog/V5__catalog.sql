-- Catalogue (DOMAIN.md §2): certificates owned by ORGs, their levels (each with its own 16-digit certificate
-- code) and the subjects of each level (19-digit subject codes). Tables are prefixed catalog_ so that the
-- later issued-certificate module can own a table of its own name.
CREATE TABLE catalog_certificate (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    name            VARCHAR(50) NOT NULL,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    version         INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT catalog_certificate_name_per_org UNIQUE (organisation_id, name)
);

CREATE TABLE catalog_level (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id BIGINT      NOT NULL REFERENCES catalog_certificate (id),
    level          VARCHAR(20) NOT NULL CHECK (level IN ('JUNIOR', 'INTERMEDIATE', 'SENIOR')),
    code           VARCHAR(16) NOT NULL CHECK (code ~ '^15[0-9]{14}$'),
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    version        INT         NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT catalog_level_code_unique UNIQUE (code),
    CONSTRAINT catalog_level_one_per_kind UNIQUE (certificate_id, level)
);

CREATE TABLE catalog_subject (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    level_id   BIGINT      NOT NULL REFERENCES catalog_level (id),
    name       VARCHAR(30) NOT NULL,
    code       VARCHAR(19) NOT NULL CHECK (code ~ '^16[0-9]{17}$'),
    exam_mode  VARCHAR(30) NOT NULL
        CHECK (exam_mode IN ('COMPUTER', 'WRITTEN', 'PRACTICAL', 'COMPUTER_PRACTICAL', 'WRITTEN_PRACTICAL')),
    full_marks INT         NOT NULL DEFAULT 100 CHECK (full_marks = 100),
    pass_mark  INT         NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
    enabled    BOOLEAN     NOT NULL DEFAULT TRUE,
    version    INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT catalog_subject_code_unique UNIQUE (code),
    CONSTRAINT catalog_subject_name_per_level UNIQUE (level_id, name)
);
CREATE INDEX catalog_subject_level ON catalog_subject (level_id);
