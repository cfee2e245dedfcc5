package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.tasks.FormValues;
import java.sql.Date;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The minutes of the kick-off workshop and the council's decisions, one table each. */
@Repository
class KickoffWorkshopRepository {

    private final JdbcClient db;

    KickoffWorkshopRepository(JdbcClient db) {
        this.db = db;
    }

    void recordWorkshop(long certificationId, FormValues v, String actor) {
        db.sql("""
                INSERT INTO fa_kickoff_workshop (certification_id, workshop_date, participants, objectives, strengths,
                       obstacles, fields_of_action, internal_communication, working_group_profile, timetable,
                       recorded_by, recorded_at)
                VALUES (:cert, :date, :participants, :objectives, :strengths, :obstacles, :fields, :communication,
                        :profile, :timetable, :by, :at)
                """)
                .param("cert", certificationId)
                .param("date", Date.valueOf(v.date("workshopDate")))
                .param("participants", v.text("participants"))
                .param("objectives", v.text("objectives"))
                .param("strengths", v.text("strengths"))
                .param("obstacles", v.text("obstacles"))
                .param("fields", v.text("fieldsOfAction"))
                .param("communication", v.text("internalCommunication"))
                .param("profile", v.text("workingGroupProfile"))
                .param("timetable", v.text("timetable"))
                .param("by", actor)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }

    void recordCouncilDecision(long certificationId, FormValues v, String actor) {
        db.sql("""
                INSERT INTO fa_council_decision (certification_id, decision, decision_date, motivation, decided_by,
                                                 decided_at)
                VALUES (:cert, :decision, :date, :motivation, :by, :at)
                """)
                .param("cert", certificationId)
                .param("decision", v.text("councilDecision"))
                .param("date", Date.valueOf(v.date("decisionDate")))
                .param("motivation", v.text("motivation"))
                .param("by", actor)
                .param("at", Timestamp.from(EngineTime.now()))
                .update();
    }
}
