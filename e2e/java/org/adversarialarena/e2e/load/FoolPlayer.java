package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A Fool player: joins with a nickname, edits the challenge image within the limits the page set
 * (each pixel in its range, at most so many pixels changed), submits now and then, and after a result
 * asks for the next image.
 */
final class FoolPlayer extends VirtualPlayer {

    private int canvas = -1;
    private int submit = -1;
    private int next = -1;
    private float[] image;
    private float[] base;
    private float[] lower;
    private float[] upper;
    private int maxChanged;
    private final Set<Integer> changed = new LinkedHashSet<>();
    private boolean roundOpen;
    private boolean wantsNextImage;

    FoolPlayer(UidlConnection tab, LoadMetrics metrics, Random random, String nickname) {
        super(tab, metrics, random, nickname);
    }

    @Override
    boolean playsFool() {
        return true;
    }

    @Override
    boolean start() throws IOException, InterruptedException {
        UidlConnection.Answer opened = tab.open("fool");
        if (!opened.ok()) {
            metrics.error("opening Fool for " + nickname + ": HTTP " + opened.status());
            return false;
        }
        canvas = tab.tree.byId("fool-canvas").orElse(-1);
        submit = tab.tree.byId("fool-submit").orElse(-1);
        next = tab.tree.byId("fool-next").orElse(-1);
        if (!joinIfAsked() && !returning) {
            metrics.error("Fool asked " + nickname + " for no nickname");
            return false;
        }
        return takeChallenge();
    }

    /** Reads the challenge the page just put on the canvas; false if none came. */
    private boolean takeChallenge() {
        List<JsonNode> scripts = tab.takeExecutions();
        Optional<JsonNode> shown = lastCall(scripts, canvas, "setImage");
        Optional<JsonNode> limits = lastCall(scripts, canvas, "setLimits");
        if (canvas < 0 || shown.isEmpty() || limits.isEmpty()) {
            return false;
        }
        image = toFloats(shown.get().get(1));
        base = toFloats(limits.get().get(1));
        lower = toFloats(limits.get().get(2));
        upper = toFloats(limits.get().get(3));
        maxChanged = limits.get().get(4).asInt();
        changed.clear();
        roundOpen = true;
        return true;
    }

    @Override
    int canvas() {
        return canvas;
    }

    int submitButton() {
        return submit;
    }

    @Override
    float[] nextStroke() {
        // a few pixels moved within their ranges, never more pixels changed than the level allows
        for (int n = 0; n < 3; n++) {
            int pixel;
            if (changed.size() < maxChanged) {
                pixel = random.nextInt(image.length);
                changed.add(pixel);
            } else {
                pixel = new ArrayList<>(changed).get(random.nextInt(changed.size()));
            }
            image[pixel] = Math.clamp(round3(lower[pixel] + random.nextDouble() * (upper[pixel] - lower[pixel])),
                    lower[pixel], upper[pixel]);
        }
        return image;
    }

    @Override
    void submit() throws IOException, InterruptedException {
        if (!roundOpen) {
            return;
        }
        metrics.submitsSent.incrementAndGet();
        UidlConnection.Answer answer = request(List.of(UidlConnection.click(submit)), "Fool submit");
        if (answer == null) {
            return;
        }
        metrics.submit(answer.nanos());
        // the page closes the round (the canvas turns read-only) only once the attempt is judged and stored
        if (puts(answer.message(), "readonly", "true")) {
            metrics.accepted.incrementAndGet();
            metrics.acceptedFool.incrementAndGet();
            roundOpen = false;
            wantsNextImage = true;
        } else {
            metrics.refused("Fool: the round stayed open");
        }
        tab.takeExecutions();
    }

    @Override
    boolean wantsTurn() {
        return wantsNextImage;
    }

    @Override
    void afterTick() throws IOException, InterruptedException {
        if (!wantsNextImage) {
            return;
        }
        UidlConnection.Answer answer = request(List.of(UidlConnection.click(next)), "Fool next image");
        if (answer != null && takeChallenge()) {
            wantsNextImage = false;
        }
    }

    @Override
    boolean canStroke() {
        return roundOpen;
    }
}
