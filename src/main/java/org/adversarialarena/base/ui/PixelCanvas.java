package org.adversarialarena.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The server side of {@code <pixel-canvas>}, the 28×28 drawing surface every game reuses. It keeps
 * the last valid image the browser reported; a report that is not a valid image (wrong length,
 * non-numbers, values outside [0, 1]) is logged and dropped, so listeners only ever see valid pixels.
 */
@Tag("pixel-canvas")
@JsModule("./components/pixel-canvas.ts")
public class PixelCanvas extends Component implements HasSize {

    static final String CHANGE_EVENT = "image-change";
    private static final String PIXELS_DATA = "event.detail.pixels";
    private static final Logger log = LoggerFactory.getLogger(PixelCanvas.class);

    private float[] image = ImagePixels.blank();

    public PixelCanvas() {
        getElement().addEventListener(CHANGE_EVENT, this::onClientChange).addEventData(PIXELS_DATA);
    }

    /** Shows {@code pixels} (784 values in [0, 1], row by row) on the canvas and clears its undo history. */
    public void setImage(float[] pixels) {
        image = ImagePixels.requireValid(pixels);
        ArrayNode values = JacksonUtils.createArrayNode();
        for (float value : image) {
            values.add(value);
        }
        getElement().callJsFunction("setImage", values);
    }

    /** A copy of the image as last reported by the browser or set by the server. */
    public float[] getImage() {
        return image.clone();
    }

    public void setBrushSize(double radiusInPixels) {
        getElement().setProperty("brushSize", radiusInPixels);
    }

    public void setIntensity(double intensity) {
        if (!(intensity > 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Brush intensity must be in (0, 1], was " + intensity);
        }
        getElement().setProperty("intensity", intensity);
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    public Registration addImageChangeListener(ComponentEventListener<ImageChangeEvent> listener) {
        return addListener(ImageChangeEvent.class, listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Labels are sent on attach because the locale is known only then.
        Map<String, String> labels = Map.of(
                "brush", getTranslation("canvas.brush"),
                "eraser", getTranslation("canvas.eraser"),
                "size", getTranslation("canvas.size"),
                "intensity", getTranslation("canvas.intensity"),
                "undo", getTranslation("canvas.undo"),
                "clear", getTranslation("canvas.clear"),
                "canvas", getTranslation("canvas.description"));
        getElement().setPropertyJson("labels", JacksonUtils.mapToJson(labels));
        if (ImagePixels.inkedCount(image) > 0) {
            setImage(image);
        }
    }

    private void onClientChange(DomEvent event) {
        try {
            float[] reported = ImagePixels.requireValid(toFloats(event.getEventData().get(PIXELS_DATA)));
            image = reported;
            fireEvent(new ImageChangeEvent(this, true, reported));
        } catch (InvalidImageException e) {
            log.warn("Dropped an invalid image from the browser: {}", e.getMessage());
        }
    }

    private static float[] toFloats(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidImageException("The browser sent no pixel array.");
        }
        if (node.size() != ImagePixels.COUNT) {
            throw new InvalidImageException("The browser sent " + node.size() + " values instead of " + ImagePixels.COUNT + ".");
        }
        float[] pixels = new float[node.size()];
        for (int i = 0; i < pixels.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber()) {
                throw new InvalidImageException("Pixel " + i + " is not a number.");
            }
            pixels[i] = value.floatValue();
        }
        return pixels;
    }
}
