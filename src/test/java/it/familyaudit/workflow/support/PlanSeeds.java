package it.familyaudit.workflow.support;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts an approved, structured plan in place for a certification, as drafting and approval would once
 * they write one: a draft through {@link PlanRepository#createDraft}, then approved by a guarded update
 * (only a draft is approved). The monitoring reads the latest approved version when a round opens.
 */
public final class PlanSeeds {

    private PlanSeeds() {
    }

    /** @return the new version's id */
    public static long approved(PlanRepository plans, JdbcClient db, long certificationId, PlanContent content) {
        long id = plans.createDraft(certificationId, "Piano Family Audit", content, false, null, "seed")
                .orElseThrow(() -> new IllegalStateException("A draft or submitted version is in the way"));
        int approved = db.sql("""
                UPDATE fa_plan_version SET status = 'APPROVED', submitted_by = 'seed', submitted_at = created_at,
                       decided_by = 'seed', decided_at = created_at, signatory_name = 'Segretario generale'
                WHERE id = :id AND status = 'DRAFT'
                """).param("id", id).update();
        if (approved != 1) {
            throw new IllegalStateException("Version " + id + " is not a draft");
        }
        return id;
    }

    /**
     * {@code count} actions over the six standard fields: action i runs in year 1 + i % 3 (every fourth also in
     * the next year), has a budget of 1000 € (none for every fifth) and one or two indicators with a
     * baseline of 10 and targets 20, 30, 40.
     */
    public static PlanContent actions(int count) {
        List<PlanAction> actions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int field = 1 + i % 6;
            Set<Integer> years = new TreeSet<>(Set.of(1 + i % 3));
            if (i % 4 == 0 && 1 + i % 3 < 3) {
                years.add(2 + i % 3);
            }
            List<Indicator> indicators = new ArrayList<>();
            indicators.add(indicator("Persone coinvolte"));
            if (i % 2 == 0) {
                indicators.add(indicator("Ore di formazione"));
            }
            actions.add(action(field + "." + (i / 6 + 1), String.valueOf(field), "Azione " + (i + 1), years, null,
                    i % 5 == 4 ? null : new BigDecimal("1000"), indicators));
        }
        return new PlanContent(PlanContent.STANDARD_FIELDS, actions);
    }

    public static PlanAction action(String code, String field, String title, Set<Integer> years, LocalDate deadline,
                                    BigDecimal budget, List<Indicator> indicators) {
        return new PlanAction(code, field, title, "Descrizione", "Obiettivo", "Attività", "Ufficio personale",
                "Gruppo di lavoro", "Dipendenti", new TreeSet<>(years), deadline, budget,
                budget == null ? null : "Bilancio dell'ente", null, null, indicators);
    }

    public static Indicator indicator(String name) {
        return new Indicator(name, "n.", new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"),
                new BigDecimal("40"));
    }
}
