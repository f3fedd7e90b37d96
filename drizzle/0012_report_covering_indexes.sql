DROP INDEX `complaints_registered_ix`;--> statement-breakpoint
CREATE INDEX `complaints_registered_ix` ON `complaints` (`registered_on`,`status`,`kind`,`region_code`,`organisation_id`,`due_date`);--> statement-breakpoint
DROP INDEX `request_status_history_status_at_ix`;--> statement-breakpoint
CREATE INDEX `request_status_history_status_at_ix` ON `request_status_history` (`to_status`,`at`,`request_id`);--> statement-breakpoint
CREATE INDEX `extract_requests_report_ix` ON `extract_requests` (`id`,`status`,`registered_on`,`due_date`);