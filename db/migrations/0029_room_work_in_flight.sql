ALTER TABLE "waiting_room_tickets" ADD COLUMN "work_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waiting_room_tickets" ADD COLUMN "work_done_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "waiting_room_tickets_in_flight_idx" ON "waiting_room_tickets" USING btree ("opening_id","work_started_at") WHERE "waiting_room_tickets"."work_done_at" IS NULL;--> statement-breakpoint
CREATE INDEX "waiting_room_tickets_done_idx" ON "waiting_room_tickets" USING btree ("opening_id","work_done_at");