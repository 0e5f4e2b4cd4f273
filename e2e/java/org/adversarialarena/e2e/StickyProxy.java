package org.adversarialarena.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The shipped HAProxy configuration ({@code docker/haproxy.cfg}) in front of two local nodes, where
 * Debian's HAProxy is installed: the same file with the nodes' loopback ports for the compose
 * services' names. Browsers pin themselves to a node with the proxy's cookie, as after their first
 * answer.
 */
final class StickyProxy implements AutoCloseable {

    static final String COOKIE = "ARENA_NODE";
    /** Debian's; {@code -Dhaproxy=...} names another, or a missing file for the direct variant. */
    private static final Path HAPROXY = Path.of(System.getProperty("haproxy", "/usr/sbin/haproxy"));
    private static final Path CONFIG = Path.of("docker", "haproxy.cfg");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    final int port;
    private final Process process;

    private StickyProxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts the proxy in front of node a and node b, or nothing where HAProxy is not installed. */
    static Optional<StickyProxy> startIfInstalled(Path dir, AppNode a, AppNode b) {
        if (!Files.isExecutable(HAPROXY)) {
            return Optional.empty();
        }
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            free.close();
            String config = Files.readString(CONFIG).replace("bind :8080", "bind 127.0.0.1:" + port)
                    .replace("app-a:8080", "127.0.0.1:" + a.port).replace("app-b:8080", "127.0.0.1:" + b.port);
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, config);
            Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            StickyProxy proxy = new StickyProxy(port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "stop-haproxy"));
            proxy.awaitBothNodesThrough();
            return Optional.of(proxy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the proxy answers for each node, reached by its cookie. */
    private void awaitBothNodesThrough() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (String node : new String[] {"a", "b"}) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                    .header("Cookie", COOKIE + "=" + node).timeout(Duration.ofSeconds(5)).build();
            while (true) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException("HAProxy did not reach node " + node + " (see haproxy.log)");
                }
                try {
                    HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                    // a node not up yet at the proxy is passed over for the other, which then sets its own cookie
                    boolean redispatched = answer.headers().allValues("set-cookie").stream()
                            .anyMatch(cookie -> cookie.startsWith(COOKIE + "=") && !cookie.startsWith(COOKIE + "=" + node + ";"));
                    if (answer.statusCode() == 200 && !redispatched) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
