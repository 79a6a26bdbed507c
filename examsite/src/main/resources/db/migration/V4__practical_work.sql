-- A candidate's work file for a practical item (实操作品), uploaded during the sitting; a new upload replaces the
-- earlier one. Stored in the database like answers (one committed transaction, fsync on), and carried in the result
-- package as the candidate's uploads.
create table practical_work (
    package_id    text        not null,
    ticket_number text        not null,
    item_id       text        not null,
    file_name     text        not null,
    content       bytea       not null,
    size_bytes    bigint      not null,
    uploaded_at   timestamptz not null,
    primary key (package_id, ticket_number, item_id),
    foreign key (package_id, ticket_number) references candidate
);
