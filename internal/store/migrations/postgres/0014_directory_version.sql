-- A counter moved by every change of who belongs where (people, classes,
-- teachings, parent links), in the transaction that makes the change: a
-- process keeps the groups it expanded for as long as the counter it read
-- before them has not moved, whichever process or import changed the
-- directory. Logins (totp_last) and passwords do not move it. Once per
-- statement, not per row: an import of many rows moves it once per chunk.
CREATE TABLE directory_version (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 1);

CREATE FUNCTION directory_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_directory AFTER INSERT OR DELETE OR TRUNCATE
    OR UPDATE OF username, display_name, role, academie_id, uai, class_code, email, read_only, must_reset, disabled
    ON users FOR EACH STATEMENT EXECUTE FUNCTION directory_version_bump();
CREATE TRIGGER parent_links_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON parent_links FOR EACH STATEMENT EXECUTE FUNCTION directory_version_bump();
CREATE TRIGGER teachings_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON teachings FOR EACH STATEMENT EXECUTE FUNCTION directory_version_bump();
CREATE TRIGGER classes_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON classes FOR EACH STATEMENT EXECUTE FUNCTION directory_version_bump();
