package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab as Vaadin's client engine is to the server, without the browser: it loads a page
 * (the page itself, then {@code ?v-r=init} with the browser details the bootstrap sends, then the
 * {@code ui-navigate} event the router sends), keeps the session cookie, the CSRF token
 * ({@code Vaadin-Security-Key}) and both sync counters, sends UIDL requests
 * ({@code ?v-r=uidl&v-uiId=N}: events, property syncs, return-channel answers) and mirrors the answers in
 * a {@link UiTree}.
 *
 * <p>Push: the app runs {@code @Push} with {@code alwaysXhrToServer}, so requests always go by HTTP and
 * only the server's own messages (a machine attack finishing, a leaderboard changing) come over the
 * push channel. Each tab opens that channel as the browser does (Atmosphere's websocket protocol on
 * {@code /VAADIN/push}); answers and pushed messages are applied in the order of their {@code syncId},
 * whichever channel brought them first.
 *
 * <p>The only scripts it "runs" are the ones the app needs answered: {@code localStorage.getItem} and
 * {@code setItem} (the player's resume token); other return channels are answered with null.
 */
final class UidlConnection implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String GUARD = "for(;;);";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(20);
    private static final int PUSH_TRIES = 12;
    private static final long PUSH_RETRY_MS = 5_000;

    /** What one request brought back. */
    record Answer(int status, long nanos, JsonNode message, int bytes) {
        boolean ok() {
            return status == 200 && message != null && !message.path("meta").has("appError")
                    && !message.path("meta").has("sessionExpired");
        }
    }

    private final HttpClient http;
    private final String base;
    private final boolean push;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** The tab's local storage, which outlives a page (the resume token). */
    final Map<String, String> localStorage;
    final UiTree tree = new UiTree();

    private int uiId;
    private String csrfToken = "";
    private String pushId = "";
    private int clientId;
    /** The last server message applied, in syncId order. */
    private int lastSyncId = -1;
    private final TreeMap<Integer, JsonNode> early = new TreeMap<>();
    private final List<JsonNode> executions = new ArrayList<>();
    private WebSocket socket;
    private final StringBuilder pushBuffer = new StringBuilder();
    private volatile int pushed;
    private volatile int pushRetries;

    UidlConnection(HttpClient http, String base, boolean push, Map<String, String> localStorage) {
        this.http = http;
        this.base = base.endsWith("/") ? base : base + "/";
        this.push = push;
        this.localStorage = localStorage;
    }

    /**
     * Waits until the app answers a page's init request with its JSON, not with dev mode's "building the
     * frontend" page: on a fresh clone the first app builds the development bundle (npm install and Vite,
     * minutes), and every virtual player would otherwise read that page as a broken answer.
     */
    static void waitUntilServing(String base, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String root = base.endsWith("/") ? base : base + "/";
        HttpRequest init = HttpRequest.newBuilder(URI.create(root + "?v-r=init&location=&query=&" + browserDetails()))
                .timeout(Duration.ofSeconds(30)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(init, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().stripLeading().startsWith("{")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or the answer was cut: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The app at " + base + " did not serve pages within " + timeout);
            }
            Thread.sleep(2_000);
        }
    }

    /** Loads {@code route} as a browser would, up to the view's first answer; returns that answer. */
    Answer open(String route) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(request(base + route).GET().build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(page);
        if (page.statusCode() != 200) {
            return new Answer(page.statusCode(), 0, null, page.body().length());
        }
        HttpResponse<String> init = http.send(request(base + "?v-r=init&location=" + encode(route) + "&query=&"
                + browserDetails()).GET().build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(init);
        if (init.statusCode() != 200) {
            return new Answer(init.statusCode(), 0, null, init.body().length());
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        csrfToken = uidl.path("Vaadin-Security-Key").asString("");
        pushId = uidl.path("Vaadin-Push-ID").asString("");
        clientId = uidl.path("clientId").asInt(0);
        synchronized (this) {
            lastSyncId = uidl.path("syncId").asInt() - 1;
            arrived(uidl);
        }
        if (push) {
            openPush();
        }
        ObjectNode data = NODES.objectNode().put("route", route).put("query", "").put("appShellTitle", "")
                .put("trigger", "");
        data.set("historyState", NODES.objectNode().put("idx", 0));
        return send(List.of(event(1, "ui-navigate", data)));
    }

    /**
     * Sends one UIDL request and waits until its answer, and every pushed message before it, is applied;
     * then answers the return channels the answer asked for (a request of its own, as the browser's).
     */
    Answer send(List<JsonNode> rpc) throws IOException, InterruptedException {
        Answer answer = sendRaw(body(rpc, csrfToken, clientId));
        if (answer.ok()) {
            List<JsonNode> replies = takeReplies();
            if (!replies.isEmpty()) {
                Answer replied = send(replies);
                if (!replied.ok()) {
                    return replied;
                }
            }
        }
        return answer;
    }

    /** Sends a body as it is, tampered or not; the answer is applied like any other. */
    Answer sendRaw(String body) throws IOException, InterruptedException {
        return sendRaw(body, "application/json; charset=UTF-8", uiId);
    }

    Answer sendRaw(String body, String contentType, int toUiId) throws IOException, InterruptedException {
        return sendRaw(body, contentType, "?v-r=uidl&v-uiId=" + toUiId);
    }

    /** Any POST to the app's Vaadin servlet: {@code query} chooses the handler ({@code ?v-r=…}). */
    Answer sendRaw(String body, String contentType, String query) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(base + query)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        keepCookies(response);
        JsonNode message = null;
        if (response.statusCode() == 200) {
            message = parse(response.body());
            if (message != null) {
                // the id the server expects next, whether it took this request or refused it
                clientId = message.path("clientId").asInt(clientId);
                awaitApplied(message);
            }
        }
        return new Answer(response.statusCode(), nanos, message, response.body().length());
    }

    String body(List<JsonNode> rpc, String token, int client) {
        ObjectNode body = NODES.objectNode().put("csrfToken", token);
        body.set("rpc", NODES.arrayNode().addAll(rpc));
        synchronized (this) {
            body.put("syncId", lastSyncId);
        }
        body.put("clientId", client);
        return JSON.writeValueAsString(body);
    }

    static JsonNode event(int node, String name, JsonNode data) {
        ObjectNode event = NODES.objectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    static JsonNode click(int node) {
        return event(node, "click", NODES.objectNode().put("event.button", 0).put("event.detail", 1)
                .put("event.shiftKey", false).put("event.ctrlKey", false).put("event.altKey", false)
                .put("event.metaKey", false));
    }

    static JsonNode syncProperty(int node, String property, String value) {
        return NODES.objectNode().put("type", "mSync").put("node", node).put("feature", 1).put("property", property)
                .put("value", value);
    }

    int uiId() {
        return uiId;
    }

    String csrfToken() {
        return csrfToken;
    }

    int clientId() {
        return clientId;
    }

    /**
     * Vaadin's Atmosphere websocket, as the client engine opens it, and as stubbornly: Flow's client
     * tries a failed websocket again every {@value #PUSH_RETRY_MS} ms, {@value #PUSH_TRIES} times in all
     * ({@code reconnectInterval}, {@code maxWebsocketErrorRetries} in its push configuration), before it
     * falls back to long polling. Only when every try failed is the page's push channel lost.
     */
    private void openPush() throws InterruptedException {
        for (int tried = 1; ; tried++) {
            try {
                openPushOnce();
                return;
            } catch (IllegalStateException failed) {
                if (tried == PUSH_TRIES) {
                    throw failed;
                }
                pushRetries++;
                Thread.sleep(PUSH_RETRY_MS);
            }
        }
    }

    private void openPushOnce() throws InterruptedException {
        String query = Map.of("v-uiId", Integer.toString(uiId), "v-pushId", pushId, "X-Atmosphere-tracking-id", "0",
                "X-Atmosphere-Framework", "3.1.5-javascript", "X-Atmosphere-Transport", "websocket",
                "X-Atmosphere-TrackMessageSize", "true", "Content-Type", "application/json; charset=UTF-8",
                "X-atmo-protocol", "true").entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "VAADIN/push?" + query);
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().header("Cookie", cookieHeader())
                .connectTimeout(Duration.ofSeconds(20)).buildAsync(uri, new PushListener());
        try {
            socket = opening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a handshake still under way must not open a second channel beside the next try's
            opening.cancel(true);
            throw new IllegalStateException("The push channel did not open: " + e, e);
        }
    }

    /** Handshakes of the push channel that failed and were tried again, as the client engine does. */
    int pushRetries() {
        return pushRetries;
    }

    int pushedMessages() {
        return pushed;
    }

    private final class PushListener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (pushBuffer) {
                pushBuffer.append(data);
                drainPushBuffer();
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Atmosphere's message-size tracking: each message is "length|message", and frames may split or join them. */
    private void drainPushBuffer() {
        while (true) {
            int bar = pushBuffer.indexOf("|");
            if (bar < 0) {
                return;
            }
            int length;
            try {
                length = Integer.parseInt(pushBuffer.substring(0, bar));
            } catch (NumberFormatException notALength) {
                pushBuffer.setLength(0);
                return;
            }
            if (pushBuffer.length() < bar + 1 + length) {
                return;
            }
            String message = pushBuffer.substring(bar + 1, bar + 1 + length);
            pushBuffer.delete(0, bar + 1 + length);
            JsonNode parsed = parse(message);
            if (parsed != null && parsed.has("syncId")) {
                pushed++;
                synchronized (this) {
                    arrived(parsed);
                }
            }
        }
    }

    private static JsonNode parse(String body) {
        String json = body.startsWith(GUARD) ? body.substring(GUARD.length()) : body;
        if (!json.startsWith("{") && !json.startsWith("[")) {
            return null; // Atmosphere's handshake and heartbeats
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Applies messages strictly in syncId order; one that comes early waits for the ones before it. */
    private void arrived(JsonNode message) {
        int syncId = message.path("syncId").asInt(-1);
        if (syncId < 0 || message.path("meta").has("async") && syncId <= lastSyncId) {
            return;
        }
        if (syncId <= lastSyncId) {
            return; // a resent answer already applied
        }
        early.put(syncId, message);
        while (!early.isEmpty() && early.firstKey() <= lastSyncId + 1) {
            JsonNode next = early.pollFirstEntry().getValue();
            lastSyncId = Math.max(lastSyncId, next.path("syncId").asInt());
            tree.apply(next.get("changes"));
            JsonNode execute = next.get("execute");
            if (execute != null) {
                execute.forEach(executions::add);
            }
        }
        notifyAll();
    }

    private synchronized void awaitApplied(JsonNode message) throws InterruptedException {
        if (!push || message.path("resynchronize").asBoolean(false)) {
            // nothing comes by push to fill a gap (or the server starts afresh): this answer is the latest state
            lastSyncId = Math.max(lastSyncId, message.path("syncId").asInt(-1) - 1);
        }
        arrived(message);
        int syncId = message.path("syncId").asInt(-1);
        long deadline = System.nanoTime() + ORDER_TIMEOUT.toNanos();
        while (syncId > lastSyncId) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // a pushed message never came: take what we have, as the client's resync would
                lastSyncId = syncId - 1;
                arrived(message);
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Scripts the server asked to run since the last call: the canvas's pixels, the resume token. */
    synchronized List<JsonNode> takeExecutions() {
        List<JsonNode> taken = new ArrayList<>(executions);
        executions.clear();
        return taken;
    }

    /** Runs the storage scripts and answers every return channel, as the page's scripts would. */
    private synchronized List<JsonNode> takeReplies() {
        List<JsonNode> replies = new ArrayList<>();
        for (JsonNode invocation : executions) {
            String script = invocation.get(invocation.size() - 1).asString("");
            if (script.contains("localStorage.setItem") && invocation.size() >= 3) {
                localStorage.put(invocation.get(0).asString(""), invocation.get(1).asString(""));
            }
            for (JsonNode argument : invocation) {
                JsonNode channel = argument.get("@v-return");
                if (channel == null) {
                    continue;
                }
                JsonNode value = NODES.nullNode();
                if (script.contains("localStorage.getItem")) {
                    String stored = localStorage.get(invocation.get(0).asString(""));
                    value = stored == null ? NODES.nullNode() : NODES.stringNode(stored);
                }
                ObjectNode reply = NODES.objectNode().put("type", "channel").put("node", channel.get(0).asInt())
                        .put("channel", channel.get(1).asInt());
                reply.set("args", NODES.arrayNode().add(value));
                replies.add(reply);
                break; // the first channel resolves the promise; the second would reject it
            }
        }
        // the scripts stay readable by takeExecutions; answered channels are not answered twice
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode invocation : executions) {
            boolean hasChannel = false;
            for (JsonNode argument : invocation) {
                hasChannel |= argument.has("@v-return");
            }
            if (!hasChannel) {
                kept.add(invocation);
            }
        }
        executions.clear();
        executions.addAll(kept);
        return replies;
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookieHeader());
        }
        return builder;
    }

    private String cookieHeader() {
        return cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
    }

    private static String browserDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("v-sh", "1000");
        details.put("v-sw", "1600");
        details.put("v-wh", "1000");
        details.put("v-ww", "1600");
        details.put("v-bh", "1000");
        details.put("v-bw", "1600");
        details.put("v-curdate", Long.toString(System.currentTimeMillis()));
        details.put("v-tzo", "0");
        details.put("v-dstd", "0");
        details.put("v-rtzo", "0");
        details.put("v-dston", "false");
        details.put("v-tzid", "UTC");
        details.put("v-wn", "v-" + Math.random());
        details.put("v-td", "false");
        details.put("v-pr", "1");
        details.put("v-np", "Linux x86_64");
        details.put("v-cs", "");
        details.put("v-pv", "visible");
        details.put("v-fs", "");
        details.put("v-so", "");
        details.put("v-soa", "0");
        details.put("v-tn", "");
        return details.entrySet().stream().map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static ArrayNode floats(float[] values) {
        ArrayNode array = NODES.arrayNode();
        for (float value : values) {
            array.add(value);
        }
        return array;
    }

    /**
     * Closes the UI as a browser leaving the page does: the client engine's unload beacon (a UIDL body
     * with {@code "UNLOAD": true}), so the server frees the UI now rather than after three missed
     * heartbeats. Best effort, as a beacon is.
     */
    private void unload() {
        if (csrfToken.isEmpty()) {
            return;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(body(List.of(), csrfToken, clientId));
        body.put("UNLOAD", true);
        try {
            http.send(request(base + "?v-r=uidl&v-uiId=" + uiId).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | RuntimeException e) {
            // the page is gone either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        unload();
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ignored -> null);
            open.abort();
        }
    }

    static Map<String, String> newStorage() {
        return new HashMap<>();
    }

}
