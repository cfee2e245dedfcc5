package it.familyaudit.workflow.workinggroup;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The working group's members and what the referent records of the needs survey. */
@Repository
public class WorkingGroupRepository {

    private final JdbcClient db;

    WorkingGroupRepository(JdbcClient db) {
        this.db = db;
    }

    void replaceMembers(long certificationId, List<WorkingGroupMember> members) {
        db.sql("DELETE FROM fa_working_group_member WHERE certification_id = :cert")
                .param("cert", certificationId).update();
        int position = 0;
        for (WorkingGroupMember m : members) {
            db.sql("""
                    INSERT INTO fa_working_group_member (certification_id, seq_no, full_name, member_role, gender,
                                                         age_band, job_category, contract_type)
                    VALUES (:cert, :pos, :name, :role, :gender, :age, :category, :contract)
                    """)
                    .param("cert", certificationId).param("pos", position++)
                    .param("name", m.fullName()).param("role", m.role()).param("gender", m.gender())
                    .param("age", m.ageBand()).param("category", m.jobCategory()).param("contract", m.contractType())
                    .update();
        }
    }

    public List<WorkingGroupMember> members(long certificationId) {
        return db.sql("""
                SELECT full_name, member_role, gender, age_band, job_category, contract_type
                FROM fa_working_group_member WHERE certification_id = :cert ORDER BY seq_no
                """)
                .param("cert", certificationId)
                .query((rs, n) -> new WorkingGroupMember(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    void recordSurvey(long certificationId, LocalDate start, LocalDate end, int invited, int answers, String findings,
                      String actor) {
        db.sql("""
                INSERT INTO fa_needs_survey (certification_id, start_date, end_date, employees_invited, answers_count,
                                             main_findings, recorded_by, recorded_at)
                VALUES (:cert, :start, :end, :invited, :answers, :findings, :by, :at)
                """)
                .param("cert", certificationId).param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .param("invited", invited).param("answers", answers).param("findings", findings)
                .param("by", actor).param("at", Timestamp.from(EngineTime.now()))
                .update();
    }
}
