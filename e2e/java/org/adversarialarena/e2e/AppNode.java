package org.adversarialarena.e2e;

import java.io.File;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One app node in a JVM of its own, as in production: {@code org.adversarialarena.Application} on a
 * free loopback port, with the application's classpath and the given properties, its output in a log
 * file. The jar of a plain {@code ./mvnw verify} holds no frontend bundle (only {@code -Pproduction}
 * builds one), so the node runs the same classes from the build's classpath in Vaadin's dev mode,
 * which serves the dev bundle the other journeys use.
 */
public final class AppNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    public final String name;
    public final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * How long a freshly started app may take to serve its first page: in dev mode on a fresh clone it
     * first builds the frontend bundle (an npm install without a lock file, then Vite), minutes under load.
     */
    public static final Duration FRONTEND_READY = Duration.ofMinutes(10);

    /** Starts a node and returns once it answers its health check (or fails with its log's tail). */
    public static AppNode start(String name, Path logDir, Map<String, String> properties) {
        return start(name, logDir, properties, freePort());
    }

    /** The same on a given port: a node started again where its predecessor was killed. */
    public static AppNode start(String name, Path logDir, Map<String, String> properties, int port) {
        Path log = logDir.resolve("node-" + name + ".log");
        // C1 only: a node lives a few minutes, and on 2 shared cores the optimising compiler's threads
        // would mostly lengthen its start.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m", "-XX:TieredStopAtLevel=1", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", applicationClasspath(),
                "org.adversarialarena.Application", "--server.port=" + port, "--server.address=127.0.0.1"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        try {
            Files.createDirectories(logDir);
            AppNode node = new AppNode(name, port, builder.start(), log);
            // @AfterAll stops the node; this covers a test JVM that is told to stop before it gets there
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-node-" + name));
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Kills the node the way a crash or {@code kill -9} would: no shutdown hooks, nothing flushed. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The node's process id (its JVM), e.g. to sample its memory. */
    public long pid() {
        return process.pid();
    }

    /** The file the node's output goes to. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url("/actuator/health"))).timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited during start-up:\n" + tailOfLog());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Node " + name + " did not become healthy within " + START_TIMEOUT + ":\n"
                + tailOfLog());
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The application's classpath: its classes and runtime dependencies, as the build lists them
     * ({@code target/runtime-classpath.txt}), so a node holds what the jar holds and no test library.
     * Run outside Maven, the test's own classpath without the test classes (whose test configurations
     * component scanning would pick up) stands in.
     */
    private static String applicationClasspath() {
        String classes = System.getProperty("app.classes");
        String listed = System.getProperty("app.runtime-classpath");
        if (classes != null && listed != null && Files.isReadable(Path.of(listed))) {
            try {
                return classes + File.pathSeparator + Files.readString(Path.of(listed)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
