package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationNotActive;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.survey.Campaign.CloseReason;
import it.familyaudit.workflow.survey.Campaign.InvitationMode;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.CampaignNotFound;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.CampaignWithoutCodes;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.CodesAlreadyIssued;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.CodesAlreadyUsed;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.OnlyTheReferentRunsTheQuestionnaire;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.ProcessNotWaitingForQuestionnaire;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.QuestionnaireAlreadyClosed;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.QuestionnaireClosed;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.ResultsBeforeClosing;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.RoleSeesNoQuestionnaire;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import it.familyaudit.workflow.survey.invitations.InvitationSheet;
import it.familyaudit.workflow.survey.results.Finding;
import it.familyaudit.workflow.survey.results.QuestionnaireResults;
import it.familyaudit.workflow.survey.results.ResultsCalculator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaire as the organisation runs it: following a campaign, issuing its codes once,
 * closing it early, and reading its protected results and main needs. Results exist only once the
 * campaign is closed: shown while answers still come in, two looks a minute apart would give away
 * the answers of whoever answered in between.
 */
@Service
public class QuestionnaireService {

    /** Who follows the questionnaire and reads its results; never the evaluator, the council or the administrator. */
    static final Set<String> READERS = Set.of(Roles.REFERENT, Roles.MANAGEMENT, Roles.WORKING_GROUP, Roles.CONSULTANT,
            Roles.AGENCY);

    private final CertificationService certifications;
    private final OrganizationRepository organizations;
    private final CampaignRepository campaigns;
    private final QuestionnaireLifecycle lifecycle;
    private final ResultsCalculator calculator;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final QuestionnaireProperties settings;

    QuestionnaireService(CertificationService certifications, OrganizationRepository organizations,
                         CampaignRepository campaigns, QuestionnaireLifecycle lifecycle, ResultsCalculator calculator,
                         RuntimeService runtime, Timeline timeline, AuditTrail audit, QuestionnaireProperties settings) {
        this.certifications = certifications;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.calculator = calculator;
        this.runtime = runtime;
        this.timeline = timeline;
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public CampaignView view(CurrentUser user, long certificationId, String baseUrl) {
        return view(readable(user, certificationId), baseUrl);
    }

    /**
     * Makes the campaign's codes, keeps only their hashes, and hands them out this once as a ZIP
     * (CSV for mail merge, PDF of slips). Again only with {@code replace}, and only while no code
     * has been used: the new codes replace the old ones, which stop working.
     */
    @Transactional
    public byte[] issueInvitations(CurrentUser user, long certificationId, boolean replace, String baseUrl) {
        Certification certification = referentOf(user, certificationId);
        Campaign campaign = campaign(certificationId);
        if (campaign.mode() != InvitationMode.CODES) {
            throw new CampaignWithoutCodes();
        }
        if (!campaign.isOpen()) {
            throw new QuestionnaireClosed();
        }
        if (campaign.codesIssued() > 0 && !replace) {
            throw new CodesAlreadyIssued(campaign.codesIssuedOn());
        }
        byte[] key = campaigns.codeKey(campaign.id()).orElseThrow();
        List<String> codes = new ArrayList<>(campaign.employeesInvited());
        List<String> hashes = new ArrayList<>(campaign.employeesInvited());
        Set<String> seen = new HashSet<>();
        while (codes.size() < campaign.employeesInvited()) {
            String code = InvitationCodes.newCode();
            String canonical = InvitationCodes.canonical(code).orElseThrow();
            if (seen.add(canonical)) {
                codes.add(code);
                hashes.add(InvitationCodes.hash(key, canonical));
            }
        }
        if (!campaigns.issueCodes(campaign.id(), hashes, EngineTime.today())) {
            throw new QuestionnaireClosed();
        }
        // Checked after the old codes are gone: an answer that raced this call has committed by now.
        if (replace && campaigns.answerCount(campaign.id()) > 0) {
            throw new CodesAlreadyUsed();
        }
        String summary = (replace && campaign.codesIssued() > 0 ? "Codici del questionario sostituiti: " : "Codici del questionario generati: ")
                + codes.size();
        timeline.recordBy(certificationId, "QUESTIONNAIRE_CODES", summary, user.id());
        audit.record(user.id(), AuditAction.QUESTIONNAIRE_CODES_ISSUED, certificationId, null, "questionario",
                codes.size() + " codici");
        String organization = organizations.findById(certification.organizationId()).orElseThrow().name();
        return InvitationSheet.zip(new InvitationSheet.Heading(organization, publicUrl(campaign, baseUrl),
                campaign.opensOn(), campaign.closesOn()), codes);
    }

    /** The referent closes the campaign before its closing date; the process moves on to the plan. */
    @Transactional
    public CampaignView closeEarly(CurrentUser user, long certificationId, String baseUrl) {
        Certification certification = referentOf(user, certificationId);
        Campaign campaign = campaign(certificationId);
        if (!lifecycle.close(campaign, CloseReason.EARLY, user.id())) {
            throw new QuestionnaireAlreadyClosed();
        }
        try {
            runtime.createMessageCorrelation(CertificationProcess.QUESTIONNAIRE_CLOSED_EARLY_MESSAGE)
                    .processInstanceId(certification.processInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ProcessNotWaitingForQuestionnaire();
        }
        return view(campaigns.ofCertification(certificationId).orElseThrow(), baseUrl);
    }

    @Transactional(readOnly = true)
    public QuestionnaireResults results(CurrentUser user, long certificationId) {
        return resultsAndFindings(user, certificationId).results();
    }

    /** The results and their main needs from one computation, for a page that shows both. */
    @Transactional(readOnly = true)
    public ResultsCalculator.Computed resultsAndFindings(CurrentUser user, long certificationId) {
        return computed(closed(readable(user, certificationId)));
    }

    /**
     * The main needs: for the questionnaire's readers, and for the assigned evaluator, who visits
     * with them in hand (aggregates of at least the minimum group, as every figure published).
     */
    @Transactional(readOnly = true)
    public List<Finding> findings(CurrentUser user, long certificationId) {
        if (user.has(Roles.EVALUATOR) && !user.hasAny(READERS)) {
            certifications.visible(user, certificationId);
            return computed(closed(campaign(certificationId))).findings();
        }
        return computed(closed(readable(user, certificationId))).findings();
    }

    /**
     * The main needs of a certification's closed questionnaire, for the plan drafting task (the
     * caller checks who asks); none while the campaign is open or when it had too few answers.
     */
    @Transactional(readOnly = true)
    public List<Finding> mainNeeds(long certificationId) {
        return campaigns.ofCertification(certificationId).filter(c -> !c.isOpen())
                .map(c -> calculator.compute(c).findings()).orElse(List.of());
    }

    /** The main needs as Italian lines, e.g. for a read-only field of the plan drafting form. */
    @Transactional(readOnly = true)
    public String mainNeedsText(long certificationId) {
        List<Finding> needs = mainNeeds(certificationId);
        return needs.isEmpty() ? "Nessun risultato del questionario da mostrare"
                : needs.stream().map(Finding::italian).collect(Collectors.joining("\n"));
    }

    private ResultsCalculator.Computed computed(Campaign campaign) {
        return calculator.compute(campaign);
    }

    private CampaignView view(Campaign c, String baseUrl) {
        List<CampaignView.Day> days = new ArrayList<>();
        int total = 0;
        for (CampaignRepository.DayCount d : campaigns.answersByDay(c.id())) {
            total += d.answers();
            days.add(new CampaignView.Day(d.day(), d.answers(), total));
        }
        Double rate = c.employeesInvited() == 0 ? null : Math.round(1000.0 * total / c.employeesInvited()) / 1000.0;
        String note = c.mode() == InvitationMode.LINK
                ? "Link condiviso: una persona potrebbe rispondere più volte (lo stesso browser non può) / Shared link:"
                + " one person could answer more than once (not from the same browser)"
                : c.codesIssued() == 0 && c.isOpen()
                ? "Codici non ancora generati: POST .../questionnaire/invitations (una sola volta) / Codes not issued yet"
                : null;
        return new CampaignView(c.certificationId(), c.status().name(), c.mode().name(), c.opensOn(), c.closesOn(),
                c.employeesInvited(), total, rate, days, c.codesIssued(), c.codesIssuedOn(), publicUrl(c, baseUrl),
                c.closedOn(), c.closedBy(), c.closeReason() == null ? null : c.closeReason().name(),
                settings.minGroupSize(), note);
    }

    private String publicUrl(Campaign c, String baseUrl) {
        String base = settings.publicBaseUrl() != null ? settings.publicBaseUrl() : baseUrl;
        return base + "/questionario/" + c.publicToken();
    }

    private Campaign readable(CurrentUser user, long certificationId) {
        certifications.visible(user, certificationId);
        if (!user.hasAny(READERS)) {
            throw new RoleSeesNoQuestionnaire();
        }
        return campaign(certificationId);
    }

    private Certification referentOf(CurrentUser user, long certificationId) {
        Certification c = certifications.visible(user, certificationId);
        if (!user.has(Roles.REFERENT)) {
            throw new OnlyTheReferentRunsTheQuestionnaire();
        }
        if (!c.isActive()) {
            throw new CertificationNotActive(certificationId);
        }
        return c;
    }

    private Campaign campaign(long certificationId) {
        return campaigns.ofCertification(certificationId)
                .orElseThrow(CampaignNotFound::new);
    }

    private static Campaign closed(Campaign c) {
        if (c.isOpen()) {
            throw new ResultsBeforeClosing();
        }
        return c;
    }
}
