package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a cycle stands as a row of stages (the portal draws it as a stepper): the stages of its
 * kind, each done (with the day its last step was completed), current or still to come.
 *
 * @param ended the cycle stopped before its end (withdrawn, denied, revoked, closed): no stage is current
 */
public record CycleProgress(List<Stage> stages, boolean ended) {

    public enum State { DONE, CURRENT, TO_COME }

    /**
     * @param key  the stage's name, for the words of each language ({@code PLAN}, {@code EVALUATION} …)
     * @param date the day the stage was completed, for a stage that is done and has a person's step
     */
    public record Stage(String key, State state, LocalDate date) {
    }

    /** A stage of the cycle: the phases it covers and the tasks whose completion closes it. */
    private enum Of {
        APPLICATION(EnumSet.of(Phase.APPLICATION), Set.of(CertificationProcess.SUBMIT_APPLICATION)),
        PAYMENT(EnumSet.of(Phase.PAYMENT), Set.of(CertificationProcess.RECORD_PAYMENT)),
        ASSIGNMENT(EnumSet.of(Phase.ASSIGNMENT), Set.of(CertificationProcess.ASSIGN_PROFESSIONALS,
                CertificationProcess.ASSIGN_EVALUATOR, CertificationProcess.CHOOSE_CONSULTANT)),
        KICKOFF(EnumSet.of(Phase.KICKOFF), Set.of(CertificationProcess.RECORD_KICKOFF_WORKSHOP)),
        WORKING_GROUP(EnumSet.of(Phase.WORKING_GROUP), Set.of(CertificationProcess.FORM_WORKING_GROUP)),
        SURVEY(EnumSet.of(Phase.NEEDS_SURVEY), Set.of(CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN)),
        PLAN(EnumSet.of(Phase.PLAN_DRAFTING, Phase.PLAN_APPROVAL),
                Set.of(CertificationProcess.APPROVE_PLAN)),
        EVALUATION(EnumSet.of(Phase.EVALUATION), Set.of(CertificationProcess.RECORD_EVALUATION_VISIT)),
        COUNCIL(EnumSet.of(Phase.COUNCIL_DECISION), Set.of(CertificationProcess.DECIDE_CERTIFICATION)),
        MONITORING(EnumSet.of(Phase.CERTIFIED, Phase.MONITORING, Phase.MONITORING_REPORT,
                Phase.MONITORING_APPROVAL, Phase.MONITORING_AUDIT, Phase.MONITORING_DECISION, Phase.CORRECTIVE_MEASURES,
                Phase.PLAN_RECOGNITION), Set.of(CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT)),
        EXECUTIVE(EnumSet.of(Phase.EXECUTIVE), Set.of());

        private final Set<Phase> phases;
        private final Set<String> closingTasks;

        Of(Set<Phase> phases, Set<String> closingTasks) {
            this.phases = phases;
            this.closingTasks = closingTasks;
        }
    }

    private static final List<Of> FIRST_CYCLE = List.of(Of.values());
    private static final List<Of> MAINTENANCE = List.of(Of.APPLICATION, Of.PAYMENT, Of.ASSIGNMENT, Of.MONITORING);


    public static CycleProgress of(CertificationView view) {
        List<Of> stages = CycleKind.MAINTENANCE.name().equals(view.kind()) ? MAINTENANCE : FIRST_CYCLE;
        Phase phase = Phase.valueOf(view.phase());
        int current = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).phases.contains(phase)) {
                current = i;
            }
        }
        if (phase == Phase.EXECUTIVE) {
            current = stages.size(); // every stage done, the Executive reached
        }
        boolean ended = current < 0;
        List<Stage> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Of stage = stages.get(i);
            LocalDate closed = lastCompletion(view, stage.closingTasks);
            State state;
            if (ended) {
                // A cycle that ended early (withdrawn, denied, revoked): what it completed, nothing current.
                state = closed != null ? State.DONE : State.TO_COME;
            } else {
                state = i < current ? State.DONE : i == current ? State.CURRENT : State.TO_COME;
            }
            out.add(new Stage(stage.name(), state, state == State.DONE ? closed : null));
        }
        return new CycleProgress(List.copyOf(out), ended);
    }

    private static LocalDate lastCompletion(CertificationView view, Set<String> tasks) {
        Instant last = null;
        for (TimelineEntry e : view.timeline()) {
            if (e.taskKey() != null && tasks.contains(e.taskKey()) && (last == null || e.occurredAt().isAfter(last))) {
                last = e.occurredAt();
            }
        }
        return last == null ? null : LocalDate.ofInstant(last, EngineTime.ZONE);
    }

    /** The stage in progress, or {@code null} once the cycle has ended. */
    public Stage current() {
        return stages.stream().filter(s -> s.state() == State.CURRENT).findFirst().orElse(null);
    }
}
