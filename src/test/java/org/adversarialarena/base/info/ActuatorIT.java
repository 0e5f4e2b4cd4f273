package org.adversarialarena.base.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUpAndIncludesTheDatabase() throws Exception {
        String health = get("/actuator/health");

        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("PostgreSQL");
    }

    @Test
    void infoNamesTheNd4jBackendAndDevices() throws Exception {
        String info = get("/actuator/info");

        assertThat(info).contains("\"nd4j\"").contains("\"backend\":\"CPU\"").contains("\"devices\":1");
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
