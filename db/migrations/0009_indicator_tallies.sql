CREATE TABLE "indicator_members" (
	"city_code" text NOT NULL,
	"year" integer NOT NULL,
	"measure" text NOT NULL,
	"member_id" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "indicator_members_city_code_year_measure_member_id_pk" PRIMARY KEY("city_code","year","measure","member_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_tallies" (
	"city_code" text NOT NULL,
	"year" integer NOT NULL,
	"measure" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "indicator_tallies_city_code_year_measure_pk" PRIMARY KEY("city_code","year","measure")
);
