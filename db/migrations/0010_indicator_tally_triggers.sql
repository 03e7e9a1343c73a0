-- Running totals behind the indicators (indicator_tallies, indicator_members), kept by statement-level
-- triggers that see every row a statement inserted, changed or removed: what old rows contributed is taken
-- away, what new rows contribute is added. Computing indicators then reads these totals instead of scanning
-- millions of enrolments. The contribution functions below are the only definition of each measure; the
-- backfill at the end runs them over rows already present.

-- Adds signed amounts to the tallies.
CREATE FUNCTION apply_tallies(deltas indicator_tallies[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO indicator_tallies AS t (city_code, year, measure, n)
  SELECT city_code, year, measure, sum(n) FROM unnest(deltas) GROUP BY 1, 2, 3 HAVING sum(n) <> 0
  ON CONFLICT (city_code, year, measure) DO UPDATE SET n = t.n + excluded.n
$$;
--> statement-breakpoint
-- Adds signed counts to members; a distinct tally moves by one when a member's count crosses zero.
CREATE FUNCTION apply_members(deltas indicator_members[]) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT city_code, year, measure, member_id, sum(n)::int AS n FROM unnest(deltas) GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
  ), updated AS (
    INSERT INTO indicator_members AS m (city_code, year, measure, member_id, n) SELECT city_code, year, measure, member_id, n FROM d
    ON CONFLICT (city_code, year, measure, member_id) DO UPDATE SET n = m.n + excluded.n
    RETURNING m.city_code, m.year, m.measure, m.member_id, m.n
  ), crossings AS (
    SELECT u.city_code, u.year, u.measure,
      sum(CASE WHEN u.n > 0 AND u.n - d.n <= 0 THEN 1 WHEN u.n <= 0 AND u.n - d.n > 0 THEN -1 ELSE 0 END) AS n
    FROM updated u JOIN d USING (city_code, year, measure, member_id) GROUP BY 1, 2, 3
  )
  INSERT INTO indicator_tallies AS t (city_code, year, measure, n)
  SELECT city_code, year, measure, n FROM crossings WHERE n <> 0
  ON CONFLICT (city_code, year, measure) DO UPDATE SET n = t.n + excluded.n
$$;
--> statement-breakpoint
-- Enrolments: completions by the year they ended; learners (people holding a place) by the year they enrolled.
CREATE FUNCTION tally_enrolments(changed enrolments[], sign int) RETURNS void LANGUAGE sql AS $$
  SELECT apply_tallies(ARRAY(
    SELECT ROW(e.city_code, extract(year FROM (e.status_changed_at AT TIME ZONE 'Asia/Seoul'))::int, m.measure, sign)::indicator_tallies
    FROM unnest(changed) e CROSS JOIN LATERAL (VALUES ('finished'), ('completed')) AS m(measure)
    WHERE e.status IN ('completed', 'not_completed') AND (m.measure = 'finished' OR e.status = 'completed')
  ));
  SELECT apply_members(ARRAY(
    SELECT ROW(e.city_code, extract(year FROM (e.enrolled_at AT TIME ZONE 'Asia/Seoul'))::int, 'learners', e.person_id, sign)::indicator_members
    FROM unnest(changed) e WHERE e.status IN ('enrolled', 'completed', 'not_completed')
  ));
$$;
--> statement-breakpoint
-- Programs offered (published or closed) by the year they start: counts by purpose, places, institutions.
CREATE FUNCTION tally_programs(changed programs[], sign int) RETURNS void LANGUAGE sql AS $$
  SELECT apply_tallies(ARRAY(
    SELECT ROW(p.city_code, extract(year FROM p.starts_on)::int, m.measure, sign * m.amount)::indicator_tallies
    FROM unnest(changed) p CROSS JOIN LATERAL (VALUES
      ('programs', 1),
      ('seats', p.capacity),
      ('free_seats', CASE WHEN p.fee_krw = 0 THEN p.capacity ELSE 0 END),
      ('startup_programs', ('business_startup' = ANY(p.purpose_tags))::int),
      ('commercialisation_programs', ('commercialisation' = ANY(p.purpose_tags))::int),
      ('local_leader_programs', ('local_leader' = ANY(p.purpose_tags))::int),
      ('citizenship_programs', ('citizenship' = ANY(p.purpose_tags) OR p.area = 'citizenship')::int),
      ('underprivileged_programs', ('underprivileged' = ANY(p.purpose_tags) OR p.target_groups && ARRAY['disabled', 'low_income', 'multicultural']::text[])::int),
      ('belonging_programs', ('belonging' = ANY(p.purpose_tags))::int),
      ('certificate_programs', (p.subcategory = 'certification')::int)
    ) AS m(measure, amount)
    WHERE p.status IN ('published', 'closed') AND m.amount <> 0
  ));
  SELECT apply_members(ARRAY(
    SELECT ROW(p.city_code, extract(year FROM p.starts_on)::int, 'institutions', p.institution_id, sign)::indicator_members
    FROM unnest(changed) p WHERE p.status IN ('published', 'closed')
  ));
$$;
--> statement-breakpoint
-- Residents registered on the platform, by the year they joined.
CREATE FUNCTION tally_people(changed people[], sign int) RETURNS void LANGUAGE sql AS $$
  SELECT apply_tallies(ARRAY(
    SELECT ROW(p.home_city_code, extract(year FROM (p.created_at AT TIME ZONE 'Asia/Seoul'))::int, 'residents_joined', sign)::indicator_tallies
    FROM unnest(changed) p WHERE p.home_city_code IS NOT NULL
  ));
$$;
--> statement-breakpoint
CREATE FUNCTION tally_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT %I(ARRAY(SELECT r::%I FROM new_rows r), 1)', TG_ARGV[0], TG_TABLE_NAME);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT %I(ARRAY(SELECT r::%I FROM old_rows r), -1)', TG_ARGV[0], TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER enrolments_tally_insert AFTER INSERT ON enrolments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_enrolments');
--> statement-breakpoint
CREATE TRIGGER enrolments_tally_update AFTER UPDATE ON enrolments REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_enrolments');
--> statement-breakpoint
CREATE TRIGGER enrolments_tally_delete AFTER DELETE ON enrolments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_enrolments');
--> statement-breakpoint
CREATE TRIGGER programs_tally_insert AFTER INSERT ON programs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_programs');
--> statement-breakpoint
CREATE TRIGGER programs_tally_update AFTER UPDATE ON programs REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_programs');
--> statement-breakpoint
CREATE TRIGGER programs_tally_delete AFTER DELETE ON programs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_programs');
--> statement-breakpoint
CREATE TRIGGER people_tally_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_people');
--> statement-breakpoint
CREATE TRIGGER people_tally_update AFTER UPDATE ON people REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_people');
--> statement-breakpoint
CREATE TRIGGER people_tally_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_changes('tally_people');
--> statement-breakpoint
-- Rows already present, in slices so that no statement holds millions of rows at once.
DO $$
DECLARE
  slice CONSTANT int := 50000;
  low int;
  high int;
BEGIN
  SELECT COALESCE(min(id), 0), COALESCE(max(id), -1) INTO low, high FROM enrolments;
  WHILE low <= high LOOP
    PERFORM tally_enrolments(ARRAY(SELECT e FROM enrolments e WHERE e.id >= low AND e.id < low + slice), 1);
    low := low + slice;
  END LOOP;
  SELECT COALESCE(min(id), 0), COALESCE(max(id), -1) INTO low, high FROM programs;
  WHILE low <= high LOOP
    PERFORM tally_programs(ARRAY(SELECT p FROM programs p WHERE p.id >= low AND p.id < low + slice), 1);
    low := low + slice;
  END LOOP;
  SELECT COALESCE(min(id), 0), COALESCE(max(id), -1) INTO low, high FROM people;
  WHILE low <= high LOOP
    PERFORM tally_people(ARRAY(SELECT p FROM people p WHERE p.id >= low AND p.id < low + slice), 1);
    low := low + slice;
  END LOOP;
END
$$;
