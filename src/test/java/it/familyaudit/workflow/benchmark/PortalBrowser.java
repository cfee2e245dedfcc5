package it.familyaudit.workflow.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The portal as a browser uses it: a session cookie, the sign-in form with its CSRF token, pages. */
final class PortalBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    PortalBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    PortalBrowser signIn(String user, String password) throws Exception {
        Matcher token = CSRF.matcher(page("/accedi", 200));
        if (!token.find()) {
            throw new IllegalStateException("The sign-in page has no CSRF token");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(base + "/accedi"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = in.headers().firstValue("Location").orElse("");
        if (in.statusCode() != 302 || location.contains("errore")) {
            throw new IllegalStateException("Sign-in of " + user + " refused: " + in.statusCode() + " " + location);
        }
        return this;
    }

    /** The page's HTML; anything but the expected status fails the benchmark. */
    String page(String path, int expected) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ", expected " + expected);
        }
        return response.body();
    }

    /** The CSRF token the page at {@code path} carries in its forms. */
    String csrf(String path) throws Exception {
        Matcher token = CSRF.matcher(page(path, 200));
        if (!token.find()) {
            throw new IllegalStateException(path + " has no CSRF token");
        }
        return token.group(1);
    }

    /** A file sent as a form's only file field (multipart), with the session's CSRF token; the answer's HTML. */
    String upload(String path, String token, String field, String fileName, byte[] content, int expected)
            throws Exception {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path + "?_csrf=" + enc(token)))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ", expected " + expected);
        }
        return response.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
