CREATE TABLE "completion_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "completion_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolment_id" integer NOT NULL,
	"program_id" integer NOT NULL,
	"city_code" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"reason" text NOT NULL,
	"certificate_id" uuid,
	CONSTRAINT "completion_decisions_status_before_check" CHECK ("completion_decisions"."status_before" IN ('enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed')),
	CONSTRAINT "completion_decisions_status_after_check" CHECK ("completion_decisions"."status_after" IN ('enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "completion_decisions" ADD CONSTRAINT "completion_decisions_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_decisions" ADD CONSTRAINT "completion_decisions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "completion_decisions_enrolment_id_occurred_at_index" ON "completion_decisions" USING btree ("enrolment_id","occurred_at");--> statement-breakpoint
-- The completion record is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (only its owner can lift this, by disabling the triggers).
CREATE FUNCTION completion_decisions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'completion_decisions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER completion_decisions_no_change BEFORE UPDATE OR DELETE ON "completion_decisions" FOR EACH ROW EXECUTE FUNCTION completion_decisions_are_append_only();--> statement-breakpoint
CREATE TRIGGER completion_decisions_no_truncate BEFORE TRUNCATE ON "completion_decisions" FOR EACH STATEMENT EXECUTE FUNCTION completion_decisions_are_append_only();
