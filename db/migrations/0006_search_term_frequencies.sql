CREATE TABLE "program_search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "program_search_terms_prefix" ON "program_search_terms" USING btree ("term" text_pattern_ops);