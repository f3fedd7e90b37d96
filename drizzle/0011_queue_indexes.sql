DROP INDEX `complaints_status_due_ix`;--> statement-breakpoint
CREATE INDEX `complaints_queue_ix` ON `complaints` (`status`,`due_date`,`number`,`id`);--> statement-breakpoint
DROP INDEX `extract_requests_status_due_ix`;--> statement-breakpoint
CREATE INDEX `extract_requests_queue_ix` ON `extract_requests` (`status`,`due_date`,`number`,`id`);