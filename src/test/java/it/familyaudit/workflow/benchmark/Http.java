package it.familyaudit.workflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small JSON client for the benchmark: basic auth, fails loudly on unexpected statuses. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    JsonNode get(String user, String password, String path) throws Exception {
        return send(user, password, "GET", path, null, 200);
    }

    JsonNode post(String user, String password, String path, Object body, int... expected) throws Exception {
        return send(user, password, "POST", path, body, expected.length == 0 ? new int[] {200, 201, 204} : expected);
    }

    JsonNode put(String user, String password, String path, Object body) throws Exception {
        return send(user, password, "PUT", path, body, 200, 204);
    }

    /** A status and its body (a JSON null when empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Any answer, whatever its status; an IOException when the server is not there to answer. */
    Answer exchange(String user, String password, String method, String path, Object body) throws Exception {
        HttpResponse<byte[]> response = client.send(request(user, password, method, path, body),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json;
        try {
            json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException notJson) {
            json = JSON.nullNode();
        }
        return new Answer(response.statusCode(), json);
    }

    private HttpRequest request(String user, String password, String method, String path, Object body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
    }

    private JsonNode send(String user, String password, String method, String path, Object body, int... expected)
            throws Exception {
        HttpResponse<byte[]> response = client.send(request(user, password, method, path, body),
                HttpResponse.BodyHandlers.ofByteArray());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(method + " " + path + " as " + user + " answered " + response.statusCode()
                + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
}
