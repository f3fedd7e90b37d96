-- Documents the server stores and hands on unread are kept as the json text that came (see schema.ts).
ALTER TABLE "audit_events" ALTER COLUMN "data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "log" ALTER COLUMN "fields" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "log" ALTER COLUMN "lost" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "records" ALTER COLUMN "data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "records" ALTER COLUMN "stamps" SET DATA TYPE json;