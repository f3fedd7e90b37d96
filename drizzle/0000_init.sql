CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`workstation_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`patient_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_patient_ix` ON `audit_events` (`patient_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_at_ix` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `complaint_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`workstation_id` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_status_history_complaint_ix` ON `complaint_status_history` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`document_kind_code` text,
	`visit_date` text,
	`region_code` text,
	`organisation_id` text,
	`document_id` text,
	`discrepancy_field` text,
	`paper_value` text,
	`description` text NOT NULL,
	`contacts` text,
	`status` text NOT NULL,
	`status_epoch` integer DEFAULT 0 NOT NULL,
	`registered_on` text NOT NULL,
	`due_date` text NOT NULL,
	`resolution` text,
	`resolved_document_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_number_uq` ON `complaints` (`number`);--> statement-breakpoint
CREATE INDEX `complaints_patient_ix` ON `complaints` (`patient_id`);--> statement-breakpoint
CREATE INDEX `complaints_status_due_ix` ON `complaints` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`given_on` text NOT NULL,
	`withdrawn_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_patient_ix` ON `consents` (`patient_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`series`, `year`)
);
--> statement-breakpoint
CREATE TABLE `ref_document_kinds` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_role` text NOT NULL,
	`certificate_serial` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `medical_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_signatures_doc_ix` ON `document_signatures` (`document_id`);--> statement-breakpoint
CREATE TABLE `extract_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`patient_id` text NOT NULL,
	`applicant_kind` text NOT NULL,
	`representative_id` text,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`purpose` text NOT NULL,
	`delivery` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`status_epoch` integer DEFAULT 0 NOT NULL,
	`refusal_reason` text,
	`registered_on` text NOT NULL,
	`due_date` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `extract_requests_number_uq` ON `extract_requests` (`number`);--> statement-breakpoint
CREATE INDEX `extract_requests_patient_ix` ON `extract_requests` (`patient_id`);--> statement-breakpoint
CREATE INDEX `extract_requests_status_due_ix` ON `extract_requests` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `ref_icd10` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `issuances` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`request_id` text,
	`document_id` text,
	`what` text NOT NULL,
	`printed_at` text NOT NULL,
	`printed_by` text NOT NULL,
	`workstation_id` text NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_kind` text NOT NULL,
	`recipient_document` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`verification_code` text NOT NULL,
	`reprint` integer DEFAULT false NOT NULL,
	`signature_png` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issuances_patient_ix` ON `issuances` (`patient_id`);--> statement-breakpoint
CREATE TABLE `medical_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`kind_code` text NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`organisation_id` text NOT NULL,
	`author_name` text NOT NULL,
	`author_role` text NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`visit_id` text,
	`replaces_id` text,
	`source_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `medical_documents_patient_ix` ON `medical_documents` (`patient_id`,`date`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`ogrn` text NOT NULL,
	`inn` text,
	`address` text NOT NULL,
	`region_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`device_seq` integer PRIMARY KEY NOT NULL,
	`op_id` text NOT NULL,
	`device_id` text NOT NULL,
	`hlc` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`fields` text NOT NULL,
	`base_version` integer NOT NULL,
	`schema_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`pushed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_op_uq` ON `outbox` (`op_id`);--> statement-breakpoint
CREATE INDEX `outbox_pending_ix` ON `outbox` (`pushed_at`,`device_seq`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`snils` text,
	`enp` text,
	`insurer` text,
	`doc_kind` text,
	`doc_series` text,
	`doc_number` text,
	`address` text,
	`phone` text,
	`email` text,
	`attached_org_id` text,
	`paper_card` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `patients_snils_ix` ON `patients` (`snils`);--> statement-breakpoint
CREATE INDEX `patients_enp_ix` ON `patients` (`enp`);--> statement-breakpoint
CREATE INDEX `patients_doc_ix` ON `patients` (`doc_series`,`doc_number`);--> statement-breakpoint
CREATE INDEX `patients_birth_ix` ON `patients` (`birth_date`);--> statement-breakpoint
CREATE INDEX `patients_name_birth_ix` ON `patients` (`search_text`,`birth_date`);--> statement-breakpoint
CREATE TABLE `ref_regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`portal_data` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `representatives` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`full_name` text NOT NULL,
	`relation` text NOT NULL,
	`identity_document` text,
	`authority_document` text,
	`poa_number` text,
	`poa_date` text,
	`poa_valid_until` text,
	`poa_notarised` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `representatives_patient_ix` ON `representatives` (`patient_id`);--> statement-breakpoint
CREATE TABLE `request_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`epoch` integer NOT NULL,
	`reason` text,
	`note` text,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`workstation_id` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `extract_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_status_history_request_ix` ON `request_status_history` (`request_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ref_specialties` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_uq` ON `users` (`login`);--> statement-breakpoint
CREATE TABLE `visit_services` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_services_visit_ix` ON `visit_services` (`visit_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`date` text NOT NULL,
	`region_code` text NOT NULL,
	`organisation_id` text NOT NULL,
	`doctor_name` text NOT NULL,
	`specialty` text NOT NULL,
	`care_kind` text NOT NULL,
	`diagnosis_code` text NOT NULL,
	`diagnosis_text` text NOT NULL,
	`cost_kopecks` integer DEFAULT 0 NOT NULL,
	`prescriptions` text,
	`recommendations` text,
	`source_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_patient_date_ix` ON `visits` (`patient_id`,`date`);--> statement-breakpoint
CREATE TABLE `workstations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_this_desk` integer DEFAULT false NOT NULL,
	`enrolled_at` text NOT NULL,
	`revoked_at` text
);
