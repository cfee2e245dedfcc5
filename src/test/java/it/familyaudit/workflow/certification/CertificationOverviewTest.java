package it.familyaudit.workflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The agency's table on H2: every sort, both ways, every filter and every page show what the statement of the
 * previous release showed (each organisation once, with its highest cycle, those without one last in the
 * sorts by the cycle's columns), and the totals match.
 */
class CertificationOverviewTest {

    private JdbcClient db;
    private CertificationRepository certifications;

    @BeforeEach
    void organisations() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:overview-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("fa_schema_history").load().migrate();
        db = JdbcClient.create(database);
        certifications = new CertificationRepository(db);
        Phase[] phases = {Phase.CERTIFIED, Phase.CERTIFIED, Phase.CERTIFIED, Phase.APPLICATION, Phase.PLAN_DRAFTING,
            Phase.MONITORING, Phase.PAYMENT, Phase.CERTIFIED};
        for (int i = 1; i <= 40; i++) {
            // Two pairs of organisations share a name; every seventh has no cycle.
            String name = i == 12 || i == 13 ? "Comune di Gemello" : i == 30 || i == 31 ? "Azienda Doppia"
                    : (i % 3 == 0 ? "Comune di " : "Azienda ") + (char) ('A' + (i * 7) % 26) + "-" + i;
            long org = organisation("org" + i, name);
            if (i % 7 == 0) {
                continue;
            }
            Phase phase = phases[i % phases.length];
            // Every fifth in its second cycle, opened as the application does it.
            if (i % 5 == 0) {
                long first = certifications.open(org, "first-" + i, "referent", CycleKind.CERTIFICATION);
                certifications.end(first, CertificationStatus.WITHDRAWN);
            }
            long id = certifications.open(org, "pi-" + i, "referent", CycleKind.CERTIFICATION);
            db.sql("UPDATE fa_organization SET has_cycle = TRUE WHERE id = :id").param("id", org).update();
            boolean dated = phase != Phase.APPLICATION && phase != Phase.PAYMENT;
            db.sql("""
                    UPDATE fa_certification SET phase = :phase, status = :status, phase_since = :since,
                           evaluation_deadline = :deadline, overdue = :overdue WHERE id = :id""")
                    .param("phase", phase.name())
                    .param("status", phase == Phase.CERTIFIED || phase == Phase.MONITORING ? "CERTIFIED" : "ACTIVE")
                    // Some share the day they entered their phase, and the deadline.
                    .param("since", Timestamp.valueOf(LocalDate.of(2025, 1, 1).plusDays(i % 9).atStartOfDay()))
                    .param("deadline", dated ? Date.valueOf(LocalDate.of(2020, 1, 1).plusYears(i % 11)) : null)
                    .param("overdue", i % 11 == 0)
                    .param("id", id).update();
        }
    }

    @Test
    void everySortFilterAndPageShowsWhatTheJoinWithTheHighestCycleShowed() {
        int pages = 0;
        for (CertificationOverview.Sort sort : CertificationOverview.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (Phase phase : new Phase[] {null, Phase.CERTIFIED, Phase.PAYMENT, Phase.EVALUATION}) {
                    for (boolean overdue : new boolean[] {false, true}) {
                        for (String search : new String[] {null, "comune", "ORG1", "gemello"}) {
                            for (int size : new int[] {7, 100}) {
                                for (int page = 0; page < 7; page++) {
                                    var query = new CertificationOverview.Query(phase, overdue, search, sort, descending,
                                            page, size);
                                    CertificationOverview.Page shown = certifications.overview(query);
                                    Expected expected = expected(query);
                                    assertThat(shown.rows()).as("%s", query).map(this::line).isEqualTo(expected.rows());
                                    assertThat(shown.total()).as("%s", query).isEqualTo(expected.total());
                                    pages++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(pages).isGreaterThan(1000);
    }

    @Test
    void anOrganisationShowsOnceWithItsLatestCycleAndThoseWithoutOneLast() {
        var page = certifications.overview(new CertificationOverview.Query(null, false, null,
                CertificationOverview.Sort.DAYS_IN_PHASE, false, 0, 100));

        assertThat(page.total()).isEqualTo(40);
        assertThat(page.rows()).map(CertificationOverview.Row::organizationCode).doesNotHaveDuplicates().hasSize(40);
        assertThat(page.rows()).filteredOn(row -> row.organizationCode().equals("org10")).singleElement()
                .satisfies(row -> assertThat(row.cycleNo()).isEqualTo(2));
        assertThat(page.rows().subList(35, 40)).allSatisfy(row -> assertThat(row.hasCycle()).isFalse());
        assertThat(db.sql("SELECT COUNT(*) FROM fa_certification WHERE latest = TRUE").query(Long.class).single())
                .isEqualTo(35);
    }

    private long organisation(String code, String name) {
        db.sql("INSERT INTO fa_organization (code, name, kind, created_at) VALUES (:code, :name, 'MUNICIPALITY', :at)")
                .param("code", code).param("name", name).param("at", Timestamp.valueOf("2024-01-01 00:00:00")).update();
        return db.sql("SELECT id FROM fa_organization WHERE code = :code").param("code", code).query(Long.class).single();
    }

    private String line(CertificationOverview.Row row) {
        return row.organizationCode() + " " + row.certificationId() + " " + row.phase();
    }

    private record Expected(List<String> rows, long total) {
    }

    /** The statement of the previous release: every organisation joined with its highest cycle, if any. */
    private Expected expected(CertificationOverview.Query q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.phase() != null) {
            where.append(" AND c.phase = :phase");
            params.put("phase", q.phase().name());
        }
        if (q.overdueOnly()) {
            where.append(" AND (c.overdue OR (c.status = 'ACTIVE' AND c.evaluation_deadline < :today))");
            params.put("today", Date.valueOf(it.familyaudit.workflow.engine.EngineTime.today()));
        }
        if (q.search() != null) {
            where.append(" AND (LOWER(o.name) LIKE :search OR LOWER(o.code) LIKE :search)");
            params.put("search", "%" + q.search().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        String from = """
                 FROM fa_organization o
                LEFT JOIN fa_certification c ON c.organization_id = o.id
                     AND c.cycle_no = (SELECT MAX(l.cycle_no) FROM fa_certification l WHERE l.organization_id = o.id)
                WHERE\s""" + where;
        StringBuilder phaseOrder = new StringBuilder("CASE c.phase");
        for (Phase p : Phase.values()) {
            phaseOrder.append(" WHEN '").append(p.name()).append("' THEN ").append(p.ordinal());
        }
        String column = switch (q.sort()) {
            case NAME -> "o.name";
            case PHASE -> phaseOrder.append(" END").toString();
            case DAYS_IN_PHASE -> "c.phase_since";
            case DEADLINE -> "c.evaluation_deadline";
        };
        long total = db.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<String> rows = new ArrayList<>(db.sql("SELECT o.code, c.id, c.phase" + from + " ORDER BY " + column
                        + (q.descending() ? " DESC" : " ASC") + " NULLS LAST, o.name, o.id"
                        + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params).param("offset", (long) q.page() * q.size()).param("size", q.size())
                .query((rs, n) -> rs.getString(1) + " " + rs.getObject(2) + " " + rs.getString(3)).list());
        return new Expected(rows, total);
    }
}
