package it.familyaudit.workflow.workinggroup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Whether a working group mirrors the staff: a group of one gender, one age band, one job
 * category or one kind of contract gets a warning. It never blocks: a small body may have no choice.
 */
final class Representativeness {

    /** The rules suggest about ten members; fewer than this is worth a word. */
    static final int SUGGESTED_MINIMUM = 5;

    private Representativeness() {
    }

    static List<String> warnings(List<WorkingGroupMember> members) {
        List<String> warnings = new ArrayList<>();
        if (members.size() < SUGGESTED_MINIMUM) {
            warnings.add("il gruppo ha solo " + members.size() + " membri (ne sono consigliati circa 10)");
        }
        if (members.size() > 1) {
            single(members, WorkingGroupMember::gender, "un solo genere", warnings);
            single(members, WorkingGroupMember::ageBand, "una sola fascia di età", warnings);
            single(members, WorkingGroupMember::jobCategory, "una sola categoria professionale", warnings);
            single(members, WorkingGroupMember::contractType, "un solo tipo di contratto", warnings);
        }
        return warnings;
    }

    private static void single(List<WorkingGroupMember> members, Function<WorkingGroupMember, String> trait,
                               String what, List<String> warnings) {
        if (members.stream().map(trait).distinct().count() == 1) {
            warnings.add("tutti i membri hanno " + what);
        }
    }
}
