-- Candidates (考生, DOMAIN.md §6): imported once per person (ID type + number) and reused for every exam.
CREATE TABLE candidate (
    id               bigserial PRIMARY KEY,
    college_id       bigint       NOT NULL REFERENCES organisation (id),
    kind             varchar(10)  NOT NULL CHECK (kind IN ('COLLEGE', 'SOCIAL')),
    name             varchar(50)  NOT NULL,
    pinyin           varchar(100) NOT NULL,
    gender           varchar(6)   NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    id_type          varchar(20)  NOT NULL,
    id_number        varchar(30)  NOT NULL,
    phone            varchar(11)  NOT NULL,
    enrolment_year   int          NOT NULL,
    education_level  varchar(20)  NOT NULL,
    major_name       varchar(50)  NOT NULL,
    major_code       varchar(20)  NOT NULL,
    photo_file_id    uuid REFERENCES stored_file (id),
    state            varchar(24)  NOT NULL,
    state_note       varchar(200),
    -- Registrations of the candidate; kept by the enrollment module through CandidateManagement.
    registrations    int          NOT NULL DEFAULT 0 CHECK (registrations >= 0),
    import_job_id    uuid,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          int          NOT NULL DEFAULT 0,
    CONSTRAINT candidate_identity UNIQUE (id_type, id_number)
);

CREATE INDEX candidate_college ON candidate (college_id, kind, id);
CREATE INDEX candidate_id_number ON candidate (id_number);
