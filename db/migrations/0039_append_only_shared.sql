-- One refusal for every append-only log and ledger: no UPDATE, DELETE or TRUNCATE, whoever asks (only the table's
-- owner can lift it, by disabling the triggers); a correction is a new row. A new log needs only its two triggers.
CREATE FUNCTION reject_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
-- The seven tables that each had a function of their own move to it.
DO $$
DECLARE
  guarded record;
BEGIN
  FOR guarded IN SELECT * FROM (VALUES
    ('designation_log', 'designation_log_is_append_only'), ('colleague_log', 'colleague_log_is_append_only'),
    ('agreement_log', 'agreement_log_is_append_only'), ('completion_decisions', 'completion_decisions_are_append_only'),
    ('proposal_log', 'proposal_log_is_append_only'), ('grant_ledger', 'grant_ledger_is_append_only'),
    ('voucher_ledger', 'voucher_ledger_is_append_only')) AS t(name, old_function)
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', guarded.name || '_no_change', guarded.name);
    EXECUTE format('DROP TRIGGER %I ON %I', guarded.name || '_no_truncate', guarded.name);
    EXECUTE format('DROP FUNCTION %I()', guarded.old_function);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION reject_change_to_append_only()',
      guarded.name || '_no_change', guarded.name);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION reject_change_to_append_only()',
      guarded.name || '_no_truncate', guarded.name);
  END LOOP;
END $$;
