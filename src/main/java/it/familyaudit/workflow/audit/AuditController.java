package it.familyaudit.workflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.audit.AuditRefusals.AuditTrailForTheAgencyOnly;
import it.familyaudit.workflow.audit.AuditRefusals.PeriodEndsBeforeItStarts;
import it.familyaudit.workflow.audit.AuditRefusals.PeriodOutOfCalendar;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.refusal.PageOutOfRange;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole audit trail, for the agency and for administrators (failed logins and role changes
 * concern no single certification). Each certification's own events are under
 * {@code /api/certifications/{id}/audit} for those who may see the certification.
 */
@Tag(name = "Registro di controllo / Audit trail", description = "Il registro di tutte le certificazioni, per l'ente / The whole audit trail, for the agency")
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE = 1000;
    private static final Set<String> READERS = Set.of(Roles.AGENCY, Roles.ADMIN);

    private final AuditTrail audit;
    private final CurrentUsers users;

    AuditController(AuditTrail audit, CurrentUsers users) {
        this.audit = audit;
        this.users = users;
    }

    /** A page of events from {@code from} (inclusive) to {@code to} (inclusive), after the event id {@code after}. */
    @Operation(summary = "Il registro di un periodo, a pagine / The audit trail of a period, paged",
            description = "Solo ente e consiglio. / Agency and council only.")
    @GetMapping
    @Transactional(readOnly = true)
    List<AuditEvent> page(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(defaultValue = "0") long after,
                          @RequestParam(defaultValue = "200") int size) {
        allowed(users.current());
        if (size < 1 || size > MAX_PAGE) {
            throw new PageOutOfRange("1 <= size <= " + MAX_PAGE);
        }
        return audit.between(start(from), end(from, to), after, size);
    }

    /** Every event of the period as CSV, streamed page by page. */
    @Operation(summary = "Il registro di un periodo in CSV / The audit trail of a period as CSV",
            description = "Solo ente e consiglio. / Agency and council only.")
    @GetMapping(value = "/export.csv")
    @Transactional(readOnly = true)
    void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        allowed(users.current());
        Instant start = start(from);
        Instant end = end(from, to);
        response.setContentType(AuditCsv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + to + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = AuditCsv.open(out);
        long after = 0;
        List<AuditEvent> page;
        do {
            page = audit.between(start, end, after, MAX_PAGE);
            AuditCsv.write(csv, page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == MAX_PAGE);
        csv.flush();
    }

    private static void allowed(CurrentUser user) {
        if (!user.hasAny(READERS)) {
            throw new AuditTrailForTheAgencyOnly();
        }
    }

    private static Instant start(LocalDate from) {
        if (!EngineTime.withinCalendar(from)) {
            throw new PeriodOutOfCalendar();
        }
        return from.atStartOfDay(EngineTime.ZONE).toInstant();
    }

    private static Instant end(LocalDate from, LocalDate to) {
        if (!EngineTime.withinCalendar(to)) {
            throw new PeriodOutOfCalendar();
        }
        if (to.isBefore(from)) {
            throw new PeriodEndsBeforeItStarts();
        }
        return to.plusDays(1).atStartOfDay(EngineTime.ZONE).toInstant();
    }
}
