-- A person's civility as the directory gives it (issue 14): « M. » or
-- « Mme » (AAF personalTitle, « Mlle » read as « Mme »; the CSV's optional
-- civilite column), '' when unknown. Labels and agreement follow it
-- (« Mme Sophie Martin, professeure (4A, 4B) »); it is never guessed from
-- a first name. Erasure clears it.
ALTER TABLE users ADD COLUMN civility TEXT NOT NULL DEFAULT '' CHECK (civility IN ('', 'M.', 'Mme'));

-- A change of civility changes how people are labelled: it moves the
-- directory's counter like the other directory fields (0014).
DROP TRIGGER users_directory_update;
CREATE TRIGGER users_directory_update AFTER UPDATE OF username, display_name, role, academie_id, uai, class_code, email, read_only, must_reset, disabled, civility ON users
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
