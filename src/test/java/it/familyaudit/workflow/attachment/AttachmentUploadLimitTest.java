package it.familyaudit.workflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import it.familyaudit.workflow.support.TestFiles;
import it.familyaudit.workflow.support.WebappSession;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A file over the servlet's upload limit (spring.servlet.multipart, above the attachments' own
 * 20 MB), which only a real server applies: the API answers 413 with a problem detail and the portal
 * its error page, never a 500, a 403 for a token the server did not read, or a dropped connection.
 */
class AttachmentUploadLimitTest extends HttpTestBase {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" enctype=\"multipart/form-data\"[^>]*"
            + "action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String BOUNDARY = "----AttachmentUploadLimitTest";
    /** Over max-file-size (25MB) and max-request-size (26MB). */
    private static final int OVER_THE_SERVLETS_LIMIT = 27 * 1024 * 1024;

    @Test
    void theApiAnswersAFileOverTheServletsLimitWith413AndAProblemDetail() throws Exception {
        ApiDriver driver = newDriver();
        long id = driver.start();
        String files = "/api/certifications/" + id + "/attachments";

        HttpResponse<String> refused = send(request(files, driver.referent, ApiDriver.PASSWORD)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(multipart("kind", "APPLICATION_RESOLUTION", "delibera.pdf", huge())));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(body(refused).path("detail").asText())
                .isEqualTo("Il file supera la dimensione massima che si può caricare / The file is larger than can be uploaded");
        JsonNode stored = body(send(request(files, driver.referent, ApiDriver.PASSWORD)));
        assertThat(stored).isEmpty();
    }

    @Test
    void aMultipartBodyCutShortIsABadRequest() throws Exception {
        ApiDriver driver = newDriver();
        long id = driver.start();

        HttpResponse<String> refused = send(request("/api/certifications/" + id + "/attachments", driver.referent,
                ApiDriver.PASSWORD).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER (and no end)")));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(body(refused).path("detail").asText()).contains("multipart/form-data");
    }

    @Test
    void thePortalAnswersAFileOverTheServletsLimitWithItsErrorPage() throws Exception {
        ApiDriver driver = newDriver();
        long id = driver.start();
        WebappSession browser = signedIn(driver.referent);
        Matcher form = FORM.matcher(browser.open("/certificazioni/" + id).body());
        assertThat(form.find()).as("the page has its upload form").isTrue();
        String action = form.group(1).replace("&amp;", "&");

        HttpResponse<String> refused = browser.post(action, "multipart/form-data; boundary=" + BOUNDARY,
                multipart("tipo", "APPLICATION_RESOLUTION", "delibera.pdf", huge()));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("<html lang=\"it\"", "File troppo grande",
                "Il file supera la dimensione massima che si può caricare");

        HttpResponse<String> accepted = browser.post(action, "multipart/form-data; boundary=" + BOUNDARY,
                multipart("tipo", "APPLICATION_RESOLUTION", "delibera.pdf", TestFiles.pdf("Delibera")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
        assertThat(browser.open("/certificazioni/" + id).body()).contains("delibera.pdf");
    }

    private WebappSession signedIn(String user) throws Exception {
        WebappSession browser = new WebappSession(port);
        Matcher token = CSRF.matcher(browser.open("/accedi").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> in = browser.post("/accedi", WebappSession.credentials(user, ApiDriver.PASSWORD)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8), false);
        assertThat(in.statusCode()).isEqualTo(302);
        return browser;
    }

    /** Starts as a PDF does; the servlet refuses it on its size before anything reads it. */
    private static byte[] huge() {
        byte[] bytes = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), OVER_THE_SERVLETS_LIMIT);
        Arrays.fill(bytes, 9, bytes.length, (byte) 'x');
        return bytes;
    }

    private static HttpRequest.BodyPublisher multipart(String kindField, String kind, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + kindField + "\"\r\n\r\n" + kind
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }
}
