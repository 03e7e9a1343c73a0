-- Residents' ratings join the running totals (see 0010): how many, and the sum of the overall item, by the
-- year they were given; the satisfaction indicator is their mean, without scanning every rating.
CREATE FUNCTION tally_ratings(changed program_ratings[], sign int) RETURNS void LANGUAGE sql AS $$
  SELECT apply_tallies(ARRAY(
    SELECT ROW(r.city_code, extract(year FROM (r.created_at AT TIME ZONE 'Asia/Seoul'))::int, m.measure, sign * m.amount)::indicator_tallies
    FROM unnest(changed) r CROSS JOIN LATERAL (VALUES ('ratings', 1), ('rating_overall_sum', r.overall)) AS m(measure, amount)
  ));
$$;
--> statement-breakpoint
CREATE TRIGGER program_ratings_tally_insert AFTER INSERT ON program_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_ratings');
--> statement-breakpoint
CREATE TRIGGER program_ratings_tally_update AFTER UPDATE ON program_ratings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_ratings');
--> statement-breakpoint
CREATE TRIGGER program_ratings_tally_delete AFTER DELETE ON program_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_ratings');
--> statement-breakpoint
DO $$
DECLARE
  slice CONSTANT int := 50000;
  low int;
  high int;
BEGIN
  SELECT COALESCE(min(enrolment_id), 0), COALESCE(max(enrolment_id), -1) INTO low, high FROM program_ratings;
  WHILE low <= high LOOP
    PERFORM tally_ratings(ARRAY(SELECT r FROM program_ratings r WHERE r.enrolment_id >= low AND r.enrolment_id < low + slice), 1);
    low := low + slice;
  END LOOP;
END
$$;
