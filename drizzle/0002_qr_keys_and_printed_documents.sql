CREATE TABLE `printed_documents` (
	`document_number` text PRIMARY KEY NOT NULL,
	`content_hash` text NOT NULL,
	`verification_code` text NOT NULL,
	`key_id` text NOT NULL,
	`title` text,
	`patient_id` text,
	`printed_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE TABLE `trusted_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`issuer_kind` text NOT NULL,
	`issuer_name` text NOT NULL,
	`public_key` text NOT NULL,
	`own` integer DEFAULT false NOT NULL,
	`added_at` text NOT NULL,
	`revoked_at` text
);
