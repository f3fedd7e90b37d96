-- Trigram index over the folded ФИО (patients.search_text), kept in step by triggers.
CREATE VIRTUAL TABLE `patients_fts` USING fts5(`search_text`, content='patients', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `patients_fts_ai` AFTER INSERT ON `patients` BEGIN
  INSERT INTO `patients_fts`(rowid, `search_text`) VALUES (new.rowid, new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_ad` AFTER DELETE ON `patients` BEGIN
  INSERT INTO `patients_fts`(`patients_fts`, rowid, `search_text`) VALUES ('delete', old.rowid, old.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `patients_fts_au` AFTER UPDATE OF `search_text` ON `patients` BEGIN
  INSERT INTO `patients_fts`(`patients_fts`, rowid, `search_text`) VALUES ('delete', old.rowid, old.`search_text`);
  INSERT INTO `patients_fts`(rowid, `search_text`) VALUES (new.rowid, new.`search_text`);
END;
--> statement-breakpoint
-- Distinct surnames with their counts: a small table that the one-typo search scans instead of a million patients.
CREATE TABLE `patient_surnames` (`surname` text PRIMARY KEY NOT NULL, `len` integer NOT NULL, `n` integer NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `patient_surnames_len_ix` ON `patient_surnames` (`len`);
--> statement-breakpoint
CREATE TRIGGER `patient_surnames_ai` AFTER INSERT ON `patients` BEGIN
  INSERT INTO `patient_surnames`(`surname`, `len`, `n`)
    VALUES (substr(new.`search_text`, 1, instr(new.`search_text` || ' ', ' ') - 1), length(substr(new.`search_text`, 1, instr(new.`search_text` || ' ', ' ') - 1)), 1)
    ON CONFLICT(`surname`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `patient_surnames_au` AFTER UPDATE OF `search_text` ON `patients` BEGIN
  UPDATE `patient_surnames` SET `n` = `n` - 1 WHERE `surname` = substr(old.`search_text`, 1, instr(old.`search_text` || ' ', ' ') - 1);
  INSERT INTO `patient_surnames`(`surname`, `len`, `n`)
    VALUES (substr(new.`search_text`, 1, instr(new.`search_text` || ' ', ' ') - 1), length(substr(new.`search_text`, 1, instr(new.`search_text` || ' ', ' ') - 1)), 1)
    ON CONFLICT(`surname`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
-- Journals are insert-only: the application never edits them, and the store refuses to.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `issuances_no_update` BEFORE UPDATE ON `issuances` BEGIN SELECT RAISE(ABORT, 'issuances is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `issuances_no_delete` BEFORE DELETE ON `issuances` BEGIN SELECT RAISE(ABORT, 'issuances is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `request_status_history_no_change` BEFORE UPDATE ON `request_status_history` BEGIN SELECT RAISE(ABORT, 'request_status_history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `request_status_history_no_delete` BEFORE DELETE ON `request_status_history` BEGIN SELECT RAISE(ABORT, 'request_status_history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `patients_no_delete` BEFORE DELETE ON `patients` BEGIN SELECT RAISE(ABORT, 'patients are merged, never deleted'); END;
