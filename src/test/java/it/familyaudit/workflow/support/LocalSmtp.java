package it.familyaudit.workflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real SMTP server in the test's JVM (GreenMail) on a port that was free when it was chosen, for the mail
 * tests: not started yet, its tests start and stop it around themselves.
 */
public final class LocalSmtp {

    public final int port = freePort();
    public final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the test's SMTP server", e);
        }
    }
}
