package it.familyaudit.workflow.inbox;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import java.util.Collection;

/** What the inbox refuses about one task. */
final class InboxRefusals {

    private InboxRefusals() {
    }

    /** No such open task, or one of an organisation the user does not act in. */
    static final class TaskNotFound extends NotFound {

        TaskNotFound() {
            super("Attività", true);
        }
    }

    static final class TaskOfOtherRoles extends NotPermitted {

        TaskOfOtherRoles(Collection<String> roles) {
            super("Questa attività spetta a / This task belongs to: " + String.join(", ", roles));
        }
    }

    static final class TaskOfAnotherProfessional extends NotPermitted {

        TaskOfAnotherProfessional() {
            super("Attività riservata al professionista assegnato / Only the assigned professional may do this");
        }
    }

    static final class TaskAlreadyCompleted extends StateConflict {

        TaskAlreadyCompleted() {
            super("Attività già completata / Task already completed");
        }
    }

    /** Someone else has the task in charge: only they may release it, and nobody else may take it. */
    static final class TaskInAnotherUsersCharge extends StateConflict {

        TaskInAnotherUsersCharge() {
            super("L'attività è già in carico a un'altra persona / Someone else has taken this task");
        }
    }

    /** A task created by hand in Tasklist has no form: it is not for our API. */
    static final class TaskWithoutForm extends StateConflict {

        TaskWithoutForm() {
            super("Questa attività non ha un modulo: si completa in Tasklist / This task has no form: complete it in Tasklist");
        }
    }
}
