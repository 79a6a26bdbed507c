-- 成绩复查 (score review, 004 ch.3 §8 and 附件1): one request per candidate and plan, collected and submitted by the
-- college within 7 working days of publication start, answered by the ORG within 3 working days per subject.
CREATE TABLE score_review (
    id                bigserial PRIMARY KEY,
    plan_id           bigint      NOT NULL REFERENCES exam_plan (id),
    candidate_id      bigint      NOT NULL REFERENCES candidate (id),
    college_id        bigint      NOT NULL,
    college_name      text        NOT NULL,
    organisation_id   bigint      NOT NULL,
    name              text        NOT NULL,
    id_number_masked  text        NOT NULL,
    ticket_number     text,
    level_label       text        NOT NULL,
    statement         text        NOT NULL,
    contact_person    text        NOT NULL,
    contact_phone     text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ANSWERED')),
    created_at        timestamptz NOT NULL,
    created_by_name   text        NOT NULL,
    submitted_at      timestamptz,
    submitted_by_name text,
    answer_due        timestamptz,
    answered_at       timestamptz,
    answered_by_name  text,
    answered_late     boolean,
    CONSTRAINT score_review_one_per_candidate UNIQUE (plan_id, candidate_id),
    CONSTRAINT score_review_submitted CHECK (status = 'DRAFT' OR (submitted_at IS NOT NULL AND answer_due IS NOT NULL)),
    CONSTRAINT score_review_answered CHECK (status <> 'ANSWERED' OR (answered_at IS NOT NULL AND answered_late IS NOT NULL))
);
CREATE INDEX score_review_college ON score_review (college_id, plan_id);

CREATE TABLE score_review_subject (
    id                     bigserial PRIMARY KEY,
    review_id              bigint  NOT NULL REFERENCES score_review (id) ON DELETE CASCADE,
    registration_record_id bigint  NOT NULL REFERENCES registration_record (id),
    plan_subject_id        bigint  NOT NULL,
    subject_label          text    NOT NULL,
    reason                 text    NOT NULL CHECK (reason IN ('MISSING_SCORE', 'OBJECTIVE_ZERO_OR_ABSENT',
                                                               'MISSED_MARKING', 'ADDING_UP')),
    score_before           numeric(4, 1),
    absent_before          boolean NOT NULL,
    missing_before         boolean NOT NULL,
    result                 text CHECK (result IN ('UPHELD', 'CORRECTED')),
    score_after            numeric(4, 1),
    absent_after           boolean,
    explanation            text,
    CONSTRAINT score_review_subject_once UNIQUE (review_id, registration_record_id)
);
