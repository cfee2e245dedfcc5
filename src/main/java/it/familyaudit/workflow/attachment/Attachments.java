package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.attachment.AttachmentKind.Target;
import it.familyaudit.workflow.attachment.AttachmentRefusals.ActionCodeMalformed;
import it.familyaudit.workflow.attachment.AttachmentRefusals.ActionNotForThisKind;
import it.familyaudit.workflow.attachment.AttachmentRefusals.ActionRequired;
import it.familyaudit.workflow.attachment.AttachmentRefusals.AttachmentNotFound;
import it.familyaudit.workflow.attachment.AttachmentRefusals.EmptyFile;
import it.familyaudit.workflow.attachment.AttachmentRefusals.EvidenceBeforeMonitoring;
import it.familyaudit.workflow.attachment.AttachmentRefusals.FileTooLarge;
import it.familyaudit.workflow.attachment.AttachmentRefusals.NoFileSent;
import it.familyaudit.workflow.attachment.AttachmentRefusals.NotAllowedToAttach;
import it.familyaudit.workflow.attachment.AttachmentRefusals.UnreadableUpload;
import it.familyaudit.workflow.attachment.AttachmentRefusals.UploadsCollided;
import it.familyaudit.workflow.attachment.AttachmentRefusals.YearNotForThisKind;
import it.familyaudit.workflow.attachment.AttachmentRefusals.YearOutOfRange;
import it.familyaudit.workflow.attachment.AttachmentRefusals.YearRequired;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files attached to a certification: who may attach which kind, the checks every file passes, its
 * versions, and reading them back. Whoever may see the certification may list and download its
 * files ({@link CertificationService#visible}, 404 for anyone else).
 *
 * <p>Nothing is ever replaced: a file attached again under the same kind, year and action is the
 * next version of that series, and the earlier ones stay. A file is stored with its audit event in
 * one transaction, so a refused or failed upload leaves nothing behind.
 */
@Service
public class Attachments {

    /** Cycles run at most ten years of monitoring (family-audit.cycles.*). */
    static final int MAX_YEAR = 10;
    /** {@code 1.1}, {@code 4.2.1}: as the plan numbers its actions. */
    private static final Pattern ACTION_CODE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}");
    /**
     * Uploads of one series at the same moment may read the same next version; the unique key lets
     * one in and the others start again. Each attempt loses to at most the uploads that were faster.
     */
    private static final int ATTEMPTS = 8;
    /** Latest version first within its series; the series in the order of the cycle. */
    private static final Comparator<AttachmentView> ORDER = Comparator
            .comparing(AttachmentView::kind)
            .thenComparing(AttachmentView::roundNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AttachmentView::actionCode, Comparator.nullsFirst(Attachments::compareCodes))
            .thenComparing(Comparator.comparingInt(AttachmentView::versionNo).reversed());

    private final AttachmentRepository attachments;
    private final CertificationService certifications;
    private final OrganizationRepository organizations;
    private final AuditTrail audit;
    private final AttachmentProperties properties;
    private final TransactionTemplate oneTransaction;

    Attachments(AttachmentRepository attachments, CertificationService certifications,
                OrganizationRepository organizations, AuditTrail audit, AttachmentProperties properties,
                PlatformTransactionManager transactions) {
        this.attachments = attachments;
        this.certifications = certifications;
        this.organizations = organizations;
        this.audit = audit;
        this.properties = properties;
        this.oneTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Checks and stores a file as the next version of its series, with its audit event. Runs its
     * own transactions (one per attempt): not to be called inside another.
     *
     * @throws it.familyaudit.workflow.refusal.Refusal 404 for a certification the user may not see,
     *         403 for a kind that is not theirs to attach, 400 for a bad year, action, name or type
     *         or an empty file, 413 for a file over the limit, 409 for evidence before the monitoring
     *         years
     */
    public AttachmentView attach(CurrentUser user, long certificationId, AttachmentUpload upload) {
        Certification c = certifications.visible(user, certificationId);
        AttachmentKind kind = AttachmentKind.parse(upload.kind());
        if (!permitted(user, c).contains(kind)) {
            throw notAllowed(kind);
        }
        Integer roundNo = year(kind, upload.roundNo());
        String actionCode = action(kind, upload.actionCode());
        if (kind == AttachmentKind.ACTION_EVIDENCE && c.monitoringStart() == null) {
            throw new EvidenceBeforeMonitoring();
        }
        byte[] content = read(upload);
        FileType type = FileType.of(content);
        String name = FileNames.stored(upload.fileName(), type);
        String sha256 = sha256(content);
        for (int attempt = 1; ; attempt++) {
            try {
                return oneTransaction.execute(tx -> store(user, c.id(), kind, roundNo, actionCode, name, type,
                        content, sha256));
            } catch (DuplicateKeyException takenMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new UploadsCollided();
                }
            }
        }
    }

    /** Every version of every file of the certification: by kind, year and action, the latest version first. */
    public List<AttachmentView> list(CurrentUser user, long certificationId) {
        certifications.visible(user, certificationId);
        return attachments.ofCertification(certificationId).stream().sorted(ORDER).toList();
    }

    /** One version of a file, with its content. */
    public AttachmentFile file(CurrentUser user, long certificationId, long attachmentId) {
        certifications.visible(user, certificationId);
        AttachmentView a = attachments.find(certificationId, attachmentId).orElseThrow(AttachmentNotFound::new);
        return new AttachmentFile(a.fileName(), a.mediaType(), attachments.content(a.id()),
                FileNames.contentDisposition(a.fileName()));
    }

    /**
     * The kinds this user may attach to this certification now, for an upload form: those of their
     * roles, without evidence of actions before the monitoring years.
     */
    public Set<AttachmentKind> kindsFor(CurrentUser user, long certificationId) {
        Certification c = certifications.visible(user, certificationId);
        Set<AttachmentKind> kinds = permitted(user, c);
        if (c.monitoringStart() == null) {
            kinds.remove(AttachmentKind.ACTION_EVIDENCE);
        }
        return kinds;
    }

    /** The largest file accepted, as people write it ("20 MB"). */
    public String maxSize() {
        return properties.maxSizeText();
    }

    /** What a file input may offer: ".pdf,.png,…". */
    public String accepted() {
        return FileType.acceptList();
    }

    /** "PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS". */
    public String acceptedNames() {
        return FileType.allowedNames();
    }

    /**
     * The organisation (its referent, management and working group) attaches what it produces; the
     * assigned consultant, who moderates the kick-off workshop, its minutes too; the assigned
     * evaluator the evaluation report; the agency and the council the council's decision; any of
     * them other documents.
     */
    private Set<AttachmentKind> permitted(CurrentUser user, Certification c) {
        boolean organisation = user.hasAny(Roles.ORGANISATION_ROLES) && organizations.findById(c.organizationId())
                .map(Organization::code).filter(user.tenants()::contains).isPresent();
        boolean consultant = c.assignment().lets(user.id(), user.groups(), Set.of(Roles.CONSULTANT));
        boolean evaluator = c.assignment().lets(user.id(), user.groups(), Set.of(Roles.EVALUATOR));
        boolean agency = user.hasAny(Roles.AGENCY_ROLES);
        Set<AttachmentKind> kinds = EnumSet.noneOf(AttachmentKind.class);
        for (AttachmentKind kind : AttachmentKind.values()) {
            boolean may = switch (kind) {
                case APPLICATION_RESOLUTION, ACTION_EVIDENCE -> organisation;
                case WORKSHOP_MINUTES -> organisation || consultant;
                case EVALUATION_REPORT -> evaluator;
                case COUNCIL_DECISION -> agency;
                case OTHER -> organisation || consultant || evaluator || agency;
            };
            if (may) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static NotAllowedToAttach notAllowed(AttachmentKind kind) {
        return switch (kind) {
            case APPLICATION_RESOLUTION, ACTION_EVIDENCE -> new NotAllowedToAttach(kind,
                    "l'organizzazione (referente interno, gruppo di direzione, gruppo di lavoro)",
                    "the organisation (internal referent, management, working group)");
            case WORKSHOP_MINUTES -> new NotAllowedToAttach(kind, "l'organizzazione o il consulente assegnato",
                    "the organisation or the assigned consultant");
            case EVALUATION_REPORT -> new NotAllowedToAttach(kind, "il valutatore assegnato", "the assigned evaluator");
            case COUNCIL_DECISION -> new NotAllowedToAttach(kind, "l'ente di certificazione o il Consiglio dell'Audit",
                    "the certifying agency or the audit council");
            case OTHER -> new NotAllowedToAttach(kind, "chi partecipa al percorso", "those who take part in the cycle");
        };
    }

    private AttachmentView store(CurrentUser user, long certificationId, AttachmentKind kind, Integer roundNo,
                                 String actionCode, String name, FileType type, byte[] content, String sha256) {
        int version = attachments.nextVersion(certificationId, kind, roundNo, actionCode);
        AttachmentView row = new AttachmentView(0, certificationId, kind, roundNo, actionCode, version, name,
                type.mediaType(), content.length, sha256, user.id(), EngineTime.now().truncatedTo(ChronoUnit.MILLIS));
        long id = attachments.insert(row, content);
        audit.record(user.id(), AuditAction.DOCUMENT_ATTACHED, certificationId, null, name,
                kind.italian() + (roundNo == null ? "" : ", anno " + roundNo)
                        + (actionCode == null ? "" : ", azione " + actionCode) + ", versione " + version + ": «"
                        + name + "», " + content.length + " byte, SHA-256 " + sha256);
        return new AttachmentView(id, row.certificationId(), kind, roundNo, actionCode, version, name, row.mediaType(),
                row.sizeBytes(), sha256, row.uploadedBy(), row.uploadedAt());
    }

    private static Integer year(AttachmentKind kind, String given) {
        String value = given == null || given.isBlank() ? null : given.strip();
        if (value == null) {
            if (kind.year() == Target.REQUIRED) {
                throw new YearRequired(kind);
            }
            return null;
        }
        if (kind.year() == Target.NONE) {
            throw new YearNotForThisKind(kind);
        }
        try {
            int year = Integer.parseInt(value);
            if (year >= 1 && year <= MAX_YEAR) {
                return year;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the value as given
        }
        throw new YearOutOfRange(value, MAX_YEAR);
    }

    private static String action(AttachmentKind kind, String given) {
        String value = given == null || given.isBlank() ? null : given.strip();
        if (value == null) {
            if (kind.action() == Target.REQUIRED) {
                throw new ActionRequired(kind);
            }
            return null;
        }
        if (kind.action() == Target.NONE) {
            throw new ActionNotForThisKind(kind);
        }
        if (!ACTION_CODE.matcher(value).matches()) {
            throw new ActionCodeMalformed(value);
        }
        return value;
    }

    /** The bytes, refused when there are none or more than the limit, before more is read than the limit. */
    private byte[] read(AttachmentUpload upload) {
        // A form submitted without choosing a file sends an empty part without a name.
        boolean unnamedAndEmpty = upload.size() == 0 && (upload.fileName() == null || upload.fileName().isBlank());
        if (upload.content() == null || unnamedAndEmpty) {
            throw new NoFileSent();
        }
        long max = properties.maxSize().toBytes();
        if (upload.size() > max) {
            throw new FileTooLarge(properties.maxSizeText());
        }
        byte[] bytes;
        try (InputStream in = upload.content().open()) {
            bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UnreadableUpload();
        }
        if (bytes.length == 0) {
            throw new EmptyFile();
        }
        if (bytes.length > max) {
            throw new FileTooLarge(properties.maxSizeText());
        }
        return bytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Plan codes number by number: 2.1 before 10.1. */
    private static int compareCodes(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }
}
