package it.familyaudit.workflow.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the needs questionnaire.
 *
 * @param minGroupSize   results are shown only for groups of at least this many answers; never below
 *                       {@link #SMALLEST_GROUP}: the application refuses to start otherwise
 * @param maxCodes       the most invitation codes one campaign may issue
 * @param publicBaseUrl  the address employees reach the application at (e.g. {@code https://audit.example.it});
 *                       empty: the address of the request that asks for the link
 */
@ConfigurationProperties("family-audit.questionnaire")
public record QuestionnaireProperties(Integer minGroupSize, Integer maxCodes, String publicBaseUrl) {

    static final int SMALLEST_GROUP = 3;

    public QuestionnaireProperties {
        minGroupSize = minGroupSize == null ? 5 : minGroupSize;
        if (minGroupSize < SMALLEST_GROUP) {
            throw new IllegalArgumentException("family-audit.questionnaire.min-group-size must be at least "
                    + SMALLEST_GROUP + ", not " + minGroupSize + ": smaller groups would let people be recognised");
        }
        maxCodes = maxCodes == null ? 20_000 : maxCodes;
        if (maxCodes < 1) {
            throw new IllegalArgumentException("family-audit.questionnaire.max-codes must be positive");
        }
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "");
    }
}
