-- Practical grading (issue 7 part 1). Every practical task of a candidate's paper becomes a grading task when the
-- site's result package is accepted; graders (考评员) of the ORG mark it independently, criterion by criterion, under
-- an anonymous code. See docs/architecture.md, "Practical grading".

-- Which practical items each candidate's paper holds, as the package builder drew them (the platform cannot open a
-- package: its content key is wrapped for the site).
CREATE TABLE grading_paper_item (
    exam_package_id varchar(40) NOT NULL,
    ticket_number   varchar(30) NOT NULL,
    item_id         varchar(40) NOT NULL,
    position        int         NOT NULL,
    PRIMARY KEY (exam_package_id, ticket_number, item_id)
);

-- Per plan subject: the disagreement threshold (percent of an item's points) and the assigned graders.
CREATE TABLE grading_subject (
    plan_subject_id   bigint       PRIMARY KEY,
    plan_id           bigint       NOT NULL,
    threshold_percent numeric(5, 2) NOT NULL CHECK (threshold_percent >= 0 AND threshold_percent <= 100),
    updated_at        timestamptz  NOT NULL
);

CREATE TABLE grading_grader (
    plan_subject_id bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    assigned_at     timestamptz NOT NULL,
    PRIMARY KEY (plan_subject_id, account_id)
);
CREATE INDEX grading_grader_account ON grading_grader (account_id);

-- One candidate × practical item. code is the only name a grader ever sees.
CREATE TABLE grading_task (
    id              bigserial    PRIMARY KEY,
    code            char(8)      NOT NULL UNIQUE,
    plan_id         bigint       NOT NULL,
    plan_subject_id bigint       NOT NULL,
    exam_package_id varchar(40)  NOT NULL,
    ticket_number   varchar(30)  NOT NULL,
    item_id         varchar(40)  NOT NULL,
    item_points     int          NOT NULL,
    result_id       varchar(64)  NOT NULL,
    files_sm3       char(64),
    marks_needed    smallint     NOT NULL DEFAULT 2 CHECK (marks_needed IN (2, 3)),
    final_mark      numeric(6, 1),
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT grading_task_once UNIQUE (exam_package_id, ticket_number, item_id)
);
CREATE INDEX grading_task_open ON grading_task (plan_subject_id, id) WHERE final_mark IS NULL;

-- The candidate's files of the task, stored through the storage module under anonymous names.
CREATE TABLE grading_task_file (
    task_id bigint       NOT NULL REFERENCES grading_task (id),
    idx     int          NOT NULL,
    file_id uuid         NOT NULL,
    name    varchar(200) NOT NULL,
    size    bigint       NOT NULL,
    PRIMARY KEY (task_id, idx)
);

-- A grader holds a task for 30 minutes; expired claims are simply ignored.
CREATE TABLE grading_claim (
    task_id    bigint      NOT NULL REFERENCES grading_task (id),
    grader_id  bigint      NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, grader_id)
);

-- A submitted mark is never changed; the ORG may void it (reason kept), which re-opens the task.
CREATE TABLE grading_mark (
    id          bigserial     PRIMARY KEY,
    task_id     bigint        NOT NULL REFERENCES grading_task (id),
    grader_id   bigint        NOT NULL,
    total       numeric(6, 1) NOT NULL,
    scores      text          NOT NULL,
    comment     text,
    marked_at   timestamptz   NOT NULL,
    voided_at   timestamptz,
    voided_by   bigint,
    void_reason text
);
CREATE UNIQUE INDEX grading_mark_once ON grading_mark (task_id, grader_id) WHERE voided_at IS NULL;
CREATE INDEX grading_mark_task ON grading_mark (task_id);
CREATE INDEX grading_mark_grader ON grading_mark (grader_id);
