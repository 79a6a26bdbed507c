-- Scheduling (排考, DOMAIN.md §9). One run per plan and site: a draft until the ORG publishes the plan's schedule.
CREATE TABLE schedule_run (
    plan_id        bigint       NOT NULL,
    site_id        bigint       NOT NULL,
    site_number    int          NOT NULL,
    status         varchar(10)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    candidates     int          NOT NULL,
    records        int          NOT NULL,
    -- Warnings of the run (e.g. too few invigilators), one per line, in Chinese.
    warnings       text,
    run_at         timestamptz  NOT NULL,
    published_at   timestamptz,
    PRIMARY KEY (plan_id, site_id),
    CONSTRAINT schedule_run_site_number UNIQUE (plan_id, site_number)
);

-- The seat of each registration record (one per record and so per subject).
CREATE TABLE schedule_seat (
    record_id       bigint      PRIMARY KEY,
    plan_id         bigint      NOT NULL,
    site_id         bigint      NOT NULL,
    plan_subject_id bigint      NOT NULL,
    candidate_id    bigint      NOT NULL,
    room_id         bigint      NOT NULL,
    room_name       varchar(100) NOT NULL,
    seat_number     int         NOT NULL,
    ticket_number   varchar(16) NOT NULL,
    CONSTRAINT schedule_seat_once UNIQUE (plan_subject_id, room_id, seat_number),
    CONSTRAINT schedule_seat_ticket UNIQUE (ticket_number, plan_subject_id)
);

CREATE INDEX schedule_seat_site ON schedule_seat (plan_id, site_id);

-- Invigilators on duty per subject slot and room.
CREATE TABLE schedule_invigilation (
    plan_id         bigint       NOT NULL,
    site_id         bigint       NOT NULL,
    plan_subject_id bigint       NOT NULL,
    room_id         bigint       NOT NULL,
    staff_id        bigint       NOT NULL,
    staff_name      varchar(50)  NOT NULL,
    department      varchar(100) NOT NULL,
    PRIMARY KEY (plan_subject_id, room_id, staff_id)
);

CREATE INDEX schedule_invigilation_site ON schedule_invigilation (plan_id, site_id);
