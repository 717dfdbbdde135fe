-- The audit trail stays append-only, with one controlled exception: the retention job
-- (lib/audit/retention.ts) deletes rows it has just exported to a file, inside a transaction that
-- sets dispatcher_map.audit_purge_before (set_config(..., true): gone at commit). A DELETE passes
-- only for a row older than that instant, and only when the instant is itself at least 365 days
-- back: no setting, typo or caller can purge a row younger than a year. UPDATE and TRUNCATE stay
-- refused whoever asks.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  purge_before timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    purge_before := nullif(current_setting('dispatcher_map.audit_purge_before', true), '')::timestamptz;
    IF purge_before IS NOT NULL AND purge_before <= now() - interval '365 days' AND OLD.at < purge_before THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
