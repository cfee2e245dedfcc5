package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.plan.PlanComparison;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.plan.transfer.PlanFormat;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan's versions side by side, and as spreadsheets: what changed from one version to another,
 * for management approving a plan and the evaluator reviewing it; each version as .xlsx and CSV,
 * and the empty template, for whoever sees the plan (the plan's service decides, as on the API).
 */
@Controller
class PlanVersions {

    private final PlanService plans;
    private final CertificationService certifications;
    private final CurrentUsers users;

    PlanVersions(PlanService plans, CertificationService certifications, CurrentUsers users) {
        this.plans = plans;
        this.certifications = certifications;
        this.users = users;
    }

    static String comparisonPath(long certificationId, int from, int to) {
        return "/certificazioni/" + certificationId + "/piano/confronto?da=" + from + "&a=" + to;
    }

    /**
     * Version {@code da} against version {@code a}. Without {@code a}, the newest version; without
     * {@code da}, the version before {@code a} (the first version is compared with the one after it).
     * A version that does not exist is the plan's own 404.
     */
    @GetMapping("/certificazioni/{id}/piano/confronto")
    String compare(@PathVariable long id, @RequestParam(name = "da", required = false) Integer from,
                   @RequestParam(name = "a", required = false) Integer to, Model model) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        List<PlanView.Version> versions = plans.versions(user, id).stream()
                .sorted(Comparator.comparingInt(PlanView.Version::versionNo)).toList();
        model.addAttribute("certification", c);
        model.addAttribute("versions", versions);
        if (versions.size() < 2 && (from == null || to == null)) {
            return "portal/plan-compare";
        }
        List<Integer> numbers = versions.stream().map(PlanView.Version::versionNo).toList();
        int asked = to != null ? to : numbers.get(numbers.size() - 1);
        Integer earlier = numbers.stream().filter(n -> n < asked).reduce((a, b) -> b).orElse(null);
        Integer later = numbers.stream().filter(n -> n > asked).findFirst().orElse(asked);
        int before = from != null ? from : earlier != null ? earlier : asked;
        int after = from == null && earlier == null ? later : asked;
        PlanView older = plans.version(user, id, before);
        PlanView newer = plans.version(user, id, after);
        model.addAttribute("before", older.version());
        model.addAttribute("after", newer.version());
        model.addAttribute("changes", PlanComparison.of(older, newer));
        return "portal/plan-compare";
    }

    @GetMapping("/certificazioni/{id}/piano/{versionNo}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable int versionNo) {
        return file(plans.export(users.current(), id, versionNo, PlanFormat.XLSX), PlanFormat.XLSX,
                "piano-" + id + "-v" + versionNo + ".xlsx");
    }

    @GetMapping("/certificazioni/{id}/piano/{versionNo}.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable int versionNo) {
        return file(plans.export(users.current(), id, versionNo, PlanFormat.CSV), PlanFormat.CSV,
                "piano-" + id + "-v" + versionNo + ".csv");
    }

    @GetMapping("/certificazioni/{id}/piano/modello.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(@PathVariable long id) {
        return file(plans.template(users.current(), id, PlanFormat.XLSX), PlanFormat.XLSX, "modello-piano.xlsx");
    }

    @GetMapping("/certificazioni/{id}/piano/modello.csv")
    ResponseEntity<byte[]> csvTemplate(@PathVariable long id) {
        return file(plans.template(users.current(), id, PlanFormat.CSV), PlanFormat.CSV, "modello-piano.csv");
    }

    private static ResponseEntity<byte[]> file(byte[] body, PlanFormat format, String name) {
        return ResponseEntity.ok().contentType(format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
