ALTER TABLE `extract_requests` ADD `source_id` text;--> statement-breakpoint
CREATE INDEX `extract_requests_source_ix` ON `extract_requests` (`source_id`);--> statement-breakpoint
ALTER TABLE `patients` ADD `source_id` text;--> statement-breakpoint
CREATE INDEX `patients_source_ix` ON `patients` (`source_id`);--> statement-breakpoint
CREATE INDEX `medical_documents_source_ix` ON `medical_documents` (`source_id`);--> statement-breakpoint
CREATE INDEX `visits_source_ix` ON `visits` (`source_id`);