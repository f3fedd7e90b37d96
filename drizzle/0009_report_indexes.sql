CREATE INDEX `complaints_registered_ix` ON `complaints` (`registered_on`);--> statement-breakpoint
CREATE INDEX `extract_requests_registered_ix` ON `extract_requests` (`registered_on`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `issuances_printed_at_ix` ON `issuances` (`printed_at`,`printed_by`,`copies`);--> statement-breakpoint
CREATE INDEX `request_status_history_status_at_ix` ON `request_status_history` (`to_status`,`at`);