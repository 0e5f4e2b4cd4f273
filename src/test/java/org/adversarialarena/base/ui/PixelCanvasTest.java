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

    private void report(ArrayNode pixels) {
        ObjectNode data = JacksonUtils.createObjectNode();
        if (pixels != null) {
            data.set("event.detail.pixels", pixels);
        }
        canvas.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(canvas.getElement(), PixelCanvas.CHANGE_EVENT, data));
    }
}
