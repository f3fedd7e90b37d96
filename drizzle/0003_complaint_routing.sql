ALTER TABLE `complaints` ADD `route` text DEFAULT 'electronic' NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `addressee` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `sent_on_paper_at` text;