-- Each surname with one letter taken out, at each place in its first third: the one-typo search finds a surname with
-- a letter changed or added there by looking up the query's own deletions, a handful of probes, where listing every
-- such variant of the query took some two hundred (typo-search.ts).
CREATE TABLE `patient_surname_deletions` (`deletion` text NOT NULL, `surname` text NOT NULL, PRIMARY KEY (`deletion`, `surname`)) WITHOUT ROWID;
--> statement-breakpoint
-- Surnames stay in patient_surnames once seen (their count may drop to 0), so a new surname is the only event.
CREATE TRIGGER `patient_surname_deletions_ai` AFTER INSERT ON `patient_surnames` BEGIN
  INSERT OR IGNORE INTO `patient_surname_deletions` (`deletion`, `surname`)
    SELECT substr(new.`surname`, 1, p.value) || substr(new.`surname`, p.value + 2), new.`surname`
    FROM json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39]') p WHERE p.value < (new.`len` + 2) / 3;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `patient_surname_deletions` (`deletion`, `surname`)
  SELECT substr(s.`surname`, 1, p.value) || substr(s.`surname`, p.value + 2), s.`surname`
  FROM `patient_surnames` s, json_each('[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39]') p WHERE p.value < (s.`len` + 2) / 3;
