package org.adversarialarena.base.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator: health's status for anyone, its details, info and metrics for admins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + ActuatorIT.ADMIN, "arena.admin.password=" + ActuatorIT.PASSWORD})
class ActuatorIT {

    static final String ADMIN = "ops@example.org";
    static final String PASSWORD = "metrics are not for everyone";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anyoneSeesThatTheAppIsUpButNotItsDiskOrDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db", "PostgreSQL", "diskSpace", "path");
    }

    @Test
    void anAdminSeesTheHealthOfTheDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health", PASSWORD);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("PostgreSQL");
    }

    @Test
    void infoNamesTheNd4jBackendAndDevicesToAdminsOnly() throws Exception {
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        HttpResponse<String> info = get("/actuator/info", PASSWORD);

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"nd4j\"").contains("\"backend\":\"CPU\"").contains("\"devices\":1");
    }

    @Test
    void prometheusMetricsAreServedToAdminsOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "a wrong password").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", PASSWORD).body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
