-- program_search is derived from programs (see programs.search-index.ts): emptied here, rebuilt at start.
TRUNCATE "program_search";--> statement-breakpoint
DROP INDEX "programs_description_trgm";--> statement-breakpoint
ALTER TABLE "program_search" ADD COLUMN "description_terms" "tsvector" NOT NULL;--> statement-breakpoint
ALTER TABLE "program_search" ADD COLUMN "area_no" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "program_search" ADD COLUMN "subcategory_no" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "program_search" ADD COLUMN "mode_no" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "program_search" ADD COLUMN "target_bits" integer NOT NULL;--> statement-breakpoint
CREATE INDEX "program_search_description_terms" ON "program_search" USING gin ("description_terms");--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "area";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "subcategory";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "target_groups";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "mode";