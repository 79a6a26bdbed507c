-- Registration records (报考记录, DOMAIN.md §7): one row per candidate and plan subject, so a registration for a
-- level with theory and practice is two rows. The candidate, plan, site and subject are copied in: the seed
-- (004 ch.3 §3) keeps the plan's copy of a candidate unchanged by later edits, and lists, exports and printed
-- materials read one table. The status shown (未排考/待考试/考试中/已结束/缺考) is derived from the scheduling
-- columns, attendance and the subject's slot (starts_at/ends_at), which cannot change once registration opens.
--
-- No foreign keys to the other modules' tables: an import COPYs 100,000 records at once and six per-row foreign-key
-- checks made the COPY several times slower. The referenced rows cannot go away while records point at them:
-- a candidate with registrations cannot be deleted (candidate.registrations), a plan only while it is a draft
-- (no registrations), an approved site never (it is suspended or revoked instead).
CREATE TABLE registration_record (
    id                bigserial PRIMARY KEY,
    plan_id           bigint       NOT NULL,
    plan_name         varchar(100) NOT NULL,
    plan_year         int          NOT NULL,
    organisation_id   bigint       NOT NULL,
    organisation_name varchar(100) NOT NULL,
    certificate_id    bigint       NOT NULL,
    certificate_name  varchar(100) NOT NULL,
    level_id          bigint       NOT NULL,
    level             varchar(20)  NOT NULL,
    plan_subject_id   bigint       NOT NULL,
    subject_name      varchar(100) NOT NULL,
    subject_code      varchar(30)  NOT NULL,
    exam_mode         varchar(20)  NOT NULL,
    starts_at         timestamptz  NOT NULL,
    ends_at           timestamptz  NOT NULL,
    candidate_id      bigint       NOT NULL,
    candidate_kind    varchar(10)  NOT NULL CHECK (candidate_kind IN ('COLLEGE', 'SOCIAL')),
    name              varchar(50)  NOT NULL,
    pinyin            varchar(100) NOT NULL,
    gender            varchar(6)   NOT NULL,
    id_type           varchar(20)  NOT NULL,
    id_number         varchar(30)  NOT NULL,
    phone             varchar(11)  NOT NULL,
    major_name        varchar(50)  NOT NULL,
    major_code        varchar(20)  NOT NULL,
    -- The registering college (whose list the candidate is in) and its province, for scope checks.
    college_id        bigint       NOT NULL,
    college_name      varchar(100) NOT NULL,
    province_id       bigint       NOT NULL,
    -- The site the candidate sits at; another college's for 借考.
    site_id           bigint       NOT NULL,
    site_code         varchar(30)  NOT NULL,
    site_name         varchar(120) NOT NULL,
    site_college_id   bigint       NOT NULL,
    -- Filled by scheduling (排考).
    ticket_number     varchar(30),
    room_id           bigint,
    room_name         varchar(100),
    seat_number       int,
    scheduled_at      timestamptz,
    -- Filled on exam day: PRESENT or ABSENT (缺考).
    attendance        varchar(10) CHECK (attendance IN ('PRESENT', 'ABSENT')),
    import_job_id     uuid,
    created_at        timestamptz  NOT NULL,
    -- Leads with candidate_id: it also answers "which plans is this candidate registered for".
    CONSTRAINT registration_record_once UNIQUE (candidate_id, plan_id, plan_subject_id)
-- Scheduling later writes ticket, room and seat into every row: room left on each page keeps those updates HOT.
) WITH (fillfactor = 80);

CREATE INDEX registration_record_college ON registration_record (college_id, plan_id, id);
CREATE INDEX registration_record_site ON registration_record (site_id, plan_id);
