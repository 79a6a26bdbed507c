-- The audit trail is append-only for everyone (issue 10 part 6): besides the grants of afterMigrate.sql, which keep the
-- application's role from UPDATE, DELETE and TRUNCATE, these triggers refuse them even to the tables' owner. An
-- operator who must archive old entries disables them explicitly (docs/operations.md).
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
