package it.familyaudit.workflow.survey.results;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The results of a closed campaign as the API serves them: aggregates only, every figure of a
 * group smaller than the minimum (or that would give one away) replaced by {@code null} with
 * {@code hidden: true}. Free texts come without any profile.
 *
 * <p>This record, each record in it and {@link Finding} make the module's named interface
 * {@code results}: what {@code QuestionnaireService} hands to the ways in (the API, the portal's
 * pages). Named type by type, as nested types are not included with their outer one, because the
 * rest of this package (the calculator, the suppression) is the module's own.
 *
 * @param shown  false when the campaign had too few answers for anything to be shown
 */
@NamedInterface("results")
public record QuestionnaireResults(long certificationId, int minGroupSize, int respondents, int employeesInvited,
                                   Double responseRate, boolean shown, String note, List<QuestionResult> questions,
                                   List<TextAnswers> texts) {

    /**
     * @param kind  {@code single} (one answer), {@code multiple} (a checklist: counts are of those who
     *              ticked each option, shares of all respondents)
     */
    @NamedInterface("results")
    public record QuestionResult(String key, String label, String labelEn, String kind, boolean profile,
                                 List<Count> overall, List<Breakdown> breakdowns) {
    }

    /** One figure: {@code count} and {@code share} are null when hidden. */
    @NamedInterface("results")
    public record Count(String value, String label, String labelEn, Long count, Double share, boolean hidden) {
    }

    /** The answers of each group of one profile question. */
    @NamedInterface("results")
    public record Breakdown(String by, String label, String labelEn, List<Group> groups) {
    }

    @NamedInterface("results")
    public record Group(String value, String label, String labelEn, Long respondents, boolean hidden, List<Count> counts) {
    }

    /** What employees wrote, in alphabetical order, without profile, day or anything else. */
    @NamedInterface("results")
    public record TextAnswers(String key, String label, String labelEn, List<String> texts) {
    }
}
