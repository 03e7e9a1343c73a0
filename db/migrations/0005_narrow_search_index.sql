-- The search index is derived data (programs.search-index.ts): emptied here, rebuilt at start, now split
-- into a narrow facet table and a text table.
TRUNCATE "program_search" CASCADE;--> statement-breakpoint
CREATE TABLE "program_search_text" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"search_text" text NOT NULL,
	"title_chosung" text NOT NULL,
	"grams" text[] GENERATED ALWAYS AS (search_grams(search_text) || search_grams(title_chosung)) STORED NOT NULL,
	"description_terms" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "program_search_text_trgm";--> statement-breakpoint
DROP INDEX "program_search_chosung_trgm";--> statement-breakpoint
DROP INDEX "program_search_grams";--> statement-breakpoint
DROP INDEX "program_search_description_terms";--> statement-breakpoint
ALTER TABLE "program_search_text" ADD CONSTRAINT "program_search_text_program_id_program_search_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program_search"("program_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_search_text_trgm" ON "program_search_text" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "program_search_chosung_trgm" ON "program_search_text" USING gin ("title_chosung" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "program_search_grams" ON "program_search_text" USING gin ("grams");--> statement-breakpoint
CREATE INDEX "program_search_description_terms" ON "program_search_text" USING gin ("description_terms");--> statement-breakpoint
CREATE INDEX "program_search_online" ON "program_search" USING btree ("program_id") WHERE "program_search"."mode_no" = 2;--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "grams";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "title_chosung";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "program_search" DROP COLUMN "description_terms";