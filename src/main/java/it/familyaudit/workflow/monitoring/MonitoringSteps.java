package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskAlerts;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The people's steps of a yearly round: the referent's report, management's approval, the evaluator's
 * audit, the council's decision and the corrective measures it may ask for; the agency's action on an
 * escalated task; and, after the last confirmation, the council's recognition of the plan as carried out.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringSteps {

    static final String ACTION_REPORTS = "actionReports";
    static final String INDICATOR_VALUES = "indicatorValues";

    @Bean
    TaskStep compileMonitoringReportStep(MonitoringRepository rounds, AuditTrail audit) {
        return new RoundStep(MonitoringProcess.COMPILE_REPORT, Phase.MONITORING_REPORT, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                MonitoringRound round = round(task);
                List<ReportedAction> actions = rounds.actions(round.id());
                Map<String, Object> vars = new HashMap<>(header(round));
                vars.put(ACTION_REPORTS, actionRows(actions));
                vars.put(INDICATOR_VALUES, indicatorRows(actions));
                if (round.notes() != null) {
                    vars.put("notes", round.notes());
                }
                return vars;
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                Report.read(rounds.actions(round(s).id()), s.values(), true, errors);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                MonitoringRound round = round(s);
                Report report = Report.read(rounds.actions(round.id()), s.values(), true, new ArrayList<>());
                boolean onTime = !EngineTime.today().isAfter(round.reportDue());
                rounds.submitReport(round.id(), report.actions(), report.measurements(), s.values().text("notes"),
                        s.actor(), onTime);
                audit.record(s.actor(), AuditAction.REPORT_SUBMITTED, s.certificationId(), null,
                        "rapporto di monitoraggio anno " + round.roundNo(), report.actions().size() + " azioni");
                long done = report.actions().stream().filter(a -> a.state() == ActionState.DONE).count();
                return StepOutcome.recorded("Rapporto di monitoraggio dell'anno " + round.roundNo() + " presentato: "
                        + report.actions().size() + " azioni, " + done + " realizzate"
                        + (round.firstSubmittedAt() == null && !onTime ? " (oltre la scadenza del " + round.reportDue() + ")"
                                : ""));
            }
        };
    }

    @Bean
    TaskStep approveMonitoringReportStep(MonitoringRepository rounds, AuditTrail audit) {
        return new RoundStep(MonitoringProcess.APPROVE_REPORT, Phase.MONITORING_APPROVAL, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                return header(round(task));
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                FormValues v = s.values();
                if ("changes".equals(v.text(MonitoringProcess.REPORT_DECISION)) && !v.has("requestedChanges")) {
                    errors.add(new FieldError("requestedChanges", "Indicare le modifiche richieste"));
                }
                if (s.actor().equals(round(s).compiledBy())) {
                    errors.add(new FieldError(MonitoringProcess.REPORT_DECISION,
                            "Chi ha compilato il rapporto non può approvarlo"));
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                MonitoringRound round = round(s);
                String decision = s.values().text(MonitoringProcess.REPORT_DECISION);
                boolean approved = "approve".equals(decision);
                String note = s.values().text("requestedChanges");
                rounds.review(round.id(), approved, note, s.actor());
                if (approved) {
                    audit.record(s.actor(), AuditAction.REPORT_APPROVED, s.certificationId(), null,
                            "rapporto di monitoraggio anno " + round.roundNo(), "approvato");
                }
                return StepOutcome.decided(MonitoringProcess.REPORT_DECISION, decision, approved
                        ? "Rapporto di monitoraggio dell'anno " + round.roundNo() + " approvato"
                        : "Rapporto di monitoraggio dell'anno " + round.roundNo() + " rimandato al referente: " + note);
            }
        };
    }

    @Bean
    TaskStep auditMonitoringReportStep(MonitoringRepository rounds) {
        return new RoundStep(MonitoringProcess.AUDIT_REPORT, Phase.MONITORING_AUDIT, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                return header(round(task));
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("auditDate"), "auditDate", errors);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                MonitoringRound round = round(s);
                FormValues v = s.values();
                String recommendation = v.text("auditRecommendation");
                rounds.audit(round.id(), v.date("auditDate"), v.text("findings"), recommendation, v.text("remarks"),
                        s.actor());
                return new StepOutcome(recommendation, "Verifica del valutatore sull'anno " + round.roundNo()
                        + ": raccomanda di " + Recommendation.italian(recommendation), Map.of());
            }
        };
    }

    @Bean
    TaskStep decideMonitoringStep(MonitoringRepository rounds) {
        return new RoundStep(MonitoringProcess.DECIDE, Phase.MONITORING_DECISION, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                MonitoringRound round = round(task);
                Map<String, Object> vars = new HashMap<>(header(round));
                if (round.recommendation() != null) {
                    vars.put("recommendedOutcome", Recommendation.italian(round.recommendation()));
                    vars.put("recommendationReason", round.recommendationReason());
                }
                rounds.evaluatorRecommendation(round.id())
                        .ifPresent(r -> vars.put("evaluatorRecommendation", Recommendation.italian(r)));
                return vars;
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                FormValues v = s.values();
                notInFuture(v.date("decisionDate"), "decisionDate", errors);
                if ("corrective".equals(v.text(MonitoringProcess.MONITORING_DECISION))) {
                    if (!v.has("correctiveMeasures")) {
                        errors.add(new FieldError("correctiveMeasures", "Indicare le misure correttive richieste"));
                    }
                    LocalDate deadline = v.date("correctiveDeadline");
                    if (deadline == null) {
                        errors.add(new FieldError("correctiveDeadline", "Indicare la scadenza delle misure correttive"));
                    } else if (!deadline.isAfter(EngineTime.today())) {
                        errors.add(new FieldError("correctiveDeadline", "La scadenza deve essere nel futuro"));
                    }
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                MonitoringRound round = round(s);
                FormValues v = s.values();
                String decision = v.text(MonitoringProcess.MONITORING_DECISION);
                boolean corrective = "corrective".equals(decision);
                LocalDate deadline = corrective ? v.date("correctiveDeadline") : null;
                rounds.decide(round.id(), decision, v.date("decisionDate"), v.text("motivation"),
                        corrective ? v.text("correctiveMeasures") : null, deadline, s.actor());
                Map<String, Object> variables = new HashMap<>();
                variables.put(MonitoringProcess.MONITORING_DECISION, decision);
                if (corrective) {
                    variables.put(MonitoringProcess.CORRECTIVE_DEADLINE_AT, MonitoringRounds.endOf(deadline));
                }
                return new StepOutcome(decision, "Il Consiglio dell'Audit decide sull'anno " + round.roundNo() + ": "
                        + Recommendation.decision(decision) + (corrective ? " entro il " + deadline : "") + ". "
                        + v.text("motivation"), variables);
            }
        };
    }

    @Bean
    TaskStep completeCorrectiveMeasuresStep(MonitoringRepository rounds) {
        return new RoundStep(MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES, Phase.CORRECTIVE_MEASURES, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                MonitoringRound round = round(task);
                Map<String, Object> vars = new HashMap<>(header(round));
                rounds.requestedMeasures(round.id()).ifPresent(m -> vars.put("requestedMeasures", m));
                if (round.correctiveDeadline() != null) {
                    vars.put("correctiveDeadline", round.correctiveDeadline().toString());
                }
                vars.put(ACTION_REPORTS, actionRows(rounds.actions(round.id())));
                return vars;
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("completedOn"), "completedOn", errors);
                if (s.values().has(ACTION_REPORTS)) {
                    Report.read(rounds.actions(round(s).id()), s.values(), false, errors);
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                MonitoringRound round = round(s);
                FormValues v = s.values();
                rounds.correctiveMeasuresTaken(round.id(), v.text("measuresTaken"), v.date("completedOn"), s.actor());
                if (v.has(ACTION_REPORTS)) {
                    rounds.saveStates(round.id(),
                            Report.read(rounds.actions(round.id()), v, false, new ArrayList<>()).actions());
                }
                return StepOutcome.recorded("Misure correttive dell'anno " + round.roundNo() + " attuate il "
                        + v.date("completedOn") + ": " + v.text("measuresTaken"));
            }
        };
    }

    @Bean
    TaskStep handleMonitoringEscalationStep(MonitoringRepository rounds, TaskAlerts alerts) {
        return new RoundStep(MonitoringProcess.HANDLE_ESCALATION, null, rounds) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                String list = alerts.unhandledEscalations(certificationId).stream()
                        .map(a -> "«" + a.taskName() + "» (" + a.candidateGroup() + "), scaduta il "
                                + LocalDate.ofInstant(a.due(), EngineTime.ZONE))
                        .collect(Collectors.joining("\n"));
                return Map.of("escalatedTasks", list.isEmpty() ? "Nessuna" : list);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                int handled = alerts.handleEscalations(s.certificationId(), s.actor());
                return StepOutcome.recorded("L'ente di certificazione interviene sui ritardi (" + handled
                        + " attività segnalate): " + s.values().text("actionTaken"));
            }
        };
    }

    @Bean
    TaskStep recognisePlanCarriedOutStep(MonitoringRepository rounds) {
        return new CertificationStep(CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT, Phase.PLAN_RECOGNITION) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                String summary = rounds.rounds(certificationId).stream()
                        .map(r -> "Anno " + r.roundNo() + ": " + r.status().italian()
                                + (r.doneShare() == null ? "" : ", azioni dovute realizzate " + percent(r.doneShare())))
                        .collect(Collectors.joining("\n"));
                return Map.of("roundsSummary", summary);
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("decisionDate"), "decisionDate", errors);
                if (!Boolean.TRUE.equals(s.values().values().get("planCarriedOut"))) {
                    errors.add(new FieldError("planCarriedOut",
                            "Il Consiglio conferma di riconoscere il piano come attuato"));
                }
                List<MonitoringRound> all = rounds.rounds(s.certificationId());
                if (all.isEmpty() || all.stream().anyMatch(r -> r.status() != RoundStatus.CONFIRMED)) {
                    errors.add(new FieldError("planCarriedOut", "Non tutti gli anni di monitoraggio sono confermati"));
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                List<MonitoringRound> all = rounds.rounds(s.certificationId());
                rounds.recordRecognition(all.get(all.size() - 1).id(), s.values().date("decisionDate"),
                        s.values().text("motivation"), s.actor());
                return new StepOutcome("recognise", "Il Consiglio dell'Audit riconosce il piano come attuato: "
                        + s.values().text("motivation"), Map.of());
            }
        };
    }

    /** A step of a round: the round is the one whose process the task belongs to. */
    private abstract static class RoundStep extends CertificationStep {

        final MonitoringRepository rounds;

        RoundStep(String taskKey, Phase phase, MonitoringRepository rounds) {
            super(taskKey, phase);
            this.rounds = rounds;
        }

        MonitoringRound round(DelegateTask task) {
            return rounds.byProcessInstance(task.getProcessInstanceId()).orElseThrow();
        }

        /** The certification's current round: rounds run one after the other, each scheduled when the last closed. */
        MonitoringRound round(TaskSubmission s) {
            return rounds.current(s.certificationId()).orElseThrow();
        }

        /** What every form of the round shows on top: which year, when the report is due, what it says. */
        Map<String, Object> header(MonitoringRound round) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("roundNo", round.roundNo());
            vars.put("reportDueDate", round.reportDue().toString());
            vars.put("reportSummary", summary(round, rounds.actions(round.id())));
            return vars;
        }
    }

    static String summary(MonitoringRound round, List<ReportedAction> actions) {
        long carried = actions.stream().filter(ReportedAction::carriedOver).count();
        long due = actions.stream().filter(ReportedAction::due).count();
        long done = actions.stream().filter(a -> a.due() && a.state() == ActionState.DONE).count();
        long late = actions.stream().filter(ReportedAction::lateWithoutReason).count();
        StringBuilder text = new StringBuilder("Anno " + round.roundNo() + ": " + actions.size() + " azioni da rendicontare");
        if (carried > 0) {
            text.append(" (").append(carried).append(" da anni precedenti)");
        }
        text.append(", ").append(due).append(" dovute entro questo rapporto.");
        if (round.submittedAt() != null) {
            text.append(" Realizzate ").append(done).append(" delle dovute; in ritardo senza motivazione ").append(late)
                    .append(". Rapporto presentato il ")
                    .append(LocalDate.ofInstant(round.firstSubmittedAt(), EngineTime.ZONE))
                    .append(Boolean.TRUE.equals(round.reportOnTime()) ? " (puntuale)" : " (in ritardo)")
                    .append(", scadenza ").append(round.reportDue()).append('.');
        } else {
            text.append(" Rapporto atteso entro il ").append(round.reportDue()).append('.');
        }
        return text.toString();
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "%";
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

    static List<Map<String, Object>> indicatorRows(List<ReportedAction> actions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportedAction a : actions) {
            for (IndicatorValue k : a.indicators()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("actionCode", a.code());
                row.put("indicatorNo", k.indicatorNo());
                row.put("indicatorName", k.name());
                if (k.unit() != null) {
                    row.put("unit", k.unit());
                }
                if (k.target() != null) {
                    row.put("target", k.target());
                }
                if (k.measured() != null) {
                    row.put("measuredValue", k.measured());
                }
                rows.add(row);
            }
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
                if (found.put(code + "#" + indicatorNo, new MonitoringRepository.Measurement(code, indicatorNo,
                        (BigDecimal) row.get("measuredValue"))) != null) {
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
