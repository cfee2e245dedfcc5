-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.

CREATE FUNCTION fa_audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fa_audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER fa_audit_event_no_change
    BEFORE UPDATE OR DELETE ON fa_audit_event
    FOR EACH ROW EXECUTE FUNCTION fa_audit_event_append_only();

CREATE TRIGGER fa_audit_event_no_truncate
    BEFORE TRUNCATE ON fa_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION fa_audit_event_append_only();
