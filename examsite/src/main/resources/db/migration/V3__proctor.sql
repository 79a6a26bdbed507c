-- The proctor console (seed 004 ch.4 §4–5): rooms and seats, extensions, the 考场情况记录, early-leave consents and
-- the seal confirmation. The records are append-only: every action inserts a row, nothing is updated or deleted.

-- What the manifest says about the slot; and the key for the ORG's extension approval codes, derived from the
-- release key when the package is opened (ExtensionApproval.siteKey) — the release key itself is not kept.
alter table exam_package
    add column subject_name  text not null default '',
    add column subject_kind  text not null default 'THEORY' check (subject_kind in ('THEORY', 'PRACTICE')),
    add column extension_key bytea;

-- Room and seat of the published schedule; DISQUALIFIED = 取消考试资格 (the sitting ended by the proctor).
alter table candidate
    add column room_code   text not null default '',
    add column seat_number integer not null default 0;
alter table candidate drop constraint candidate_status_check;
alter table candidate add constraint candidate_status_check
    check (status in ('NOT_SIGNED_IN', 'ANSWERING', 'SUBMITTED', 'ABSENT', 'DISQUALIFIED'));
create index candidate_room on candidate (package_id, room_code, seat_number);

-- 延时: of one candidate, or (ticket_number null) of every candidate of the room. Up to 15 minutes in total the
-- chief examiner and the patrol decide (both names); beyond, the ORG's approval code for total_minutes.
create table extension (
    id             bigserial primary key,
    package_id     text not null references exam_package,
    room_code      text not null,
    ticket_number  text,
    minutes        integer not null check (minutes > 0),
    reason         text not null check (reason <> ''),
    chief_examiner text,
    patrol         text,
    approval_code  text,
    total_minutes  integer not null,
    recorded_at    timestamptz not null,
    foreign key (package_id, ticket_number) references candidate,
    check ((chief_examiner is not null and patrol is not null) or approval_code is not null)
);
create index extension_package on extension (package_id, room_code);

-- 考场情况记录表: a note, a warning or a disqualification, signed by the candidate or by the invigilators present.
create table incident (
    id               bigserial primary key,
    package_id       text not null references exam_package,
    room_code        text not null,
    ticket_number    text,
    kind             text not null check (kind in ('NOTE', 'WARNING', 'DISQUALIFICATION')),
    description      text not null check (description <> ''),
    candidate_signed boolean not null,
    invigilators     text not null,
    recorded_at      timestamptz not null,
    foreign key (package_id, ticket_number) references candidate,
    check (candidate_signed or invigilators <> '')
);
create index incident_package on incident (package_id, room_code);

-- 提前交卷: the chief examiner's consent for one candidate.
create table early_leave_consent (
    id             bigserial primary key,
    package_id     text not null,
    ticket_number  text not null,
    chief_examiner text not null check (chief_examiner <> ''),
    recorded_at    timestamptz not null,
    foreign key (package_id, ticket_number) references candidate
);

-- 考场封场确认单: the four checks and the two signatures, once per room.
create table room_seal (
    package_id            text not null references exam_package,
    room_code             text not null,
    trial_run             boolean not null,
    system_checked        boolean not null,
    power_and_monitoring  boolean not null,
    sign_in_sheet_matches boolean not null,
    system_administrator  text not null check (system_administrator <> ''),
    exam_staff            text not null check (exam_staff <> ''),
    recorded_at           timestamptz not null,
    primary key (package_id, room_code)
);

-- A candidate's extension in minutes: their own and their room's.
create view candidate_extension as
select c.package_id, c.ticket_number,
       coalesce((select sum(e.minutes) from extension e
                 where e.package_id = c.package_id
                   and (e.ticket_number = c.ticket_number
                        or (e.ticket_number is null and e.room_code = c.room_code))), 0)::integer as minutes
from candidate c;
