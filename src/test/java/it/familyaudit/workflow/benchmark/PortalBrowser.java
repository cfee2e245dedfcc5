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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
