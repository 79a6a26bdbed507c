-- 申诉与仲裁 (seed 000 §4.5): the package's 仲裁组 and the candidates' written appeals with their history.
-- Every table here is append-only (a trigger refuses UPDATE and DELETE): a new panel supersedes the previous one,
-- an appeal's state is the last of its events.

create function appeal_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;

-- 仲裁组: 1, 3 or 5 members; site_college is the college the site belongs to, as the staff entered it with the
-- panel, and no member's organisation may equal it (checked by AppealRules.panel).
create table arbitration_panel (
    id           bigserial primary key,
    package_id   text not null references exam_package,
    site_college text not null check (site_college <> ''),
    recorded_by  text not null check (recorded_by <> ''),
    recorded_at  timestamptz not null
);
create index arbitration_panel_package on arbitration_panel (package_id, id);

create table arbitration_member (
    panel_id     bigint not null references arbitration_panel,
    position     integer not null,
    name         text not null check (name <> ''),
    organisation text not null check (organisation <> ''),
    contact      text,
    primary key (panel_id, position)
);

-- A written appeal, signed by the candidate (the scanned page), recorded by the staff; due_at = recorded_at + 2 h.
create table appeal (
    id             bigserial primary key,
    package_id     text not null,
    ticket_number  text not null,
    room_code      text not null,
    text           text not null check (text <> ''),
    recorded_by    text not null check (recorded_by <> ''),
    signature      bytea not null check (octet_length(signature) between 1 and 5242880),
    signature_type text not null check (signature_type in ('image/jpeg', 'image/png')),
    recorded_at    timestamptz not null,
    due_at         timestamptz not null,
    foreign key (package_id, ticket_number) references candidate
);
create index appeal_package on appeal (package_id, room_code, id);

-- DECIDED (outcome, text, decided_by, agreed_at), SIGNED_FOR, ABSENT (= withdrawn), WITHDRAWN (reason).
create table appeal_event (
    id          bigserial primary key,
    appeal_id   bigint not null references appeal,
    kind        text not null check (kind in ('DECIDED', 'SIGNED_FOR', 'ABSENT', 'WITHDRAWN')),
    outcome     text check (outcome in ('MAINTAINED', 'SUPPORTED', 'PARTLY_SUPPORTED')),
    text        text,
    decided_by  text,
    agreed_at   timestamptz,
    reason      text,
    recorded_by text not null check (recorded_by <> ''),
    recorded_at timestamptz not null,
    check (kind <> 'DECIDED' or (outcome is not null and text is not null and decided_by is not null
                                 and agreed_at is not null)),
    check (kind <> 'WITHDRAWN' or reason is not null)
);
create index appeal_event_appeal on appeal_event (appeal_id, id);

create trigger arbitration_panel_append_only before update or delete on arbitration_panel
    for each row execute function appeal_append_only();
create trigger arbitration_member_append_only before update or delete on arbitration_member
    for each row execute function appeal_append_only();
create trigger appeal_append_only before update or delete on appeal
    for each row execute function appeal_append_only();
create trigger appeal_event_append_only before update or delete on appeal_event
    for each row execute function appeal_append_only();
