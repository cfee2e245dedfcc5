package it.familyaudit.workflow.support;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.monitoring.IndicatorValue;
import it.familyaudit.workflow.monitoring.ReportedAction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Valid submissions of the monitoring forms, for tests driving rounds through the API. */
public final class MonitoringValues {

    private MonitoringValues() {
    }

    /** Every action done, every indicator measured at its target (or 1 without one). */
    public static Map<String, Object> report(List<ReportedAction> actions) {
        return report(actions, a -> "done");
    }

    /**
     * A report giving each action the state {@code stateOf} chooses (form values: not-started, in-progress, done,
     * rescheduled, cancelled; the last two with a reason), every indicator measured at its target.
     */
    public static Map<String, Object> report(List<ReportedAction> actions, Function<ReportedAction, String> stateOf) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (ReportedAction a : actions) {
            Map<String, Object> row = new LinkedHashMap<>();
            String state = stateOf.apply(a);
            row.put("actionCode", a.code());
            row.put("state", state);
            if (state.equals("rescheduled") || state.equals("cancelled")) {
                row.put("reason", "Rinviata per il cambio di giunta");
            }
            rows.add(row);
            for (IndicatorValue k : a.indicators()) {
                indicators.add(Map.of("actionCode", a.code(), "indicatorNo", k.indicatorNo(),
                        "measuredValue", k.target() == null ? BigDecimal.ONE : k.target()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("actionReports", rows);
        values.put("indicatorValues", indicators);
        values.put("notes", "Rapporto dell'anno");
        return values;
    }

    public static Map<String, Object> approval() {
        return Map.of("reportDecision", "approve");
    }

    public static Map<String, Object> sendBack() {
        return Map.of("reportDecision", "changes", "requestedChanges", "Completare gli indicatori dell'azione 1.1");
    }

    public static Map<String, Object> audit(String recommendation) {
        return Map.of("auditDate", today(), "findings", "Azioni avviate come previsto", "auditRecommendation",
                recommendation);
    }

    public static Map<String, Object> decision(String decision) {
        return Map.of("monitoringDecision", decision, "decisionDate", today(), "motivation", "Esito del monitoraggio");
    }

    public static Map<String, Object> corrective(LocalDate deadline) {
        return Map.of("monitoringDecision", "corrective", "decisionDate", today(), "motivation", "Ritardi non motivati",
                "correctiveMeasures", "Avviare le azioni del campo 2", "correctiveDeadline", deadline.toString());
    }

    public static Map<String, Object> correctiveMeasuresTaken() {
        return Map.of("measuresTaken", "Azioni del campo 2 avviate", "completedOn", today());
    }

    public static Map<String, Object> recognition() {
        return Map.of("planCarriedOut", true, "decisionDate", today(), "motivation", "Piano attuato in tre anni");
    }

    public static Map<String, Object> escalationHandled() {
        return Map.of("actionTaken", "Sollecitato il referente per telefono");
    }

    private static String today() {
        return EngineTime.today().toString();
    }
}
