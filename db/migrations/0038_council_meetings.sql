ALTER TABLE "committee_meetings" ADD COLUMN "agenda" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "starts_at" time(0);--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "published" boolean GENERATED ALWAYS AS (published_at IS NOT NULL) STORED;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "proposal_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "survey_years" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
CREATE INDEX "committee_meetings_proposal_ids_idx" ON "committee_meetings" USING gin ("proposal_ids");