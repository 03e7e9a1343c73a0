-- Marks a city's indicators stale whenever data they are computed from changes, whoever changes it
-- (the API, an import, the demo generator). One statement-level trigger per table and event: it sees all
-- the statement's rows at once (transition tables), so a COPY of thousands of rows costs one INSERT here.
-- The indicators module recomputes the marked cities (modules/indicators/indicators.worker.ts).
CREATE FUNCTION mark_indicators_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO indicator_stale (city_code) SELECT DISTINCT %1$I FROM new_rows WHERE %1$I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO indicator_stale (city_code) SELECT DISTINCT %1$I FROM old_rows WHERE %1$I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER programs_indicators_stale_insert AFTER INSERT ON programs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER programs_indicators_stale_update AFTER UPDATE ON programs REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER programs_indicators_stale_delete AFTER DELETE ON programs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER enrolments_indicators_stale_insert AFTER INSERT ON enrolments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER enrolments_indicators_stale_update AFTER UPDATE ON enrolments REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER enrolments_indicators_stale_delete AFTER DELETE ON enrolments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER program_ratings_indicators_stale_insert AFTER INSERT ON program_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER program_ratings_indicators_stale_update AFTER UPDATE ON program_ratings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER program_ratings_indicators_stale_delete AFTER DELETE ON program_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER study_groups_indicators_stale_insert AFTER INSERT ON study_groups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER study_groups_indicators_stale_update AFTER UPDATE ON study_groups REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER study_groups_indicators_stale_delete AFTER DELETE ON study_groups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER volunteers_indicators_stale_insert AFTER INSERT ON volunteers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER volunteers_indicators_stale_update AFTER UPDATE ON volunteers REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER volunteers_indicators_stale_delete AFTER DELETE ON volunteers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER learning_events_indicators_stale_insert AFTER INSERT ON learning_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER learning_events_indicators_stale_update AFTER UPDATE ON learning_events REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER learning_events_indicators_stale_delete AFTER DELETE ON learning_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER city_years_indicators_stale_insert AFTER INSERT ON city_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER city_years_indicators_stale_update AFTER UPDATE ON city_years REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER city_years_indicators_stale_delete AFTER DELETE ON city_years REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER committee_meetings_indicators_stale_insert AFTER INSERT ON committee_meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER committee_meetings_indicators_stale_update AFTER UPDATE ON committee_meetings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER committee_meetings_indicators_stale_delete AFTER DELETE ON committee_meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER ordinances_indicators_stale_insert AFTER INSERT ON ordinances REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER ordinances_indicators_stale_update AFTER UPDATE ON ordinances REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER ordinances_indicators_stale_delete AFTER DELETE ON ordinances REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER staff_trainings_indicators_stale_insert AFTER INSERT ON staff_trainings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER staff_trainings_indicators_stale_update AFTER UPDATE ON staff_trainings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER staff_trainings_indicators_stale_delete AFTER DELETE ON staff_trainings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('city_code');
--> statement-breakpoint
CREATE TRIGGER people_indicators_stale_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('home_city_code');
--> statement-breakpoint
CREATE TRIGGER people_indicators_stale_update AFTER UPDATE ON people REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('home_city_code');
--> statement-breakpoint
CREATE TRIGGER people_indicators_stale_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_indicators_stale('home_city_code');
