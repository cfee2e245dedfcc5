package it.familyaudit.workflow.accounts;

import java.time.Instant;

/**
 * A link just issued for setting a password: the only moment its token exists in clear, to be
 * shown to the agency once and handed on. Its string form leaves the token out, so a log line
 * never holds a usable link.
 *
 * @param path the address without host, {@code /password/<token>}
 */
public record PasswordLink(String userId, String personName, Purpose purpose, String path, Instant expiresAt) {

    /** Why the link was issued. */
    public enum Purpose {
        /** The first password of someone just brought in. */
        SET,
        /** A new password for someone who had one. */
        RESET
    }

    /** Where every link starts; the token follows. */
    public static final String PREFIX = "/password/";

    @Override
    public String toString() {
        return "PasswordLink[userId=" + userId + ", purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
}
