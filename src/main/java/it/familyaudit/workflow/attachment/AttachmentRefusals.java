package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.refusal.InvalidRequest;
import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import it.familyaudit.workflow.refusal.TooLarge;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What the attachments refuse, one class per fact. */
public final class AttachmentRefusals {

    private AttachmentRefusals() {
    }

    /** A value as the sender gave it, cut short: a refusal repeats it, it does not echo a whole body. */
    private static String shown(String given) {
        String value = given == null ? "" : given.strip();
        return value.length() <= 30 ? value : value.substring(0, 29) + "…";
    }

    /** No such attachment on this certification (or the certification is not the caller's to see). */
    public static final class AttachmentNotFound extends NotFound {

        AttachmentNotFound() {
            super("Allegato", false);
        }
    }

    public static final class UnknownAttachmentKind extends InvalidRequest {

        UnknownAttachmentKind(String given) {
            super("Tipo di allegato sconosciuto: «" + shown(given) + "»; tipi ammessi: " + kinds()
                    + " / Unknown attachment kind; allowed: " + kinds());
        }

        private static String kinds() {
            return Arrays.stream(AttachmentKind.values()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    public static final class NoFileSent extends InvalidRequest {

        NoFileSent() {
            super("Nessun file ricevuto: inviarlo nel campo «file» di una richiesta multipart/form-data"
                    + " / No file received: send it as the part «file» of a multipart/form-data request");
        }
    }

    public static final class EmptyFile extends InvalidRequest {

        EmptyFile() {
            super("Il file è vuoto / The file is empty");
        }
    }

    public static final class UnreadableUpload extends InvalidRequest {

        UnreadableUpload() {
            super("Il file non è arrivato per intero: riprovare / The file did not arrive whole: try again");
        }
    }

    public static final class FileTooLarge extends TooLarge {

        /** @param limit the limit as people write it, e.g. {@code 20 MB} */
        FileTooLarge(String limit) {
            super("Il file supera il limite di " + limit + " / The file is larger than the limit of " + limit);
        }
    }

    /** The content is of no allowed type, whatever its name says. */
    public static final class FileTypeNotAllowed extends InvalidRequest {

        /** @param mediaType what the content turned out to be */
        FileTypeNotAllowed(String mediaType) {
            this(mediaType, mediaType);
        }

        /** @param italian what the content turned out to be, in words for each language */
        FileTypeNotAllowed(String italian, String english) {
            super("Il contenuto del file non è di un tipo ammesso (" + FileType.allowedNames() + "): risulta «"
                    + italian + "» / The file's content is not of an allowed type (" + FileType.allowedNames()
                    + "): it is «" + english + "»");
        }
    }

    public static final class FileNameWithPath extends InvalidRequest {

        FileNameWithPath() {
            super("Il nome del file non può contenere percorsi («/», «\\», «..»): inviare il solo nome"
                    + " / The file name cannot contain path parts: send the name alone");
        }
    }

    public static final class YearNotForThisKind extends InvalidRequest {

        YearNotForThisKind(AttachmentKind kind) {
            super("«" + kind.italian() + "» non si riferisce a un anno di monitoraggio: togliere l'anno"
                    + " / «" + kind.english() + "» refers to no monitoring year: leave the year out");
        }
    }

    public static final class ActionNotForThisKind extends InvalidRequest {

        ActionNotForThisKind(AttachmentKind kind) {
            super("«" + kind.italian() + "» non si riferisce a un'azione del piano: togliere il codice dell'azione"
                    + " / «" + kind.english() + "» refers to no plan action: leave the action code out");
        }
    }

    public static final class YearRequired extends InvalidRequest {

        YearRequired(AttachmentKind kind) {
            super("«" + kind.italian() + "» si allega per un anno di monitoraggio: indicare l'anno"
                    + " / «" + kind.english() + "» is attached for a monitoring year: give the year");
        }
    }

    public static final class ActionRequired extends InvalidRequest {

        ActionRequired(AttachmentKind kind) {
            super("«" + kind.italian() + "» si allega per un'azione del piano: indicare il codice dell'azione"
                    + " / «" + kind.english() + "» is attached for a plan action: give the action code");
        }
    }

    public static final class YearOutOfRange extends InvalidRequest {

        YearOutOfRange(String given, int max) {
            super("L'anno di monitoraggio è un numero da 1 a " + max + ", non «" + shown(given) + "»"
                    + " / The monitoring year is a number from 1 to " + max);
        }
    }

    public static final class ActionCodeMalformed extends InvalidRequest {

        ActionCodeMalformed(String given) {
            super("Il codice dell'azione si scrive come nel piano (1.1, 4.2.1), non «" + shown(given) + "»"
                    + " / The action code is written as in the plan (1.1, 4.2.1)");
        }
    }

    /** The caller sees the certification, but this kind of file is someone else's to attach. */
    public static final class NotAllowedToAttach extends NotPermitted {

        NotAllowedToAttach(AttachmentKind kind, String whoItalian, String whoEnglish) {
            super("«" + kind.italian() + "» lo allega " + whoItalian + " / «" + kind.english() + "» is attached by "
                    + whoEnglish);
        }
    }

    public static final class EvidenceBeforeMonitoring extends StateConflict {

        EvidenceBeforeMonitoring() {
            super("Le evidenze delle azioni si allegano negli anni di monitoraggio, che iniziano con il certificato"
                    + " / Evidence of actions is attached in the monitoring years, which begin with the certificate");
        }
    }

    /** Every attempt met another upload of the same series taking the same version number. */
    public static final class UploadsCollided extends StateConflict {

        UploadsCollided() {
            super("Altri file dello stesso tipo sono stati caricati nello stesso momento: riprovare"
                    + " / Other files of the same kind were uploaded at the same moment: try again");
        }
    }
}
