ALTER TABLE "programs" ADD COLUMN "materials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "registration_mode" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "registration_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_registration_mode_check" CHECK ("programs"."registration_mode" IN ('online', 'visit', 'phone'));