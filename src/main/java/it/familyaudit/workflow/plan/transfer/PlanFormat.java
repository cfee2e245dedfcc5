package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanVersion;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The spreadsheet formats a plan travels in; both share one column layout ({@link PlanColumn}). */
public enum PlanFormat {
    CSV(PlanCsv.MEDIA_TYPE, "csv"),
    XLSX(PlanXlsx.MEDIA_TYPE, "xlsx");

    public final MediaType mediaType;
    final String extension;

    PlanFormat(String mediaType, String extension) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
    }

    public PlanImport read(byte[] file) {
        return this == CSV ? PlanCsv.read(file) : PlanXlsx.read(file);
    }

    public byte[] write(PlanVersion version, PlanContent content) {
        return write(version.title(), version.fieldsMandatory(), content);
    }

    /** A plan that is no version yet, such as the empty template; {@code title} may be {@code null}. */
    public byte[] write(String title, boolean fieldsMandatory, PlanContent content) {
        return this == CSV ? PlanCsv.write(title, fieldsMandatory, content)
                : PlanXlsx.write(title, fieldsMandatory, content);
    }

    /** The format a request's Content-Type names ({@code text/csv}, the .xlsx type), if any. */
    public static Optional<PlanFormat> of(MediaType contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (PlanFormat f : values()) {
            if (f.mediaType.isCompatibleWith(contentType)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
