package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import it.familyaudit.workflow.survey.Campaign.InvitationMode;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The referent opens the questionnaire campaign; its completion records the campaign (dates, employees involved,
 * how they are invited, the current questionnaire) and when it closes.
 */
@Component
final class OpenQuestionnaireCampaign extends CertificationStep {

    /** A campaign runs for at most this many days. */
    static final int MAX_DAYS = 90;

    private final CampaignRepository campaigns;
    private final Certifications certifications;
    private final QuestionnaireForms forms;
    private final QuestionnaireProperties settings;

    OpenQuestionnaireCampaign(CampaignRepository campaigns, Certifications certifications,
                              QuestionnaireForms forms, QuestionnaireProperties settings) {
        super(CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN, Phase.NEEDS_SURVEY);
        this.campaigns = campaigns;
        this.certifications = certifications;
        this.forms = forms;
        this.settings = settings;
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        Integer employees = certifications.get(certificationId).employeesInvolved();
        return employees == null ? Map.of() : Map.of("employeesInvited", employees.longValue());
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        FormValues v = s.values();
        LocalDate opens = v.date("opensOn");
        LocalDate closes = v.date("closesOn");
        if (opens != null && opens.isBefore(EngineTime.today())) {
            errors.add(new FieldError("opensOn", "La data di apertura non può essere già passata"));
        }
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add(new FieldError("closesOn", "La chiusura non può precedere l'apertura"));
        } else if (opens != null && closes != null && closes.isAfter(opens.plusDays(MAX_DAYS))) {
            errors.add(new FieldError("closesOn", "La campagna dura al massimo " + MAX_DAYS + " giorni"));
        }
        Integer employees = v.integer("employeesInvited");
        if (employees != null && "codes".equals(v.text("invitationMode")) && employees > settings.maxCodes()) {
            errors.add(new FieldError("employeesInvited", "Con i codici al massimo " + settings.maxCodes()
                    + " dipendenti per campagna: oltre, usare il link condiviso"));
        }
        if (campaigns.ofCertification(s.certificationId()).isPresent()) {
            errors.add(new FieldError("opensOn", "Il questionario di questo ciclo è già stato aperto"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        FormValues v = s.values();
        InvitationMode mode = InvitationMode.valueOf(v.text("invitationMode").toUpperCase(Locale.ROOT));
        LocalDate closes = v.date("closesOn");
        Campaign c = campaigns.create(s.certificationId(), InvitationCodes.newPublicToken(), v.date("opensOn"),
                closes, v.integer("employeesInvited"), mode, forms.currentJson(), InvitationCodes.newKey(), s.actor());
        String summary = "Questionario aperto dal " + c.opensOn() + " al " + c.closesOn() + " per "
                + c.employeesInvited() + " dipendenti, "
                + (mode == InvitationMode.CODES ? "con codici personali monouso" : "con un link condiviso");
        return new StepOutcome(null, summary, Map.of(CertificationProcess.QUESTIONNAIRE_CLOSES_AT,
                EngineTime.startOf(closes.plusDays(1))));
    }
}
