package org.adversarialarena.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The server side of the canvas: what it accepts from the browser and from the games. */
class PixelCanvasTest {

    private final PixelCanvas canvas = new PixelCanvas();
    private final List<float[]> heard = new ArrayList<>();

    PixelCanvasTest() {
        canvas.addImageChangeListener(change -> heard.add(change.pixels()));
    }

    @Test
    void aValidReportFromTheBrowserBecomesTheImageAndReachesListeners() {
        ArrayNode pixels = JacksonUtils.createArrayNode();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            pixels.add(i == 42 ? 0.75 : 0);
        }

        report(pixels);

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0)[42]).isEqualTo(0.75f);
        assertThat(canvas.getImage()[42]).isEqualTo(0.75f);
    }

    @Test
    void invalidReportsAreDroppedAndTheLastGoodImageIsKept() {
        ArrayNode tooShort = JacksonUtils.createArrayNode().add(1).add(0);
        ArrayNode notNumbers = JacksonUtils.createArrayNode();
        ArrayNode outOfRange = JacksonUtils.createArrayNode();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            notNumbers.add(i == 3 ? "x" : "0");
            outOfRange.add(i == 3 ? 7 : 0);
        }

        report(tooShort);
        report(notNumbers);
        report(outOfRange);
        report(null);

        assertThat(heard).isEmpty();
        assertThat(canvas.getImage()).containsOnly(0f);
    }

    /** Issue 24: Jackson refuses to read 1e39 as a float; that must be a dropped report, not an error. */
    @Test
    void numbersBeyondAFloatsRangeAreDroppedLikeAnyInvalidReport() {
        for (double hostile : new double[] {1e39, -1e39, Double.MAX_VALUE, 1e-50 - 1}) {
            ArrayNode pixels = JacksonUtils.createArrayNode();
            for (int i = 0; i < ImagePixels.COUNT; i++) {
                pixels.add(i == 9 ? hostile : 0.5);
            }
            report(pixels);
        }
        ArrayNode huge = JacksonUtils.createArrayNode();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            huge.add(new java.math.BigInteger("1" + "0".repeat(400)));
        }
        report(huge);

        assertThat(heard).isEmpty();
        assertThat(canvas.getImage()).containsOnly(0f);
    }

    @Test
    void theServerCanShowAnImageButOnlyAValidOne() {
        float[] image = ImagePixels.blank();
        image[0] = 1f;
        canvas.setImage(image);
        image[0] = 0f;
        assertThat(canvas.getImage()[0]).as("the canvas keeps its own copy").isEqualTo(1f);

        assertThatThrownBy(() -> canvas.setImage(new float[3])).isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> canvas.setIntensity(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(canvas.getImage()[0]).isEqualTo(1f);
    }

    @Test
    void withLimitsReportsOutsideAPixelsRangeOrOverTheChangedPixelBudgetAreDropped() {
        float[] base = ImagePixels.blank();
        float[] lower = ImagePixels.blank();
        float[] upper = new float[ImagePixels.COUNT];
        java.util.Arrays.fill(upper, 0.3f);
        canvas.setImage(base);
        canvas.setLimits(base, lower, upper, 2);

        report(image(0.3, 0, 1));
        report(image(0.5, 0));
        report(image(0.2, 0, 1, 2));

        assertThat(heard).hasSize(1);
        assertThat(canvas.getImage()[1]).isEqualTo(0.3f);
        assertThatThrownBy(() -> canvas.setLimits(base, upper, upper, 2)).hasMessageContaining("outside its range");
        assertThatThrownBy(() -> canvas.setLimits(base, lower, upper, 0)).hasMessageContaining("pixels may change");

        canvas.clearLimits();
        report(image(0.5, 0, 1, 2));
        assertThat(heard).hasSize(2);
    }

    /**
     * The browser gets images and limits to three decimals and reports to three decimals: an untouched
     * pixel of an original comes back as its rounded value and counts as unchanged, and a pixel pushed to
     * its rounded bound is within its range.
     */
    @Test
    void theBrowsersRoundedOriginalAndRoundedBoundsAreWithinTheLimits() {
        float[] base = new float[ImagePixels.COUNT];
        float[] lower = new float[ImagePixels.COUNT];
        float[] upper = new float[ImagePixels.COUNT];
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            base[i] = (i * 7 % 256) / 255f;
            lower[i] = Math.max(0f, base[i] - 0.1f);
            upper[i] = Math.min(1f, base[i] + 0.1f);
        }
        canvas.setImage(base);
        canvas.setLimits(base, lower, upper, 1);

        ArrayNode pushedToItsBound = JacksonUtils.createArrayNode();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            pushedToItsBound.add(threeDecimals(i == 5 ? upper[i] : base[i]));
        }
        report(pushedToItsBound);

        assertThat(heard).as("one pixel changed, within its range").hasSize(1);
    }

    private static float threeDecimals(float value) {
        return Math.round(value * 1000f) / 1000f;
    }

    @Test
    void aReportCarriesTheBrowsersSequenceNumber() {
        ObjectNode data = JacksonUtils.createObjectNode();
        data.set("event.detail.pixels", image(0.5, 3));
        data.put("event.detail.seq", 17);
        List<Long> sequences = new ArrayList<>();
        canvas.addImageChangeListener(change -> sequences.add(change.sequence()));

        canvas.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(canvas.getElement(), PixelCanvas.CHANGE_EVENT, data));

        assertThat(sequences).containsExactly(17L);
    }

    private static ArrayNode image(double value, int... inked) {
        ArrayNode pixels = JacksonUtils.createArrayNode();
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            final int pixel = i;
            pixels.add(java.util.Arrays.stream(inked).anyMatch(p -> p == pixel) ? value : 0);
        }
        return pixels;
    }

    private void report(ArrayNode pixels) {
        ObjectNode data = JacksonUtils.createObjectNode();
        if (pixels != null) {
            data.set("event.detail.pixels", pixels);
        }
        canvas.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(canvas.getElement(), PixelCanvas.CHANGE_EVENT, data));
    }
}
