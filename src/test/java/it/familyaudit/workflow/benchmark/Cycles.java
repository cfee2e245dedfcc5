package it.familyaudit.workflow.benchmark;

import static it.familyaudit.workflow.benchmark.Bench.complete;
import static it.familyaudit.workflow.benchmark.Bench.user;

import it.familyaudit.workflow.support.ApiDriver;
import java.time.LocalDate;
import java.util.Map;

/** The organisations and the certification cycle the benchmarks drive over HTTP, as the people involved click them. */
final class Cycles {

    private Cycles() {
    }

    /** A new organisation {@code org} with its referent ({@code ref-org}), management and working-group users. */
    static String organisation(Http http, String org) throws Exception {
        http.post("agency", "agency-demo", "/api/organizations", Map.of("code", org, "name", "Comune " + org,
                "kind", "MUNICIPALITY"));
        user(http, org, "ref-" + org, "referent");
        user(http, org, "mgm-" + org, "management");
        user(http, org, "wg-" + org, "working-group");
        return org;
    }

    /** One certification of {@code org} from application to issued certificate, its kick-off today; returns its id. */
    static long certify(Http http, String org, String consultant, String evaluator) throws Exception {
        return certify(http, org, consultant, evaluator, LocalDate.now());
    }

    /** One certification of {@code org} from application to issued certificate, its kick-off on {@code kickoff}. */
    static long certify(Http http, String org, String consultant, String evaluator, LocalDate kickoff) throws Exception {
        String ref = "ref-" + org;
        String mgm = "mgm-" + org;
        String wg = "wg-" + org;
        String pw = ApiDriver.PASSWORD;
        long id = http.post(ref, pw, "/api/certifications", null).path("id").asLong();
        complete(http, id, ref, pw, "SubmitApplicationTask", ApiDriver.application(120));
        complete(http, id, "agency", "agency-demo", "RecordPaymentTask", ApiDriver.payment(1000));
        complete(http, id, "agency", "agency-demo", "AssignProfessionalsTask", ApiDriver.professionals(consultant, evaluator));
        complete(http, id, consultant, pw, "RecordKickoffWorkshopTask", ApiDriver.kickoff(kickoff));
        complete(http, id, mgm, pw, "FormWorkingGroupTask", ApiDriver.workingGroup());
        complete(http, id, ref, pw, "OpenQuestionnaireCampaignTask", ApiDriver.questionnaireCampaign());
        http.post(ref, pw, "/api/certifications/" + id + "/questionnaire/closure", null);
        http.put(wg, pw, "/api/certifications/" + id + "/plan/draft", ApiDriver.smallPlan());
        complete(http, id, wg, pw, "DraftPlanTask", ApiDriver.plan());
        complete(http, id, mgm, pw, "ApprovePlanTask", ApiDriver.approval());
        complete(http, id, evaluator, pw, "RecordEvaluationVisitTask", ApiDriver.evaluation("positive"));
        complete(http, id, "council", "council-demo", "DecideCertificationTask", ApiDriver.council("grant"));
        // The certificate is issued with the council's decision: the first look finds it.
        for (int poll = 0; poll < 2000; poll++) {
            if ("CERTIFIED".equals(http.get("agency", "agency-demo", "/api/certifications/" + id).path("status").asText())) {
                return id;
            }
        }
        throw new IllegalStateException("Certification " + id + " was not certified");
    }
}
