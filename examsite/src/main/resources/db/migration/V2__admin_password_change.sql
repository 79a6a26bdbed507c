-- The printed first-start password is one-time: it must be replaced at the first login.
alter table site_admin add column must_change_password boolean not null default true;
