package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlanRepository {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    PlanRepository(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * Submits a draft as it stands. Guarded: only a draft can be submitted, once; the count of
     * actions is taken from the rows, not from the caller.
     */
    boolean submitDraft(long versionId, String summary, String changeNote, String by) {
        return db.sql("""
                UPDATE fa_plan_version SET status = 'SUBMITTED', summary = :summary, change_note = :note,
                       submitted_by = :by, submitted_at = :at,
                       actions_count = (SELECT COUNT(*) FROM fa_plan_action WHERE plan_version_id = :id)
                WHERE id = :id AND status = 'DRAFT'
                """)
                .param("summary", summary).param("note", changeNote).param("by", by)
                .param("at", Timestamp.from(EngineTime.now())).param("id", versionId)
                .update() == 1;
    }

    /** The version waiting for management's decision. */
    Optional<PlanVersion> submitted(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND status = 'SUBMITTED' ORDER BY version_no DESC")
                .param("cert", certificationId).query(PlanRepository::map).optional();
    }

    public List<PlanVersion> versions(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert ORDER BY version_no")
                .param("cert", certificationId).query(PlanRepository::map).list();
    }

    /** Guarded: only a submitted version can be decided, and only once. */
    boolean decide(long versionId, PlanStatus decision, String by, String note, String signatory, String signatoryRole) {
        return db.sql("""
                UPDATE fa_plan_version SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
                       signatory_name = :signatory, signatory_role = :role
                WHERE id = :id AND status = 'SUBMITTED'
                """)
                .param("status", decision.name()).param("by", by).param("at", Timestamp.from(EngineTime.now()))
                .param("note", note).param("signatory", signatory).param("role", signatoryRole).param("id", versionId)
                .update() == 1;
    }

    /** The draft the working group is editing, if any. */
    public Optional<PlanVersion> draft(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND status = 'DRAFT'")
                .param("cert", certificationId).query(PlanRepository::map).optional();
    }

    /** The approved version in force: the latest approved one. */
    public Optional<PlanVersion> latestApproved(long certificationId) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND status = 'APPROVED' ORDER BY version_no DESC")
                .param("cert", certificationId).query(PlanRepository::map).list().stream().findFirst();
    }

    public Optional<PlanVersion> version(long certificationId, int versionNo) {
        return db.sql(SELECT + " WHERE certification_id = :cert AND version_no = :no")
                .param("cert", certificationId).param("no", versionNo).query(PlanRepository::map).optional();
    }

    /**
     * Opens a new draft version holding {@code content}. Guarded: a certification has at most one version
     * that is a draft or waiting for a decision, so the insert is refused (empty) while one exists.
     */
    public Optional<Long> createDraft(long certificationId, String title, PlanContent content, boolean fieldsMandatory,
                                      Integer basedOnVersion, String by) {
        int inserted = db.sql("""
                INSERT INTO fa_plan_version (certification_id, version_no, status, title, actions_count, created_by,
                                             created_at, fields_mandatory, based_on_version)
                SELECT :cert, COALESCE(MAX(version_no), 0) + 1, 'DRAFT', :title, :actions, :by, :at, :mandatory,
                       :basedOn
                FROM fa_plan_version WHERE certification_id = :cert
                HAVING COUNT(CASE WHEN status IN ('DRAFT', 'SUBMITTED') THEN 1 END) = 0
                """)
                .param("cert", certificationId).param("title", title).param("actions", content.actions().size())
                .param("by", by).param("at", Timestamp.from(EngineTime.now())).param("mandatory", fieldsMandatory)
                .param("basedOn", basedOnVersion)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = draft(certificationId).orElseThrow().id();
        insertContent(id, content);
        return Optional.of(id);
    }

    /**
     * Replaces everything a draft says. Guarded: the version row is updated first, which both refuses a
     * version that is no longer a draft and holds its row lock until the transaction ends, so two saves of
     * the same draft do not interleave.
     */
    public boolean replaceContent(long versionId, String title, PlanContent content, boolean fieldsMandatory) {
        int locked = db.sql("""
                UPDATE fa_plan_version SET title = :title, actions_count = :actions, fields_mandatory = :mandatory
                WHERE id = :id AND status = 'DRAFT'
                """)
                .param("title", title).param("actions", content.actions().size()).param("mandatory", fieldsMandatory)
                .param("id", versionId).update();
        if (locked == 0) {
            return false;
        }
        for (String table : List.of("fa_plan_indicator", "fa_plan_action", "fa_plan_field")) {
            db.sql("DELETE FROM " + table + " WHERE plan_version_id = :id").param("id", versionId).update();
        }
        insertContent(versionId, content);
        return true;
    }

    /** What a version says, fields and actions in their order. */
    public PlanContent content(long versionId) {
        List<PlanField> fields = db.sql("""
                SELECT code, name, budget_amount, funding_line FROM fa_plan_field WHERE plan_version_id = :id
                ORDER BY position
                """).param("id", versionId).query((rs, n) -> new PlanField(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getString(4))).list();
        Map<String, List<Indicator>> indicators = new HashMap<>();
        db.sql("""
                SELECT action_code, name, unit, baseline, target_year1, target_year2, target_year3,
                       in_year1, in_year2, in_year3
                FROM fa_plan_indicator WHERE plan_version_id = :id ORDER BY action_code, position
                """).param("id", versionId).query((RowCallbackHandler) rs -> indicators
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Indicator(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), years(rs))));
        List<PlanAction> actions = db.sql("""
                SELECT code, field_code, title, description, objective, activities, owner, actors, recipients,
                       in_year1, in_year2, in_year3, deadline, budget_amount, funding_line, finding_ref, ptap_ref
                FROM fa_plan_action WHERE plan_version_id = :id ORDER BY position
                """).param("id", versionId).query((rs, n) -> {
                    Date deadline = rs.getDate("deadline");
                    String code = rs.getString("code");
                    return new PlanAction(code, rs.getString("field_code"), rs.getString("title"),
                            rs.getString("description"), rs.getString("objective"), rs.getString("activities"),
                            rs.getString("owner"), rs.getString("actors"), rs.getString("recipients"), years(rs),
                            deadline == null ? null : deadline.toLocalDate(), rs.getBigDecimal("budget_amount"),
                            rs.getString("funding_line"), rs.getString("finding_ref"), rs.getString("ptap_ref"),
                            indicators.getOrDefault(code, List.of()));
                }).list();
        return new PlanContent(fields, actions);
    }

    /** The plan years a row of actions or indicators holds in its columns {@code in_year1..3}. */
    private static TreeSet<Integer> years(ResultSet rs) throws SQLException {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = 1; y <= 3; y++) {
            if (rs.getBoolean("in_year" + y)) {
                years.add(y);
            }
        }
        return years;
    }

    /** Batched: a 500-action plan is three round trips, not two thousand. */
    private void insertContent(long versionId, PlanContent content) {
        List<Object[]> fields = new ArrayList<>();
        for (int i = 0; i < content.fields().size(); i++) {
            PlanField f = content.fields().get(i);
            fields.add(new Object[] {versionId, f.code(), i, f.name(), f.budget(), f.fundingLine()});
        }
        List<Object[]> actions = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        for (int i = 0; i < content.actions().size(); i++) {
            PlanAction a = content.actions().get(i);
            actions.add(new Object[] {versionId, a.code(), a.fieldCode(), i, a.title(), a.description(),
                    a.objective(), a.activities(), a.owner(), a.actors(), a.recipients(), a.runsIn(1), a.runsIn(2),
                    a.runsIn(3), a.deadline() == null ? null : Date.valueOf(a.deadline()), a.budget(),
                    a.fundingLine(), a.findingRef(), a.ptapRef()});
            for (int j = 0; j < a.indicators().size(); j++) {
                Indicator k = a.indicators().get(j);
                indicators.add(new Object[] {versionId, a.code(), j, k.name(), k.unit(), k.baseline(),
                        k.targetYear1(), k.targetYear2(), k.targetYear3(), k.years().contains(1),
                        k.years().contains(2), k.years().contains(3)});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO fa_plan_field (plan_version_id, code, position, name, budget_amount, funding_line)
                VALUES (?, ?, ?, ?, ?, ?)
                """, fields);
        jdbc.batchUpdate("""
                INSERT INTO fa_plan_action (plan_version_id, code, field_code, position, title, description, objective,
                                            activities, owner, actors, recipients, in_year1, in_year2, in_year3,
                                            deadline, budget_amount, funding_line, finding_ref, ptap_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, actions);
        jdbc.batchUpdate("""
                INSERT INTO fa_plan_indicator (plan_version_id, action_code, position, name, unit, baseline,
                                               target_year1, target_year2, target_year3, in_year1, in_year2,
                                               in_year3)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, indicators);
    }

    private static final String SELECT = """
            SELECT id, certification_id, version_no, status, title, summary, actions_count, change_note, submitted_by,
                   submitted_at, decided_by, decided_at, decision_note, fields_mandatory, based_on_version,
                   created_by, created_at, signatory_name, signatory_role
            FROM fa_plan_version""";

    private static PlanVersion map(ResultSet rs, int n) throws SQLException {
        int basedOnNo = rs.getInt("based_on_version");
        Integer basedOn = rs.wasNull() ? null : basedOnNo;
        return new PlanVersion(rs.getLong("id"), rs.getLong("certification_id"), rs.getInt("version_no"),
                PlanStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("summary"),
                rs.getInt("actions_count"), rs.getString("change_note"), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")), rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
                rs.getBoolean("fields_mandatory"), basedOn, rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), rs.getString("signatory_name"),
                rs.getString("signatory_role"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
