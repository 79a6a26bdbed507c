-- The exam-site server's own database. Every answer save is one committed transaction (synchronous_commit on).

create table site_setting (
    name  text primary key,
    value text not null
);

create table site_admin (
    username      text primary key,
    password_hash text not null,
    created_at    timestamptz not null
);

-- One imported exam package; opened_at is set once the release key or emergency code decrypted it.
create table exam_package (
    package_id      text primary key,
    plan_id         bigint not null,
    site_code       text not null,
    plan_subject_id bigint not null,
    slot_start      timestamptz not null,
    slot_end        timestamptz not null,
    file_name       text not null,
    imported_at     timestamptz not null,
    opened_at       timestamptz,
    opened_with     text check (opened_with in ('RELEASE_KEY', 'EMERGENCY_CODE'))
);

create table package_item (
    package_id text not null references exam_package,
    item_id    text not null,
    payload    bytea not null,
    primary key (package_id, item_id)
);

create table candidate (
    package_id        text not null references exam_package,
    ticket_number     text not null,
    name              text not null,
    masked_id_number  text not null,
    photo             bytea not null,
    status            text not null default 'NOT_SIGNED_IN'
                      check (status in ('NOT_SIGNED_IN', 'ANSWERING', 'SUBMITTED', 'ABSENT')),
    -- the built paper (PaperBuilder, seeded by package and ticket), as JSON
    paper             text not null,
    signed_in_at      timestamptz,
    submitted_at      timestamptz,
    objective_score   numeric(7, 2),
    receipt           text,
    version           integer not null default 0,
    primary key (package_id, ticket_number)
);

create index candidate_ticket on candidate (ticket_number);

-- The candidate's answer to one item, as display labels on their paper ("A,C", "T"); empty = no answer.
create table answer (
    package_id    text not null,
    ticket_number text not null,
    item_id       text not null,
    answer        text not null,
    saved_at      timestamptz not null,
    primary key (package_id, ticket_number, item_id),
    foreign key (package_id, ticket_number) references candidate
);

create table result_export (
    result_package_id text primary key,
    package_id        text not null references exam_package,
    sequence          bigint not null,
    file_name         text not null,
    chain_head        text not null,
    created_at        timestamptz not null,
    unique (package_id, sequence)
);
