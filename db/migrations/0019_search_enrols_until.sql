ALTER TABLE "program_search" ADD COLUMN "enrols_until" date;--> statement-breakpoint
-- Rows indexed before the column existed: the same rule the index now writes.
UPDATE "program_search" s SET "enrols_until" = coalesce(p."enrolment_closes_on", p."starts_on") FROM "programs" p WHERE p."id" = s."program_id";
