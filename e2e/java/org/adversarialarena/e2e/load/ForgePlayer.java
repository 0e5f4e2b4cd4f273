package org.adversarialarena.e2e.load;

import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * A Forge player: draws on the blank canvas with a soft round brush, submits now and then (the first
 * Submit asks for a nickname, and the forgery is judged once the player joined), and starts a fresh
 * drawing after each result.
 */
final class ForgePlayer extends VirtualPlayer {

    private static final int SIDE = 28;

    private int canvas = -1;
    private int submit = -1;
    private int message = -1;
    private final float[] image = new float[SIDE * SIDE];
    private int penRow;
    private int penColumn;

    ForgePlayer(UidlConnection tab, LoadMetrics metrics, Random random, String nickname) {
        super(tab, metrics, random, nickname);
    }

    @Override
    boolean playsFool() {
        return false;
    }

    @Override
    boolean start() throws IOException, InterruptedException {
        UidlConnection.Answer opened = tab.open("forge");
        if (!opened.ok()) {
            metrics.error("opening Forge for " + nickname + ": HTTP " + opened.status());
            return false;
        }
        canvas = tab.tree.byId("forge-canvas").orElse(-1);
        submit = tab.tree.byId("forge-submit").orElse(-1);
        message = tab.tree.byId("forge-message").orElse(-1);
        tab.takeExecutions();
        penRow = 6 + random.nextInt(16);
        penColumn = 6 + random.nextInt(16);
        return canvas >= 0 && submit >= 0 && message >= 0;
    }

    @Override
    int canvas() {
        return canvas;
    }

    @Override
    float[] nextStroke() {
        // the pen wanders and inks a small disc, as a stroke of the brush does
        penRow = Math.clamp(penRow + random.nextInt(5) - 2, 3, SIDE - 4);
        penColumn = Math.clamp(penColumn + random.nextInt(5) - 2, 3, SIDE - 4);
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int pixel = (penRow + dr) * SIDE + penColumn + dc;
                float ink = dr == 0 && dc == 0 ? 1f : 0.6f;
                image[pixel] = round3(Math.max(image[pixel], ink));
            }
        }
        return image;
    }

    @Override
    void submit() throws IOException, InterruptedException {
        metrics.submitsSent.incrementAndGet();
        UidlConnection.Answer answer = request(List.of(UidlConnection.click(submit)), "Forge submit");
        if (answer == null) {
            return;
        }
        long nanos = answer.nanos();
        if (joinIfAsked()) {
            nanos = -1; // the join's own request judged it
        }
        if (nanos >= 0) {
            metrics.submit(nanos);
        }
        String shown = tab.tree.text(message);
        if (!shown.isBlank() && !tab.tree.hasClass(message, "forge-error")) {
            metrics.accepted.incrementAndGet();
            metrics.acceptedForge.incrementAndGet();
            java.util.Arrays.fill(image, 0f);
        } else {
            metrics.refused(shown);
        }
        tab.takeExecutions();
    }
}
