CREATE TABLE "program_certificates" (
	"program_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"code" text,
	CONSTRAINT "program_certificates_program_id_position_pk" PRIMARY KEY("program_id","position"),
	CONSTRAINT "program_certificates_program_name_unique" UNIQUE("program_id","name"),
	CONSTRAINT "program_certificates_name_check" CHECK (length(btrim("program_certificates"."name")) BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "program_occupations" (
	"program_id" integer NOT NULL,
	"ksco_version" text NOT NULL,
	"code" text NOT NULL,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_occupations_program_id_ksco_version_code_pk" PRIMARY KEY("program_id","ksco_version","code"),
	CONSTRAINT "program_occupations_version_check" CHECK ("program_occupations"."ksco_version" IN ('ksco-7')),
	CONSTRAINT "program_occupations_code_check" CHECK ("program_occupations"."ksco_version" || ':' || "program_occupations"."code" IN ('ksco-7:1', 'ksco-7:2', 'ksco-7:3', 'ksco-7:4', 'ksco-7:5', 'ksco-7:6', 'ksco-7:7', 'ksco-7:8', 'ksco-7:9', 'ksco-7:A', 'ksco-7:11', 'ksco-7:12', 'ksco-7:13', 'ksco-7:14', 'ksco-7:15', 'ksco-7:21', 'ksco-7:22', 'ksco-7:23', 'ksco-7:24', 'ksco-7:25', 'ksco-7:26', 'ksco-7:27', 'ksco-7:28', 'ksco-7:31', 'ksco-7:32', 'ksco-7:33', 'ksco-7:39', 'ksco-7:41', 'ksco-7:42', 'ksco-7:43', 'ksco-7:44', 'ksco-7:51', 'ksco-7:52', 'ksco-7:53', 'ksco-7:61', 'ksco-7:62', 'ksco-7:63', 'ksco-7:71', 'ksco-7:72', 'ksco-7:73', 'ksco-7:74', 'ksco-7:75', 'ksco-7:76', 'ksco-7:77', 'ksco-7:78', 'ksco-7:79', 'ksco-7:81', 'ksco-7:82', 'ksco-7:83', 'ksco-7:84', 'ksco-7:85', 'ksco-7:86', 'ksco-7:87', 'ksco-7:88', 'ksco-7:89', 'ksco-7:91', 'ksco-7:92', 'ksco-7:93', 'ksco-7:94', 'ksco-7:95', 'ksco-7:99', 'ksco-7:A0'))
);
--> statement-breakpoint
ALTER TABLE "program_certificates" ADD CONSTRAINT "program_certificates_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_occupations" ADD CONSTRAINT "program_occupations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_occupations_ksco_version_code_index" ON "program_occupations" USING btree ("ksco_version","code");