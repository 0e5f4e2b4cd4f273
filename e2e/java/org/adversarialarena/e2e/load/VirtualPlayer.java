package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A player driven through Vaadin's protocol: opens a game page, strokes its canvas (one
 * {@code image-change} event per stroke, the whole image as the component sends it) and now and then
 * clicks Submit. Whatever the page says goes into the {@link LoadMetrics}: a stroke counts as answered
 * when the answer carries its sequence number back, a submission as accepted when the page shows its
 * result; a failed request, an error notification or a dropped canvas report is an error.
 */
abstract class VirtualPlayer implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Notifications that mean the app failed or refused a report a real browser would have sent. */
    private static final List<String> ERROR_NOTICES = List.of("view-error", "canvas-dropped");
    /** The English message of a page that cannot reach the database (error.database-unreachable). */
    private static final String DATABASE_AWAY = "cannot reach its database";

    final UidlConnection tab;
    final LoadMetrics metrics;
    final Random random;
    final String nickname;
    private long sequence;
    /** A request failed or the app no longer knew the page: the page must be opened again. */
    private boolean pageLost;
    /** Opening the page again after a loss: the browser's token makes it the same player, unasked. */
    boolean returning;

    VirtualPlayer(UidlConnection tab, LoadMetrics metrics, Random random, String nickname) {
        this.tab = tab;
        this.metrics = metrics;
        this.random = random;
        this.nickname = nickname;
    }

    /** Opens the page and gets ready to play; false (and an error counted) if it could not. */
    abstract boolean start() throws IOException, InterruptedException;

    /**
     * Opens the page again, in a new tab of the same browser (its local storage), after the app lost the
     * old one; counts whether the page told the player of a stored result they never saw.
     */
    final boolean resume() throws IOException, InterruptedException {
        returning = true;
        boolean started = start();
        if (started) {
            metrics.resumed.incrementAndGet();
            if (tab.tree.byId("unseen-results").isPresent()) {
                metrics.toldUnseen.incrementAndGet();
            }
        }
        return started;
    }

    boolean pageLost() {
        return pageLost;
    }

    /** The image the next stroke reports, changed from the last one as a brush would. */
    abstract float[] nextStroke();

    abstract void submit() throws IOException, InterruptedException;

    abstract int canvas();

    /** Whether the player has something to do besides stroking at its next tick ({@link #afterTick}). */
    boolean wantsTurn() {
        return false;
    }

    /** Whether this player plays Fool (else Forge). */
    abstract boolean playsFool();

    /** Whether the canvas takes strokes now (Fool's is read-only between a result and the next image). */
    boolean canStroke() {
        return true;
    }

    /** The players' own moment between actions (Fool asks for its next image after a result). */
    void afterTick() throws IOException, InterruptedException {
    }

    final void stroke() throws IOException, InterruptedException {
        long seq = ++sequence;
        JsonNode data = NODES.objectNode().put("event.detail.seq", seq).set("event.detail.pixels",
                UidlConnection.floats(nextStroke()));
        metrics.strokesSent.incrementAndGet();
        long sentAt = System.nanoTime();
        UidlConnection.Answer answer = request(List.of(UidlConnection.event(canvas(), "image-change", data)), "stroke");
        if (answer == null) {
            return;
        }
        metrics.stroke(sentAt, answer.nanos(), playsFool());
        if (puts(answer.message(), "data-seq", Long.toString(seq))) {
            metrics.strokesAnswered.incrementAndGet();
        } else {
            metrics.error("stroke " + seq + " of " + nickname + " not answered");
        }
        tab.takeExecutions();
    }

    /** Sends, counts, and checks the answer for failures; null when the request failed. */
    final UidlConnection.Answer request(List<JsonNode> rpc, String what) throws IOException, InterruptedException {
        metrics.requests.incrementAndGet();
        UidlConnection.Answer answer;
        try {
            answer = tab.send(rpc);
        } catch (IOException e) {
            lost(what);
            metrics.error(what + " of " + nickname + ": " + e);
            return null;
        }
        if (!answer.ok()) {
            lost(what);
            metrics.error(what + " of " + nickname + ": HTTP " + answer.status() + " "
                    + (answer.message() == null ? "" : answer.message().path("meta")));
            return null;
        }
        for (String notice : ERROR_NOTICES) {
            if (puts(answer.message(), "id", notice)) {
                metrics.error(what + " of " + nickname + ": the page showed #" + notice);
            }
        }
        if (answer.message().path("changes").toString().contains(DATABASE_AWAY)) {
            metrics.toldDatabaseAway.incrementAndGet();
        }
        return answer;
    }

    private void lost(String what) {
        pageLost = true;
        if (what.endsWith("submit")) {
            metrics.submitsLost.incrementAndGet();
        }
    }

    /** Answers the nickname dialog if the page shows one; true if it was there. */
    final boolean joinIfAsked() throws IOException, InterruptedException {
        Optional<Integer> field = tab.tree.byId("nickname-field");
        Optional<Integer> join = tab.tree.byId("nickname-join");
        if (field.isEmpty() || join.isEmpty()) {
            return false;
        }
        request(List.of(UidlConnection.syncProperty(field.get(), "value", nickname),
                UidlConnection.event(field.get(), "change", NODES.objectNode()), UidlConnection.click(join.get())),
                "join");
        return true;
    }

    /** Whether a message's changes set {@code key} to {@code value} on some node. */
    static boolean puts(JsonNode message, String key, String value) {
        for (JsonNode change : message.path("changes")) {
            if ("put".equals(change.path("type").asString("")) && key.equals(change.path("key").asString(""))
                    && change.path("value").isValueNode() && value.equals(change.path("value").asString())) {
                return true;
            }
        }
        return false;
    }

    /** The latest script call {@code name} on {@code node} among the scripts, its arguments after the element. */
    static Optional<JsonNode> lastCall(List<JsonNode> executions, int node, String name) {
        JsonNode found = null;
        for (JsonNode invocation : executions) {
            if (invocation.size() > 1 && invocation.get(0).path("@v-node").asInt(-1) == node
                    && invocation.get(invocation.size() - 1).asString("").contains("." + name + "(")) {
                found = invocation;
            }
        }
        return Optional.ofNullable(found);
    }

    static float[] toFloats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    static float round3(double value) {
        return Math.round(value * 1000) / 1000f;
    }

    @Override
    public void close() {
        metrics.pushed.addAndGet(tab.pushedMessages());
        metrics.pushRetries.addAndGet(tab.pushRetries());
        tab.close();
    }
}
