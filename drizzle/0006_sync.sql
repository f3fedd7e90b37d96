CREATE TABLE `sync_credentials` (
	`user_id` text PRIMARY KEY NOT NULL,
	`digest` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_field_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text,
	`hlc` text NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`outcome` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_field_history_ix` ON `sync_field_history` (`entity`,`entity_id`,`field`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`device_id` text NOT NULL,
	`desk_number` text,
	`generation` text,
	`generation_start_seq` integer DEFAULT 0 NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`head_seq` integer DEFAULT 0 NOT NULL,
	`needs_snapshot` integer DEFAULT true NOT NULL,
	`snapshot_up_to` integer,
	`snapshot_after` text,
	`baseline_done` integer DEFAULT false NOT NULL,
	`audit_pushed_seq` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'idle' NOT NULL,
	`last_sync_at` text,
	`last_attempt_at` text,
	`last_error` text,
	`last_error_code` text,
	`warning` text,
	`clock_skew_ms` integer DEFAULT 0 NOT NULL,
	`clamped_changes` integer DEFAULT 0 NOT NULL,
	`enrolled_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text,
	`server_value` text,
	`proposed_value` text,
	`device_id` text,
	`related_id` text,
	`message` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_tasks_open_ix` ON `sync_tasks` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `sync_tombstones` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`seq` integer NOT NULL,
	`deleted_at` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`)
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `seen_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `ack_seq` integer;--> statement-breakpoint
CREATE INDEX `outbox_entity_ix` ON `outbox` (`entity`,`entity_id`);