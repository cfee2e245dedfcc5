package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.plan.PlanRules;
import it.familyaudit.workflow.tasks.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the forms of several monitoring steps share: the list of the actions, the report read from it, a date check. */
final class MonitoringForms {

    static final String ACTION_REPORTS = "actionReports";
    static final String INDICATOR_VALUES = "indicatorValues";

    private MonitoringForms() {
    }

    /** The rows of the actions' dynamic list, as the form shows them (with what was reported before). */
    static List<Map<String, Object>> actionRows(List<ReportedAction> actions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportedAction a : actions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("actionCode", a.code());
            row.put("actionTitle", a.title() + (a.carriedOver() ? " (da anni precedenti)" : ""));
            if (a.state() != null) {
                row.put("state", a.state().formValue());
            }
            if (a.reason() != null) {
                row.put("reason", a.reason());
            }
            if (a.newDeadline() != null) {
                row.put("newDeadline", a.newDeadline().toString());
            }
            rows.add(row);
        }
        return rows;
    }

    static void notInFuture(LocalDate date, String field, List<FieldError> errors) {
        if (date != null && date.isAfter(EngineTime.today())) {
            errors.add(new FieldError(field, "La data non può essere nel futuro"));
        }
    }

    /**
     * A report read from the form's two lists and checked against the round's actions: every action once,
     * a reason where the state needs one, and (for the yearly report) a measured value for every indicator
     * of an action in progress or done.
     */
    record Report(List<MonitoringRepository.ActionReport> actions, List<MonitoringRepository.Measurement> measurements) {

        private static final int LISTED = 10;

        static Report read(List<ReportedAction> expected, FormValues values, boolean withIndicators,
                           List<FieldError> errors) {
            Map<String, ReportedAction> byCode = new LinkedHashMap<>();
            expected.forEach(a -> byCode.put(a.code(), a));
            Map<String, MonitoringRepository.ActionReport> reports = new LinkedHashMap<>();
            List<Map<String, Object>> rows = values.rows(ACTION_REPORTS);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                String path = ACTION_REPORTS + "[" + i + "]";
                String code = (String) row.get("actionCode");
                if (code == null) {
                    continue; // the form's own check has reported it
                }
                if (!byCode.containsKey(code)) {
                    errors.add(new FieldError(path + ".actionCode", "Azione non prevista in questo rapporto: " + code));
                    continue;
                }
                Optional<ActionState> state = ActionState.ofForm((String) row.get("state"));
                if (state.isEmpty()) {
                    continue;
                }
                String reason = (String) row.get("reason");
                if (state.get().needsReason() && reason == null) {
                    errors.add(new FieldError(path + ".reason",
                            "Indicare il motivo: è obbligatorio per un'azione riprogrammata o annullata"));
                }
                if (reports.put(code, new MonitoringRepository.ActionReport(code, state.get(), reason,
                        (LocalDate) row.get("newDeadline"))) != null) {
                    errors.add(new FieldError(path + ".actionCode", "Azione indicata due volte: " + code));
                }
            }
            List<String> missing = byCode.keySet().stream().filter(c -> !reports.containsKey(c)).toList();
            if (!missing.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith(ACTION_REPORTS + "["))) {
                errors.add(new FieldError(ACTION_REPORTS, "Indicare lo stato di ogni azione; mancano: " + list(missing)));
            }
            List<MonitoringRepository.Measurement> measurements = new ArrayList<>();
            if (withIndicators) {
                measurements = measurements(byCode, reports, values, errors);
            }
            return new Report(List.copyOf(reports.values()), measurements);
        }

        private static List<MonitoringRepository.Measurement> measurements(
                Map<String, ReportedAction> byCode, Map<String, MonitoringRepository.ActionReport> reports,
                FormValues values, List<FieldError> errors) {
            Map<String, MonitoringRepository.Measurement> found = new LinkedHashMap<>();
            List<Map<String, Object>> rows = values.rows(INDICATOR_VALUES);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                String path = INDICATOR_VALUES + "[" + i + "]";
                String code = (String) row.get("actionCode");
                BigDecimal no = (BigDecimal) row.get("indicatorNo");
                if (code == null || no == null) {
                    continue; // the form's own check has reported it
                }
                ReportedAction action = byCode.get(code);
                int indicatorNo = no.intValue();
                if (action == null || action.indicators().stream().noneMatch(k -> k.indicatorNo() == indicatorNo)) {
                    errors.add(new FieldError(path, "Indicatore non previsto in questo rapporto: azione " + code
                            + ", indicatore " + indicatorNo));
                    continue;
                }
                BigDecimal measured = (BigDecimal) row.get("measuredValue");
                String problem = PlanRules.amountProblem(measured);
                if (problem != null) {
                    // The plan's rule for its indicators' values, which the same kind of column holds.
                    errors.add(new FieldError(path + ".measuredValue", problem));
                    continue;
                }
                if (found.put(code + "#" + indicatorNo, new MonitoringRepository.Measurement(code, indicatorNo,
                        measured)) != null) {
                    errors.add(new FieldError(path, "Indicatore indicato due volte: azione " + code + ", indicatore "
                            + indicatorNo));
                }
            }
            List<String> unmeasured = new ArrayList<>();
            for (MonitoringRepository.ActionReport report : reports.values()) {
                if (!report.state().measured()) {
                    continue;
                }
                for (IndicatorValue k : byCode.get(report.code()).indicators()) {
                    MonitoringRepository.Measurement m = found.get(report.code() + "#" + k.indicatorNo());
                    if (m == null || m.measured() == null) {
                        unmeasured.add(report.code() + " n. " + k.indicatorNo());
                    }
                }
            }
            if (!unmeasured.isEmpty()) {
                errors.add(new FieldError(INDICATOR_VALUES, "Indicare il valore misurato di ogni indicatore delle azioni "
                        + "in corso o realizzate; mancano: " + list(unmeasured)));
            }
            return List.copyOf(found.values());
        }

        private static String list(List<String> items) {
            return items.size() <= LISTED ? String.join(", ", items)
                    : String.join(", ", items.subList(0, LISTED)) + " e altre " + (items.size() - LISTED);
        }
    }
}
