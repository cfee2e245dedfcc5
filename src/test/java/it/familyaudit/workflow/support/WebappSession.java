package it.familyaudit.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser on the Camunda webapps, over plain HTTP: its cookie jar and the CSRF token the
 * webapps' scripts send back in {@code X-XSRF-TOKEN}.
 */
public final class WebappSession {

    public static final String TASKLIST = "/camunda/app/tasklist/default/";
    public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Map<String, String> cookies;
    private String token;

    public WebappSession(int port) {
        this("http://localhost:" + port, new LinkedHashMap<>());
    }

    private WebappSession(String base, Map<String, String> cookies) {
        this.base = base;
        this.cookies = cookies;
    }

    /**
     * The same browser talking to another instance of the application on this host, as behind a load
     * balancer: the cookies are shared (a cookie does not care about ports).
     */
    public WebappSession onPort(int port) {
        WebappSession other = new WebappSession("http://localhost:" + port, cookies);
        other.token = token;
        return other;
    }

    /** Signs in as Tasklist's page does: token from the page, login, then the new session's token. */
    public static WebappSession signedIn(int port, String user, String password) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(port);
        session.open(TASKLIST);
        HttpResponse<String> login = session.post(LOGIN, credentials(user, password), true);
        assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
        session.open(TASKLIST);
        return session;
    }

    public static String credentials(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(base + path))));
    }

    /** A form (name=value&…) or a JSON body, with or without the CSRF token. */
    public HttpResponse<String> post(String path, String body, boolean withToken) throws IOException, InterruptedException {
        HttpRequest.Builder r = withCookies(HttpRequest.newBuilder(URI.create(base + path)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        if (withToken) {
            r.header("X-XSRF-TOKEN", token);
        }
        return send(r);
    }

    /** Any body, of any type (a multipart form), with this browser's cookies. */
    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(base + path))).POST(body)
                .header("Content-Type", contentType));
    }

    /** The value of a cookie this browser holds, or {@code null}. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Replaces the token the page received, as a forged request would. */
    public void useToken(String forged) {
        token = forged;
    }

    /** Set-Cookie headers of a response, by cookie name. */
    public static Map<String, String> setCookies(HttpResponse<?> response) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            byName.put(setCookie.split("=", 2)[0].trim(), setCookie);
        }
        return byName;
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            request.header("Cookie", String.join("; ", pairs));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        setCookies(response).forEach((name, setCookie) -> cookies.put(name, setCookie.split(";", 2)[0].split("=", 2)[1]));
        response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.equals("Required")).ifPresent(t -> token = t);
        return response;
    }
}
