-- Complaint status history is a journal like the request one: insert-only.
CREATE TRIGGER `complaint_status_history_no_change` BEFORE UPDATE ON `complaint_status_history` BEGIN SELECT RAISE(ABORT, 'complaint_status_history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaint_status_history_no_delete` BEFORE DELETE ON `complaint_status_history` BEGIN SELECT RAISE(ABORT, 'complaint_status_history is append-only'); END;
