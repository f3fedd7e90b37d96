-- A log entry that went in exactly as its desk sent it: that desk pulls it back without its fields (schema.ts).
ALTER TABLE "log" ADD COLUMN "as_sent" boolean DEFAULT false NOT NULL;