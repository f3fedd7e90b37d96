-- Records are filed under a СНИЛС, ЕНП or number only when they hold one: most (visits, documents) hold none.
DROP INDEX "records_snils_ix";--> statement-breakpoint
DROP INDEX "records_enp_ix";--> statement-breakpoint
DROP INDEX "records_number_ix";--> statement-breakpoint
CREATE INDEX "records_snils_ix" ON "records" USING btree ("snils") WHERE "records"."snils" is not null;--> statement-breakpoint
CREATE INDEX "records_enp_ix" ON "records" USING btree ("enp") WHERE "records"."enp" is not null;--> statement-breakpoint
CREATE INDEX "records_number_ix" ON "records" USING btree ("entity","number") WHERE "records"."number" is not null;