ALTER TABLE "program_fingerprints" ADD COLUMN "instructor_key" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "program_fingerprints_instructor_key_index" ON "program_fingerprints" USING btree ("instructor_key");--> statement-breakpoint
-- Signatures are now of the title and body only (fact lines left out) and carry the instructor: every
-- fingerprint is recomputed by the next run or check.
DELETE FROM "program_fingerprints";
