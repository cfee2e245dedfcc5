package it.familyaudit.workflow.workinggroup;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The working group's members. */
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
}
