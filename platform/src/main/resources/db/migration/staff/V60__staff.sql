-- Staff (考务人员信息库, 002 art.17), exam committees (考核委员会, 000 §1.3) and responsibility letters
-- (考务工作人员责任书). Full ID numbers are stored; lists and exports mask them.
CREATE TABLE staff_member (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    college_id              BIGINT       NOT NULL REFERENCES organisation (id),
    name                    VARCHAR(30)  NOT NULL,
    gender                  VARCHAR(10)  NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    id_number               VARCHAR(18)  NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
    phone                   VARCHAR(11)  NOT NULL CHECK (phone ~ '^1[0-9]{10}$'),
    department              VARCHAR(50)  NOT NULL,
    role                    VARCHAR(20)  NOT NULL
        CHECK (role IN ('SITE_HEAD', 'EXAM_MANAGER', 'TECHNICAL', 'LOGISTICS', 'INVIGILATOR', 'GRADER', 'OTHER')),
    training_status         VARCHAR(20)  NOT NULL CHECK (training_status IN ('UNTRAINED', 'TRAINED', 'CERTIFIED')),
    trained_on              DATE,
    training_certificate_no VARCHAR(40),
    experience_years        NUMERIC(4, 2) NOT NULL DEFAULT 0 CHECK (experience_years >= 0),
    majors                  TEXT         NOT NULL DEFAULT '',
    active                  BOOLEAN      NOT NULL DEFAULT TRUE,
    version                 INT          NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    CONSTRAINT staff_member_id_per_college UNIQUE (college_id, id_number)
);
CREATE INDEX staff_member_college ON staff_member (college_id, id);

-- Close relatives a staff member declared (000 ch.2: 有直系亲属参加考核的，工作人员应回避当次考核).
CREATE TABLE staff_relative (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id   BIGINT      NOT NULL REFERENCES staff_member (id) ON DELETE CASCADE,
    name       VARCHAR(30) NOT NULL,
    id_number  VARCHAR(18) NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
    relation   VARCHAR(10) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT staff_relative_once UNIQUE (staff_id, id_number)
);
CREATE INDEX staff_relative_id_number ON staff_relative (id_number);

-- One committee per exam site. Until the site module exists a site is identified by (college, certificate):
-- one site per college per certificate (DOMAIN.md §4). certificate_id is the site key and will be replaced by
-- a site id when the site module lands.
CREATE TABLE staff_committee (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    college_id     BIGINT      NOT NULL REFERENCES organisation (id),
    certificate_id BIGINT      NOT NULL REFERENCES catalog_certificate (id),
    version        INT         NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT staff_committee_per_site UNIQUE (college_id, certificate_id)
);

-- A member of one of the five groups: a person of the staff database, or an external person (patrol and
-- arbitration) with their organisation, possibly appointed by the ORG.
CREATE TABLE staff_committee_member (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id          BIGINT      NOT NULL REFERENCES staff_committee (id) ON DELETE CASCADE,
    group_code            VARCHAR(20) NOT NULL
        CHECK (group_code IN ('GRADING', 'AFFAIRS', 'TECHNICAL', 'PATROL', 'ARBITRATION')),
    leader                BOOLEAN     NOT NULL DEFAULT FALSE,
    staff_id              BIGINT REFERENCES staff_member (id),
    external_name         VARCHAR(30),
    external_organisation VARCHAR(60),
    external_years        NUMERIC(4, 2),
    org_appointed         BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT staff_committee_member_kind CHECK ((staff_id IS NULL) = (external_name IS NOT NULL))
);
CREATE UNIQUE INDEX staff_committee_one_leader ON staff_committee_member (committee_id, group_code) WHERE leader;
CREATE UNIQUE INDEX staff_committee_staff_once ON staff_committee_member (committee_id, group_code, staff_id)
    WHERE staff_id IS NOT NULL;

-- An exam for which responsibility letters are collected. Name and date are text until the plan module
-- exists; plan_id will then point at the exam plan.
CREATE TABLE staff_letter_exam (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    college_id BIGINT      NOT NULL REFERENCES organisation (id),
    name       VARCHAR(60) NOT NULL,
    exam_date  DATE        NOT NULL,
    plan_id    BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT staff_letter_exam_once UNIQUE (college_id, name, exam_date)
);

-- A signed letter: one per staff member and exam; uploading again replaces the scan.
CREATE TABLE staff_letter (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id    BIGINT      NOT NULL REFERENCES staff_letter_exam (id),
    staff_id   BIGINT      NOT NULL REFERENCES staff_member (id),
    signed_on  DATE        NOT NULL,
    file_id    UUID        NOT NULL REFERENCES stored_file (id),
    version    INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT staff_letter_once UNIQUE (exam_id, staff_id)
);
