package it.familyaudit.workflow.survey.results;

import org.springframework.modulith.NamedInterface;

/**
 * A main need the questionnaire found, for the working group drafting the plan; an action of the
 * plan cites it by {@code code} (its {@code findingRef}).
 *
 * @param code      stable within the campaign: {@code Q-<question>-<option>} for a wanted measure or
 *                  service, {@code Q-<question>} for a rating
 * @param kind      {@code MOST_WANTED}: among the options most ticked; {@code LOW_RATING}: among the
 *                  ratings with the largest share of unfavourable answers (the two lowest marks)
 * @param count     answers behind the share
 * @param base      answers the share is of (all respondents, or those who gave a rating)
 * @param share     count / base, 0..1
 */
@NamedInterface("results")
public record Finding(String code, String kind, String questionKey, String question, String answer, long count,
                      long base, double share) {

    /** One Italian line, e.g. {@code [Q-servizi-centri-estivi] Centri estivi per i figli: 62% (50 su 80)}. */
    public String italian() {
        return "[" + code + "] " + question + (answer == null ? "" : ": " + answer) + " — "
                + Math.round(share * 100) + "% (" + count + " su " + base + ")";
    }
}
