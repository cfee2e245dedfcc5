package it.familyaudit.workflow.portal;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A password link just issued, carried to the page that shows it once (a flash attribute: it
 * waits in the agency member's session for the next request only, and is never stored elsewhere).
 *
 * @param address   the full link to hand on
 * @param purpose   {@code SET} for someone just brought in, {@code RESET} for a new password
 * @param expiresAt in Italian civil time
 * @param back      the page the agency came from
 */
record IssuedLink(String address, String userId, String personName, String purpose, LocalDateTime expiresAt,
                  String back) implements Serializable {

    /** The token is in the address: never in a log line. */
    @Override
    public String toString() {
        return "IssuedLink[userId=" + userId + ", purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
}
