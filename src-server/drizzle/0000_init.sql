CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"device_seq" integer NOT NULL,
	"data" jsonb NOT NULL,
	"received_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"used_at" text,
	"used_by" text
);
--> statement-breakpoint
CREATE TABLE "field_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"value" jsonb,
	"hlc" text NOT NULL,
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"op_id" text NOT NULL,
	"device_id" text NOT NULL,
	"device_seq" bigint,
	"hlc" text NOT NULL,
	"clamped" boolean DEFAULT false NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"op" text NOT NULL,
	"fields" jsonb NOT NULL,
	"lost" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"message" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records" (
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"rank" smallint NOT NULL,
	"data" jsonb NOT NULL,
	"stamps" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"seq" bigint NOT NULL,
	"snils" text,
	"enp" text,
	"number" text,
	CONSTRAINT "records_entity_entity_id_pk" PRIMARY KEY("entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "review" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"op_id" text NOT NULL,
	"device_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"body" jsonb NOT NULL,
	"message" text NOT NULL,
	"waiting_for" text,
	"log_seq" bigint,
	"created_at" text NOT NULL,
	"resolved_at" text
);
--> statement-breakpoint
CREATE TABLE "workstations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"desk_number" text NOT NULL,
	"token_hash" text NOT NULL,
	"enrolled_at" text NOT NULL,
	"revoked_at" text,
	"last_seen_at" text,
	"acked_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_device_ix" ON "audit_events" USING btree ("device_id","device_seq");--> statement-breakpoint
CREATE INDEX "field_history_ix" ON "field_history" USING btree ("entity","entity_id","field");--> statement-breakpoint
CREATE UNIQUE INDEX "log_op_uq" ON "log" USING btree ("op_id");--> statement-breakpoint
CREATE INDEX "log_device_ix" ON "log" USING btree ("device_id","device_seq");--> statement-breakpoint
CREATE INDEX "records_snapshot_ix" ON "records" USING btree ("rank","entity","entity_id");--> statement-breakpoint
CREATE INDEX "records_snils_ix" ON "records" USING btree ("snils");--> statement-breakpoint
CREATE INDEX "records_enp_ix" ON "records" USING btree ("enp");--> statement-breakpoint
CREATE INDEX "records_number_ix" ON "records" USING btree ("entity","number");--> statement-breakpoint
CREATE INDEX "review_waiting_ix" ON "review" USING btree ("waiting_for");--> statement-breakpoint
CREATE INDEX "review_open_ix" ON "review" USING btree ("resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workstations_token_uq" ON "workstations" USING btree ("token_hash");