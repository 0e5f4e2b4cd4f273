package org.adversarialarena.base.security;

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

/** What any visitor's browser gets over HTTP: headers, cookies, redirects, errors, lock-out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "arena.admin.email=" + SecuritySurfaceIT.ADMIN, "arena.admin.password=" + SecuritySurfaceIT.PASSWORD,
        "arena.security.frame-ancestors='self' https://course.example.org"})
class SecuritySurfaceIT {

    static final String ADMIN = "surface@example.org";
    static final String PASSWORD = "a surface of long words";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGamesAreOpenToAnonymousVisitorsWithSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/fool", "/forge", "/leaderboards", "/login"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "object-src 'none'",
                            "frame-ancestors 'self' https://course.example.org"));
            // we send no X-Frame-Options when frame-ancestors lists other sites (Vaadin's page response
            // carries its own SAMEORIGIN, which browsers ignore where frame-ancestors is present)
            // plain HTTP here: HSTS only over TLS
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
                .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void instructorAndAdminPagesSendAnonymousVisitorsToSignIn() throws Exception {
        for (String path : new String[] {"/admin/accounts", "/account", "/login/code"}) {
            HttpResponse<String> page = get(path);
            // Vaadin's configurer asks for a sign-in before the page is even served
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
            assertThat(page.body()).as(path).doesNotContain("accounts-admin-view", "my-account-view",
                    "second-factor-view", "accounts-grid");
        }
    }

    @Test
    void anUnknownAddressAnswers404WithoutAStackTrace() throws Exception {
        HttpResponse<String> page = get("/no-such-page/../../etc/passwd-" + System.nanoTime());
        // the firewall refuses a path that climbs out
        assertThat(page.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(get("/fool/no-such-level").statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("Exception", "at org.", "at com.vaadin");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountOverHttpToo() throws Exception {
        String someone = "nobody-" + System.nanoTime() + "@example.org";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(basic("/actuator/info", someone, "wrong guess " + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(basic("/actuator/info", ADMIN, PASSWORD).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
