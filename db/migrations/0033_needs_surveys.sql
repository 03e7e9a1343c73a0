CREATE TABLE "survey_need_cells" (
	"survey_id" integer NOT NULL,
	"target_group" text NOT NULL,
	"dong_code" text,
	"respondents" integer NOT NULL,
	"paper" integer NOT NULL,
	CONSTRAINT "survey_need_cells_unique" UNIQUE NULLS NOT DISTINCT("survey_id","target_group","dong_code"),
	CONSTRAINT "survey_need_cells_target_group_check" CHECK ("survey_need_cells"."target_group" IN ('all', 'elderly', 'youth', 'children', 'women', 'parents', 'multicultural', 'disabled', 'workers', 'unemployed', 'low_income'))
);
--> statement-breakpoint
CREATE TABLE "survey_need_choices" (
	"survey_id" integer NOT NULL,
	"target_group" text NOT NULL,
	"dong_code" text,
	"question" text NOT NULL,
	"choice" text NOT NULL,
	"respondents" integer NOT NULL,
	CONSTRAINT "survey_need_choices_unique" UNIQUE NULLS NOT DISTINCT("survey_id","target_group","dong_code","question","choice"),
	CONSTRAINT "survey_need_choices_target_group_check" CHECK ("survey_need_choices"."target_group" IN ('all', 'elderly', 'youth', 'children', 'women', 'parents', 'multicultural', 'disabled', 'workers', 'unemployed', 'low_income'))
);
--> statement-breakpoint
CREATE TABLE "survey_need_totals" (
	"survey_id" integer NOT NULL,
	"target_group" text NOT NULL,
	"dong_code" text,
	"question" text NOT NULL,
	"answers" integer NOT NULL,
	"current_sum" bigint NOT NULL,
	"required_sum" bigint NOT NULL,
	CONSTRAINT "survey_need_totals_unique" UNIQUE NULLS NOT DISTINCT("survey_id","target_group","dong_code","question"),
	CONSTRAINT "survey_need_totals_target_group_check" CHECK ("survey_need_totals"."target_group" IN ('all', 'elderly', 'youth', 'children', 'women', 'parents', 'multicultural', 'disabled', 'workers', 'unemployed', 'low_income'))
);
--> statement-breakpoint
ALTER TABLE "surveys" DROP CONSTRAINT "surveys_purpose_check";--> statement-breakpoint
ALTER TABLE "survey_need_cells" ADD CONSTRAINT "survey_need_cells_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_cells" ADD CONSTRAINT "survey_need_cells_dong_code_dongs_code_fk" FOREIGN KEY ("dong_code") REFERENCES "public"."dongs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_choices" ADD CONSTRAINT "survey_need_choices_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_choices" ADD CONSTRAINT "survey_need_choices_dong_code_dongs_code_fk" FOREIGN KEY ("dong_code") REFERENCES "public"."dongs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_totals" ADD CONSTRAINT "survey_need_totals_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_need_totals" ADD CONSTRAINT "survey_need_totals_dong_code_dongs_code_fk" FOREIGN KEY ("dong_code") REFERENCES "public"."dongs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_purpose_check" CHECK ("surveys"."purpose" IN ('city_satisfaction', 'needs'));