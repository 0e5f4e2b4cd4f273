package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adversarialarena.ml.image.ImagePixels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A short fuzz of the canvas channel (issue 24): 10,000 malformed reports of every wrong shape, type
 * and value go through the canvas's real client-event path. None may escape as an exception (which
 * Vaadin would answer with an error), and only valid images may reach the listeners, so nothing
 * malformed is ever judged or stored. Seeded, so a failure repeats.
 */
class CanvasFuzzTest {

    private static final int REPORTS = 10_000;

    private final PixelCanvas canvas = new PixelCanvas();
    private final List<float[]> heard = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(24);

    @Test
    void tenThousandMalformedReportsNeitherEscapeNorReachTheListeners() {
        canvas.addImageChangeListener(change -> heard.add(change.pixels()));
        canvas.setLimits(ImagePixels.blank(), ImagePixels.blank(), full(), 100);
        int valid = 0;
        for (int i = 0; i < REPORTS; i++) {
            ObjectNode data = JacksonUtils.createObjectNode();
            if (random.nextInt(20) > 0) {
                data.set("event.detail.pixels", pixels());
            }
            data.set("event.detail.seq", value());
            boolean shouldPass = isValidWithinLimits(data.get("event.detail.pixels"));
            valid += shouldPass ? 1 : 0;
            int before = heard.size();

            canvas.getElement().getNode().getFeature(ElementListenerMap.class)
                    .fireEvent(new DomEvent(canvas.getElement(), PixelCanvas.CHANGE_EVENT, data));

            assertThat(heard.size() - before).as("report %d heard only if valid", i).isEqualTo(shouldPass ? 1 : 0);
        }
        assertThat(heard).allSatisfy(image -> assertThat(ImagePixels.inkedCount(image)).isLessThanOrEqualTo(100));
        assertThat(valid).as("the fuzz also sends some valid reports, which must still pass").isPositive();
        assertThat(REPORTS - valid).isGreaterThan(REPORTS * 9 / 10);
    }

    /** An array that is usually 784 long but carries wrong values, or some other shape altogether. */
    private JsonNode pixels() {
        return switch (random.nextInt(6)) {
            case 0 -> value();
            case 1 -> array(random.nextInt(2000));
            case 2, 3, 4 -> {
                ArrayNode pixels = array(ImagePixels.COUNT);
                if (random.nextInt(10) == 0) {
                    yield pixels; // a valid blank-ish image, possibly over the limits
                }
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    pixels.set(random.nextInt(ImagePixels.COUNT), value());
                }
                yield pixels;
            }
            default -> {
                ArrayNode nested = JacksonUtils.createArrayNode();
                for (int k = 0; k < ImagePixels.COUNT; k++) {
                    nested.add(JacksonUtils.createArrayNode().add(0.5));
                }
                yield nested;
            }
        };
    }

    private ArrayNode array(int length) {
        ArrayNode values = JacksonUtils.createArrayNode();
        for (int k = 0; k < length; k++) {
            values.add(random.nextInt(30) == 0 ? random.nextDouble() : 0.0);
        }
        return values;
    }

    /** A JSON value of any type, with the numbers that break parsers. */
    private JsonNode value() {
        ObjectNode holder = JacksonUtils.createObjectNode();
        switch (random.nextInt(16)) {
            case 0 -> holder.put("v", 1e39);
            case 1 -> holder.put("v", -1e39);
            case 2 -> holder.put("v", Double.NaN);
            case 3 -> holder.put("v", Double.POSITIVE_INFINITY);
            case 4 -> holder.put("v", Double.MAX_VALUE);
            case 5 -> holder.put("v", Double.MIN_VALUE);
            case 6 -> holder.put("v", new BigInteger("9".repeat(1 + random.nextInt(500))));
            case 7 -> holder.put("v", new BigDecimal("1e-400"));
            case 8 -> holder.put("v", Long.MIN_VALUE);
            case 9 -> holder.put("v", "0.5");
            case 10 -> holder.put("v", random.nextBoolean());
            case 11 -> holder.putNull("v");
            case 12 -> holder.set("v", JacksonUtils.createObjectNode().put("x", 1));
            case 13 -> holder.put("v", -0.0);
            case 14 -> holder.put("v", random.nextDouble(-2, 3));
            default -> holder.put("v", random.nextDouble());
        }
        return holder.get("v");
    }

    /** What the canvas must accept: 784 numbers, each in [0, 1] and in its range, at most 100 changed. */
    private static boolean isValidWithinLimits(JsonNode pixels) {
        if (pixels == null || !pixels.isArray() || pixels.size() != ImagePixels.COUNT) {
            return false;
        }
        int changed = 0;
        for (JsonNode value : pixels) {
            if (!value.isNumber()) {
                return false;
            }
            double number = value.doubleValue(Double.NaN);
            if (!(number >= 0 && number <= 1)) {
                return false;
            }
            changed += (float) number > PixelCanvas.LIMIT_TOLERANCE ? 1 : 0;
        }
        return changed <= 100;
    }

    private static float[] full() {
        float[] ones = new float[ImagePixels.COUNT];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }
}
