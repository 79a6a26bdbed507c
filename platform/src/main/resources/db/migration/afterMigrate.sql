-- Runs after every migration (Flyway callback), as the owner of the tables. When the application connects as a role
-- of its own (${app_role}: the embedded database always; an external one when spring.datasource.username differs from
-- spring.flyway.user), that role may read and write every table except the audit trail, which it may only read and
-- append to (issue 10 part 6: the application's database role cannot UPDATE or DELETE audit rows).
DO $$
BEGIN
  IF '${app_role}' <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', '${app_role}');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${app_role}');
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', '${app_role}');
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM %I', '${app_role}');
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', '${app_role}');
  END IF;
END $$;
