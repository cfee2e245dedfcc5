package it.familyaudit.workflow.organization;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient db;

    OrganizationRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<Organization> findByCode(String code) {
        return db.sql("SELECT id, code, name, kind FROM fa_organization WHERE code = :code")
                .param("code", code)
                .query(Organization.class)
                .optional();
    }

    public Optional<Organization> findById(long id) {
        return db.sql("SELECT id, code, name, kind FROM fa_organization WHERE id = :id")
                .param("id", id)
                .query(Organization.class)
                .optional();
    }

    /**
     * The organisation opened a cycle, its first or not: from now on the agency's table lists it with its
     * cycles rather than among the organisations without one.
     */
    public void cycleOpened(long id) {
        db.sql("UPDATE fa_organization SET has_cycle = TRUE WHERE id = :id AND has_cycle = FALSE").param("id", id).update();
    }

    public Organization create(String code, String name, String kind) {
        db.sql("""
                INSERT INTO fa_organization (code, name, kind, created_at)
                VALUES (:code, :name, :kind, :now)
                """)
                .param("code", code)
                .param("name", name)
                .param("kind", kind)
                .param("now", Timestamp.from(EngineTime.now()))
                .update();
        return findByCode(code).orElseThrow();
    }
}
