ALTER TABLE "people" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "text_reminders" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_phone_check" CHECK ("people"."phone" ~ '^010-[0-9]{4}-[0-9]{4}$');