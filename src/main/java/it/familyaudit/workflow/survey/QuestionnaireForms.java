package it.familyaudit.workflow.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.familyaudit.workflow.tasks.FormRegistry;
import org.springframework.stereotype.Component;

/**
 * The questionnaire a new campaign asks ({@code forms/needs-questionnaire.form}, checked at
 * start-up so a broken edit is found before any campaign opens) and the questions of each
 * campaign, parsed once from the copy the campaign keeps.
 */
@Component
public class QuestionnaireForms {

    static final String FORM_ID = "needs-questionnaire";

    private final FormRegistry forms;
    private final CampaignRepository campaigns;
    private final ObjectMapper json;
    private final Cache<Long, Questionnaire> byCampaign = Caffeine.newBuilder().maximumSize(500).build();

    QuestionnaireForms(FormRegistry forms, CampaignRepository campaigns, ObjectMapper json) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.json = json;
        Questionnaire.parse(current());
    }

    /** The questions as they are now, as JSON text for a new campaign to keep. */
    String currentJson() {
        return current().toString();
    }

    public Questionnaire of(long campaignId) {
        return byCampaign.get(campaignId, id -> parse(campaigns.questions(id)));
    }

    private JsonNode current() {
        return forms.get(FORM_ID).json();
    }

    private Questionnaire parse(String text) {
        try {
            return Questionnaire.parse(json.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A campaign keeps questions that are not JSON", e);
        }
    }
}
