package it.familyaudit.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * An upgrade of our tables from the previous release: Flyway builds the schema as that release left it
 * ({@link #PREVIOUS_RELEASE}), a certified organisation's rows go in as that release wrote them, then Flyway takes
 * the database to this release, as the application does at start-up. Every row and every column that was there is
 * unchanged, and the new columns and tables hold what the migrations promise. Run on H2 and on PostgreSQL.
 *
 * <p>When a release lands, move {@link #PREVIOUS_RELEASE} to its last migration and add rows for the tables the
 * migrations since then change.
 */
abstract class UpgradeFromPreviousReleaseScenario {

    /** The last migration of the previous release (commit 1d3d70f); V10 to V15 came after it. */
    static final String PREVIOUS_RELEASE = "9";

    /** An empty database. */
    abstract DataSource database();

    /** The folder of db/vendor for this database, as Spring Boot's {vendor} names it. */
    abstract String vendor();

    private Flyway flyway(String target) {
        // As spring.flyway in application.yml.
        return Flyway.configure().dataSource(database())
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
                .table("fa_schema_history").target(target).load();
    }

    @Test
    void thePreviousReleasesDataSurvivesTheMigrationToThisOne() throws Exception {
        MigrateResult previous = flyway(PREVIOUS_RELEASE).migrate();
        assertThat(previous.targetSchemaVersion).isEqualTo(PREVIOUS_RELEASE);
        JdbcClient db = JdbcClient.create(database());
        Written written = writeAsThePreviousReleaseDid(db);
        Map<String, List<Map<String, String>>> before = everyRow();

        MigrateResult upgrade = flyway("latest").migrate();

        assertThat(upgrade.migrations).extracting(m -> m.version).containsExactly("10", "11", "12", "13", "14", "15", "15.1");
        assertThat(flyway("latest").validateWithResult().validationSuccessful).isTrue();
        Map<String, List<Map<String, String>>> after = everyRow();
        before.forEach((table, rows) -> {
            assertThat(rows).as(table).isNotEmpty();
            Set<String> columns = rows.get(0).keySet();
            assertThat(after.get(table)).as(table).map(row -> only(row, columns)).isEqualTo(rows);
        });
        assertThat(after.keySet()).containsAll(before.keySet()).contains("fa_mail_outbox", "fa_mail_preference",
                "fa_mail_job", "fa_membership_version", "fa_questionnaire_ballot");
        // V14 (per database): the shared sessions' tables, empty.
        assertThat(db.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isZero();

        // V10: the fields have no money of their own; the indicators are measured every year their action runs.
        assertThat(db.sql("SELECT code, budget_amount, funding_line FROM fa_plan_field ORDER BY code")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3)).list())
                .containsExactly("1 null null", "2 null null");
        assertThat(db.sql("SELECT name, in_year1, in_year2, in_year3 FROM fa_plan_indicator ORDER BY action_code, position")
                .query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + rs.getBoolean(3) + rs.getBoolean(4)).list())
                .containsExactly("Dipendenti con orario flessibile falsefalsefalse", "Ore di formazione falsefalsefalse",
                        "Suggerimenti raccolti falsefalsefalse");
        // V11: nothing to send, and the two scheduled mail jobs never ran.
        assertThat(db.sql("SELECT COUNT(*) FROM fa_mail_outbox").query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT name FROM fa_mail_job WHERE last_run IS NULL ORDER BY name").query(String.class).list())
                .containsExactly("digests", "reminders");
        // V12: the memberships' version starts at 0.
        assertThat(db.sql("SELECT id, version FROM fa_membership_version")
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getLong(2)).list()).containsExactly("1/0");
        // V13: no ballots yet; they belong to a campaign that exists.
        assertThat(db.sql("SELECT COUNT(*) FROM fa_questionnaire_ballot").query(Long.class).single()).isZero();
        db.sql("INSERT INTO fa_questionnaire_ballot (campaign_id, ballot_hash) VALUES (:c, :h)")
                .param("c", written.campaign()).param("h", "ab".repeat(32)).update();
        assertThatThrownBy(() -> db.sql("INSERT INTO fa_questionnaire_ballot (campaign_id, ballot_hash) VALUES (-1, 'x')")
                .update()).isInstanceOf(DataIntegrityViolationException.class);

        // V15: each organisation's highest cycle is its latest, and only that one; those that opened a cycle say so.
        assertThat(db.sql("""
                SELECT o.code, c.cycle_no FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE c.latest = TRUE ORDER BY o.code""").query((rs, n) -> rs.getString(1) + " " + rs.getInt(2)).list())
                .containsExactly("capannori 1", "lucca 1", "massa 2");
        assertThat(db.sql("SELECT code FROM fa_organization WHERE has_cycle = FALSE").query(String.class).list())
                .containsExactly("viareggio");

        // The new rules hold on the old rows, and the old ones still do.
        assertThatThrownBy(() -> db.sql("UPDATE fa_plan_field SET budget_amount = -1 WHERE plan_version_id = :v")
                .param("v", written.plan()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(db.sql("UPDATE fa_plan_field SET budget_amount = 2500, funding_line = 'PNRR'"
                + " WHERE plan_version_id = :v AND code = '1'").param("v", written.plan()).update()).isEqualTo(1);
        assertThat(db.sql("UPDATE fa_plan_indicator SET in_year2 = TRUE WHERE plan_version_id = :v AND action_code = '1.1'")
                .param("v", written.plan()).update()).isEqualTo(2);
        assertThat(insert(db, "INSERT INTO fa_organization (code, name, kind, created_at) VALUES ('pisa', 'Comune di Pisa',"
                + " 'MUNICIPALITY', CURRENT_TIMESTAMP)", Map.of())).as("identities go on").isGreaterThan(written.organization());
        assertThatThrownBy(() -> db.sql("INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id,"
                + " phase, status, started_at, phase_since) VALUES (:o, 1, 'another', 'APPLICATION', 'ACTIVE',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param("o", written.organization()).update())
                .as("one certification per cycle").isInstanceOf(DuplicateKeyException.class);
    }

    /**
     * A row in every table of the previous release, as its application wrote them: Capannori certified in 2025 with
     * its first year of monitoring behind it, Lucca in its first cycle with the needs questionnaire open.
     */
    private Written writeAsThePreviousReleaseDid(JdbcClient db) {
        LocalDate certified = LocalDate.of(2025, 3, 12);
        Timestamp at = Timestamp.valueOf(certified.atTime(10, 30));
        Timestamp yearOne = Timestamp.valueOf(certified.plusYears(1).atTime(9, 0));
        long capannori = insert(db, """
                INSERT INTO fa_organization (code, name, kind, tax_code, created_at)
                VALUES ('capannori', 'Comune di Capannori', 'MUNICIPALITY', '00170780464', :at)""", Map.of("at", at));
        long certification = insert(db, """
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_by,
                    started_at, scope, employees_involved, referent_user_id, referent_name, fee_amount, amount_paid,
                    consultant_user_id, evaluator_user_id, kickoff_date, evaluation_deadline, kind, monitoring_start,
                    phase_since)
                VALUES (:org, 1, 'process-1', 'CERTIFIED', 'CERTIFIED', 'referent', :at, 'whole', 120, 'referent',
                    'Giulia Bianchi', 1000.00, 1000.00, 'consultant', 'evaluator', :kickoff, :deadline, 'CERTIFICATION',
                    :certified, :at)""", Map.of("org", capannori, "at", at, "kickoff", certified.minusMonths(5),
                "deadline", certified.plusMonths(1), "certified", certified));
        Map<String, Object> cert = Map.of("cert", certification, "at", at, "day", certified);
        insert(db, """
                INSERT INTO fa_certification_event (certification_id, kind, task_id, task_key, decision, summary, actor,
                    occurred_at)
                VALUES (:cert, 'TASK_COMPLETED', 'task-1', 'DecideCertificationTask', 'grant', 'Certificato concesso',
                    'council', :at)""", cert);
        insert(db, """
                INSERT INTO fa_audit_event (occurred_at, actor, action, certification_id, organization_code, subject, detail)
                VALUES (:at, 'council', 'CERTIFICATE_ISSUED', :cert, 'capannori', 'FA-2025-0001', 'Family Audit')""", cert);
        db.sql("""
                INSERT INTO fa_kickoff_workshop (certification_id, workshop_date, participants, objectives, fields_of_action,
                    working_group_profile, timetable, recorded_by, recorded_at)
                VALUES (:cert, :day, 'Segretario generale e dirigenti', 'Conciliare vita e lavoro', 'Orari, lavoro agile',
                    'Dodici persone rappresentative', 'Sei mesi', 'consultant', :at)""").params(cert).update();
        insert(db, """
                INSERT INTO fa_working_group_member (certification_id, seq_no, full_name, member_role, gender, age_band,
                    job_category, contract_type)
                VALUES (:cert, 1, 'Sara Neri', 'Membro', 'F', '30-39', 'istruttori', 'full-time-permanent')""", cert);
        db.sql("""
                INSERT INTO fa_needs_survey (certification_id, start_date, end_date, employees_invited, answers_count,
                    main_findings, recorded_by, recorded_at)
                VALUES (:cert, :day, :day, 120, 87, 'Orari più flessibili', 'referent', :at)""").params(cert).update();
        insert(db, """
                INSERT INTO fa_evaluation_report (certification_id, visit_date, findings, report_text, outcome,
                    evaluator_user_id, submitted_at)
                VALUES (:cert, :day, 'Requisiti soddisfatti', 'Rapporto di valutazione', 'positive', 'evaluator', :at)""",
                cert);
        insert(db, """
                INSERT INTO fa_council_decision (certification_id, decision, decision_date, motivation, decided_by, decided_at)
                VALUES (:cert, 'grant', :day, 'Piano adeguato', 'council', :at)""", cert);

        long plan = insert(db, """
                INSERT INTO fa_plan_version (certification_id, version_no, status, title, summary, actions_count,
                    submitted_by, submitted_at, decided_by, decided_at, signatory_name, created_by, created_at,
                    fields_mandatory)
                VALUES (:cert, 1, 'APPROVED', 'Piano Family Audit', 'Flessibilità e comunicazione', 2, 'wg', :at,
                    'management', :at, 'Marco Rossi', 'wg', :at, TRUE)""", cert);
        Map<String, Object> version = Map.of("v", plan);
        db.sql("""
                INSERT INTO fa_plan_field (plan_version_id, code, position, name)
                VALUES (:v, '1', 1, 'Organizzazione del lavoro'), (:v, '2', 2, 'Comunicazione')""")
                .params(version).update();
        db.sql("""
                INSERT INTO fa_plan_action (plan_version_id, code, field_code, position, title, owner, in_year1, in_year2,
                    in_year3, deadline, budget_amount, funding_line)
                VALUES (:v, '1.1', '1', 1, 'Ripensare la flessibilità', 'Ufficio personale', TRUE, TRUE, FALSE, :deadline,
                    1500.00, 'Bilancio, capitolo formazione'),
                       (:v, '2.1', '2', 2, 'La scatola dei suggerimenti', NULL, TRUE, FALSE, FALSE, NULL, NULL, NULL)""")
                .params(version).param("deadline", certified.plusYears(1)).update();
        db.sql("""
                INSERT INTO fa_plan_indicator (plan_version_id, action_code, position, name, unit, baseline, target_year1,
                    target_year2, target_year3)
                VALUES (:v, '1.1', 1, 'Dipendenti con orario flessibile', '%', 10, 20, 35, NULL),
                       (:v, '1.1', 2, 'Ore di formazione', 'h', NULL, 40, NULL, NULL),
                       (:v, '2.1', 1, 'Suggerimenti raccolti', NULL, NULL, 30, NULL, NULL)""").params(version).update();

        long certificate = insert(db, """
                INSERT INTO fa_certificate (certification_id, kind, number, issue_date, verification_code, status, issued_at)
                VALUES (:cert, 'FAMILY_AUDIT', 'FA-2025-0001', :day, 'ABCDEFGHJKLMNPQR', 'VALID', :at)""", cert);
        db.sql("INSERT INTO fa_certificate_counter (counter_year, last_value) VALUES (2025, 1)").update();

        // The first year of monitoring: late, corrective measures, then confirmed.
        db.sql("""
                INSERT INTO fa_certification_process (process_instance_id, certification_id, purpose)
                VALUES ('round-1', :cert, 'MONITORING_ROUND')""").params(cert).update();
        long round = insert(db, """
                INSERT INTO fa_monitoring_round (certification_id, round_no, process_instance_id, certificate_id, status,
                    opens_on, report_due, opened_at, plan_version_id, compiled_by, first_submitted_at, submitted_at,
                    report_on_time, approved_by, approved_at, actions_due, actions_done, done_share, late_unexplained_share,
                    recommendation, recommendation_reason, decision, decided_at, corrective_deadline, closed_at)
                VALUES (:cert, 1, 'round-1', :certificate, 'CONFIRMED', :opens, :due, :y1, :v, 'referent', :y1, :y1,
                    FALSE, 'management', :y1, 2, 1, 0.5000, 0.5000, 'CORRECTIVE', 'Metà delle azioni', 'confirm', :y1,
                    :corrective, :y1)""",
                Map.of("cert", certification, "certificate", certificate, "opens", certified.plusYears(1).minusDays(30),
                        "due", certified.plusYears(1), "y1", yearOne, "v", plan, "corrective", certified.plusYears(1)
                                .plusMonths(3)));
        Map<String, Object> inRound = Map.of("r", round, "y1", yearOne, "day", certified.plusYears(1));
        db.sql("""
                INSERT INTO fa_monitoring_action (round_id, action_code, position, title, field_code, plan_years, deadline,
                    budget_amount, carried_over, due, state, reason, new_deadline)
                VALUES (:r, '1.1', 1, 'Ripensare la flessibilità', '1', '1,2', :day, 1500.00, FALSE, TRUE, 'LATE',
                    'Accordo sindacale in ritardo', :day),
                       (:r, '2.1', 2, 'La scatola dei suggerimenti', '2', '1', NULL, NULL, FALSE, TRUE, 'DONE', NULL, NULL)""")
                .params(inRound).update();
        db.sql("""
                INSERT INTO fa_monitoring_indicator (round_id, action_code, indicator_no, name, unit, baseline, target, measured)
                VALUES (:r, '1.1', 1, 'Dipendenti con orario flessibile', '%', 10, 20, 14.50),
                       (:r, '2.1', 1, 'Suggerimenti raccolti', NULL, NULL, 30, 41)""").params(inRound).update();
        insert(db, """
                INSERT INTO fa_monitoring_review (round_id, decision, note, reviewed_by, reviewed_at)
                VALUES (:r, 'approve', NULL, 'management', :y1)""", inRound);
        insert(db, """
                INSERT INTO fa_monitoring_audit (round_id, audit_date, findings, recommendation, evaluator, submitted_at)
                VALUES (:r, :day, 'Rapporto completo', 'CORRECTIVE', 'evaluator', :y1)""", inRound);
        insert(db, """
                INSERT INTO fa_monitoring_recommendation (round_id, done_share, late_unexplained_share, report_on_time,
                    recommendation, reason, evaluated_at)
                VALUES (:r, 0.5000, 0.5000, FALSE, 'CORRECTIVE', 'Metà delle azioni', :y1)""", inRound);
        insert(db, """
                INSERT INTO fa_monitoring_decision (round_id, decision, decision_date, motivation, corrective_measures,
                    corrective_deadline, decided_by, decided_at)
                VALUES (:r, 'corrective', :day, 'Azione 1.1 in ritardo', 'Firmare l''accordo', :day, 'council', :y1)""",
                inRound);
        insert(db, """
                INSERT INTO fa_corrective_measure (round_id, measures_taken, completed_on, recorded_by, recorded_at)
                VALUES (:r, 'Accordo firmato', :day, 'referent', :y1)""", inRound);
        db.sql("""
                INSERT INTO fa_task_alert (task_id, kind, certification_id, task_key, task_name, candidate_group, due,
                    raised_at, handled_by, handled_at)
                VALUES ('task-7', 'ESCALATION', :cert, 'CompileMonitoringReportTask', 'Rapporto di monitoraggio',
                    'referent', :at, :at, 'agency', :at)""").params(cert).update();

        // The cycle-1 questionnaire, closed: its answers stay, its codes are gone.
        insert(db, """
                INSERT INTO fa_questionnaire_campaign (certification_id, public_token, opens_on, closes_on,
                    employees_invited, invitation_mode, questions, codes_issued, codes_issued_on, status, opened_by,
                    opened_at, closed_on, closed_by, close_reason)
                VALUES (:cert, 'tok3n-capannori', :day, :day, 120, 'CODES', '{"components":[]}', 120, :day, 'CLOSED',
                    'referent', :at, :day, 'referent', 'EARLY')""", cert);
        long closed = db.sql("SELECT id FROM fa_questionnaire_campaign WHERE certification_id = :cert")
                .params(cert).query(Long.class).single();
        db.sql("""
                INSERT INTO fa_questionnaire_answer (id, campaign_id, answer_day, profile, answers)
                VALUES (:id, :c, :day, '{"profilo_genere":"F"}', '{"orario_soddisfazione":"4"}')""")
                .param("id", UUID.fromString("5f0c8d56-7a1e-4e0b-9a55-0d7f1f0c3b21")).param("c", closed)
                .param("day", certified).update();
        db.sql("""
                INSERT INTO fa_questionnaire_text (id, campaign_id, question_key, body)
                VALUES (:id, :c, 'proposte', 'Più flessibilità in estate')""")
                .param("id", UUID.fromString("0b2f3c4d-1111-4222-8333-944455556666")).param("c", closed).update();

        insert(db, """
                INSERT INTO fa_attachment (certification_id, kind, round_no, action_code, version_no, file_name, media_type,
                    size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (:cert, 'EVALUATION_REPORT', NULL, NULL, 1, 'rapporto.pdf', 'application/pdf', 8, :sha, :content,
                    'evaluator', :at)""", Map.of("cert", certification, "at", at, "sha", "0".repeat(64),
                "content", new byte[] {'%', 'P', 'D', 'F', '-', 1, 0, (byte) 0xff}));
        insert(db, """
                INSERT INTO fa_password_token (token_hash, user_id, purpose, created_at, expires_at)
                VALUES (:hash, 'referent', 'SET', :at, :expires)""",
                Map.of("hash", "f".repeat(64), "at", at, "expires", Timestamp.valueOf(certified.plusDays(3).atStartOfDay())));

        // Lucca, in its first cycle, with its questionnaire open and half of its codes used.
        long lucca = insert(db, """
                INSERT INTO fa_organization (code, name, kind, created_at)
                VALUES ('lucca', 'Comune di Lucca', 'MUNICIPALITY', :at)""", Map.of("at", yearOne));
        long running = insert(db, """
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_at,
                    phase_since)
                VALUES (:org, 1, 'process-2', 'QUESTIONNAIRE', 'ACTIVE', :at, :at)""", Map.of("org", lucca, "at", yearOne));
        long open = insert(db, """
                INSERT INTO fa_questionnaire_campaign (certification_id, public_token, opens_on, closes_on,
                    employees_invited, invitation_mode, questions, code_key, codes_issued, codes_issued_on, status,
                    opened_by, opened_at)
                VALUES (:cert, 'tok3n-lucca', :day, :closes, 2, 'CODES', '{"components":[]}', :key, 2, :day, 'OPEN',
                    'referent2', :at)""", Map.of("cert", running, "day", certified.plusYears(1),
                "closes", certified.plusYears(1).plusDays(14), "key", "1".repeat(64), "at", yearOne));
        db.sql("""
                INSERT INTO fa_questionnaire_code (campaign_id, code_hash, used)
                VALUES (:c, :a, TRUE), (:c, :b, FALSE)""").param("c", open).param("a", "a".repeat(64))
                .param("b", "b".repeat(64)).update();

        // Massa, in its second cycle after withdrawing from the first; Viareggio, registered, without a cycle.
        long massa = insert(db, """
                INSERT INTO fa_organization (code, name, kind, created_at)
                VALUES ('massa', 'Comune di Massa', 'MUNICIPALITY', :at)""", Map.of("at", at));
        insert(db, """
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_at,
                    ended_at, phase_since)
                VALUES (:org, 1, 'process-3', 'WITHDRAWN', 'WITHDRAWN', :at, :ended, :ended)""",
                Map.of("org", massa, "at", at, "ended", yearOne));
        insert(db, """
                INSERT INTO fa_certification (organization_id, cycle_no, process_instance_id, phase, status, started_at,
                    phase_since)
                VALUES (:org, 2, 'process-4', 'APPLICATION', 'ACTIVE', :at, :at)""", Map.of("org", massa, "at", yearOne));
        insert(db, """
                INSERT INTO fa_organization (code, name, kind, created_at)
                VALUES ('viareggio', 'Comune di Viareggio', 'MUNICIPALITY', :at)""", Map.of("at", yearOne));
        return new Written(capannori, plan, open);
    }

    record Written(long organization, long plan, long campaign) {
    }

    private static long insert(JdbcClient db, String sql, Map<String, ?> params) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql(sql).params(params).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static Map<String, String> only(Map<String, String> row, Set<String> columns) {
        Map<String, String> kept = new TreeMap<>(row);
        kept.keySet().retainAll(columns);
        return kept;
    }

    /** Every row of every table of ours but Flyway's, as column and value (binary as hex), in a fixed order. */
    private Map<String, List<Map<String, String>>> everyRow() throws Exception {
        Map<String, List<Map<String, String>>> tables = new TreeMap<>();
        try (Connection c = database().getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'
                      AND LOWER(table_name) LIKE 'fa\\_%' ESCAPE '\\' AND LOWER(table_name) <> 'fa_schema_history'""")) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase());
                }
            }
            for (String table : names) {
                List<Map<String, String>> rows = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, String> row = new TreeMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.put(meta.getColumnLabel(i).toLowerCase(), value instanceof byte[] bytes
                                    ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
                        }
                        rows.add(row);
                    }
                }
                rows.sort(Comparator.comparing(Map::toString));
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
