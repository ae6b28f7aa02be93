-- A counter moved by every change of who belongs where (people, classes,
-- teachings, parent links), in the transaction that makes the change: a
-- process keeps the groups it expanded for as long as the counter it read
-- before them has not moved, whichever process or import changed the
-- directory. Logins (totp_last) and passwords do not move it.
CREATE TABLE directory_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 1);

CREATE TRIGGER users_directory_insert AFTER INSERT ON users
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER users_directory_update AFTER UPDATE OF username, display_name, role, academie_id, uai, class_code, email, read_only, must_reset, disabled ON users
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER users_directory_delete AFTER DELETE ON users
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER parent_links_directory_insert AFTER INSERT ON parent_links
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER parent_links_directory_update AFTER UPDATE ON parent_links
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER parent_links_directory_delete AFTER DELETE ON parent_links
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER teachings_directory_insert AFTER INSERT ON teachings
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER teachings_directory_update AFTER UPDATE ON teachings
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER teachings_directory_delete AFTER DELETE ON teachings
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER classes_directory_insert AFTER INSERT ON classes
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER classes_directory_update AFTER UPDATE ON classes
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER classes_directory_delete AFTER DELETE ON classes
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
