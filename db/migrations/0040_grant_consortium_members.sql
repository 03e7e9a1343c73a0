CREATE TABLE "grant_consortium_members" (
	"grant_id" integer NOT NULL,
	"city_code" text NOT NULL,
	CONSTRAINT "grant_consortium_members_grant_id_city_code_pk" PRIMARY KEY("grant_id","city_code")
);
--> statement-breakpoint
ALTER TABLE "grant_consortium_members" ADD CONSTRAINT "grant_consortium_members_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_consortium_members" ADD CONSTRAINT "grant_consortium_members_city_code_municipalities_code_fk" FOREIGN KEY ("city_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_consortium_members_city_code_index" ON "grant_consortium_members" USING btree ("city_code");