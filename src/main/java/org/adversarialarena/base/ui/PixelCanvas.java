package org.adversarialarena.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.Optional;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.image.InvalidImageException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The server side of {@code <pixel-canvas>}, the 28×28 drawing surface every game reuses. It keeps
 * the last valid image the browser reported; a report that is not a valid image (wrong length,
 * non-numbers, values outside [0, 1] or beyond any number's range) is logged and dropped, so listeners
 * only ever see valid pixels. A dropped report puts the server's image back on the browser's canvas
 * and tells the player; until that answer has gone out, {@link #getImage} refuses, so a Submit in the
 * same request cannot judge an image other than the one the player will see.
 *
 * <p>Reports queued in one request are coalesced: only the latest is validated and handed to the
 * listeners (each of which may judge it with a network), just before the answer is written. Reading
 * the image in between (a Submit clicked in the same request) handles the waiting report first.
 *
 * <p>A game can limit edits ({@link #setLimits}): the browser then keeps each pixel within its range
 * and changes at most so many pixels, and this side drops any report that breaks the limits anyway.
 */
@Tag("pixel-canvas")
@JsModule("./components/pixel-canvas.ts")
public class PixelCanvas extends Component implements HasSize {

    static final String CHANGE_EVENT = "image-change";
    private static final String PIXELS_DATA = "event.detail.pixels";
    private static final String SEQUENCE_DATA = "event.detail.seq";
    /**
     * Reports are rounded to three decimals, and so are the images and limits sent to the browser;
     * originals are multiples of 1/255.
     */
    static final float LIMIT_TOLERANCE = 0.5f / 255f + 0.0006f;
    private static final Logger log = LoggerFactory.getLogger(PixelCanvas.class);
    private static final int DROPPED_NOTICE_MILLIS = 8000;

    private float[] image = ImagePixels.blank();
    private @Nullable Limits limits;
    /** The latest report of the request being handled, not yet validated; null if none waits. */
    private @Nullable Report waiting;
    private boolean handlingScheduled;
    /** A report of the request being handled was dropped: the browser's canvas is not the server's image. */
    private boolean outOfSync;

    private record Report(@Nullable JsonNode pixels, long sequence) {
    }

    /** Per-pixel ranges and the most pixels that may differ from the base image. */
    private record Limits(float[] base, float[] lower, float[] upper, int maxChanged) {
    }

    public PixelCanvas() {
        getElement().addEventListener(CHANGE_EVENT, this::onClientChange).addEventData(PIXELS_DATA)
                .addEventData(SEQUENCE_DATA);
    }

    /**
     * Shows {@code pixels} (784 values in [0, 1], row by row) on the canvas, to three decimals as the canvas
     * reports them, and clears its undo history.
     */
    public void setImage(float[] pixels) {
        image = ImagePixels.requireValid(pixels);
        getElement().callJsFunction("setImage", array(image));
    }

    /**
     * A copy of the image as last reported by the browser or set by the server. Throws
     * {@link CanvasOutOfSyncException} if a report of this request was dropped: the browser showed
     * another image, and shows the server's only once this request is answered.
     */
    public float[] getImage() {
        handleWaitingReport();
        if (outOfSync) {
            throw new CanvasOutOfSyncException();
        }
        return image.clone();
    }

    /**
     * Limits what the player can do to the image: each pixel {@code i} stays in
     * [{@code lower[i]}, {@code upper[i]}], and at most {@code maxChangedPixels} pixels may differ from
     * {@code base}. Reports that break the limits are dropped. Call after {@link #setImage}.
     */
    public void setLimits(float[] base, float[] lower, float[] upper, int maxChangedPixels) {
        float[] validBase = ImagePixels.requireValid(base);
        float[] validLower = ImagePixels.requireValid(lower);
        float[] validUpper = ImagePixels.requireValid(upper);
        for (int i = 0; i < ImagePixels.COUNT; i++) {
            if (validLower[i] > validBase[i] || validBase[i] > validUpper[i]) {
                throw new IllegalArgumentException("Pixel " + i + ": the base value lies outside its range");
            }
        }
        if (maxChangedPixels < 1 || maxChangedPixels > ImagePixels.COUNT) {
            throw new IllegalArgumentException("Between 1 and " + ImagePixels.COUNT + " pixels may change, was "
                    + maxChangedPixels);
        }
        limits = new Limits(validBase, validLower, validUpper, maxChangedPixels);
        getElement().callJsFunction("setLimits", array(validBase), array(validLower), array(validUpper),
                maxChangedPixels);
    }

    /**
     * Keeps the player's edits in the browser tab under {@code key} (e.g. a challenge's id; empty: keep
     * nothing): after a reload, an image kept under the same key is put back and reported like a stroke,
     * within the limits the server checks as always. Call after {@link #setLimits}.
     */
    public void keepIn(String key) {
        getElement().callJsFunction("keepIn", key);
    }

    public void clearLimits() {
        limits = null;
        getElement().callJsFunction("clearLimits");
    }

    /**
     * Tints pixels orange where {@code heat} is positive and blue where it is negative (784 values in
     * [−1, 1]), e.g. where adding or removing ink helps; null removes the tint.
     */
    public void setOverlay(float @Nullable [] heat) {
        getElement().callJsFunction("setOverlay", heat == null ? JacksonUtils.createArrayNode() : array(signed(heat)));
    }

    private static float[] signed(float[] heat) {
        if (heat.length != ImagePixels.COUNT) {
            throw new IllegalArgumentException("An overlay has " + ImagePixels.COUNT + " values, not " + heat.length);
        }
        for (float value : heat) {
            if (!(value >= -1f && value <= 1f)) {
                throw new IllegalArgumentException("Overlay values lie in [-1, 1], was " + value);
            }
        }
        return heat;
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
        // Vaadin drops a detached component's pending before-response callback: schedule afresh. The
        // browser's new element gets the server's image below, so it is in step again.
        handlingScheduled = false;
        waiting = null;
        outOfSync = false;
        // Labels are sent on attach because the locale is known only then.
        Map<String, String> labels = Map.of(
                "brush", getTranslation("canvas.brush"),
                "eraser", getTranslation("canvas.eraser"),
                "size", getTranslation("canvas.size"),
                "intensity", getTranslation("canvas.intensity"),
                "undo", getTranslation("canvas.undo"),
                "clear", getTranslation("canvas.clear"),
                "canvas", getTranslation("canvas.description"),
                "keys", getTranslation("canvas.keys"),
                "cursor", getTranslation("canvas.cursor"));
        getElement().setPropertyJson("labels", JacksonUtils.mapToJson(labels));
        if (ImagePixels.inkedCount(image) > 0) {
            setImage(image);
        }
        Limits current = limits;
        if (current != null) {
            setLimits(current.base(), current.lower(), current.upper(), current.maxChanged());
        }
    }

    private void onClientChange(DomEvent event) {
        JsonNode sequence = event.getEventData().get(SEQUENCE_DATA);
        waiting = new Report(event.getEventData().get(PIXELS_DATA),
                sequence != null && sequence.canConvertToLong() ? sequence.asLong() : 0);
        Optional<UI> ui = getUI();
        if (ui.isEmpty()) {
            handleWaitingReport();
        } else if (!handlingScheduled) {
            handlingScheduled = true;
            ui.get().beforeClientResponse(this, context -> {
                handlingScheduled = false;
                handleInTheUi();
                // The answer now going out carries the server's image back to the browser.
                outOfSync = false;
            });
        }
    }

    /** Runs just before the answer is written, where Vaadin's error handler would not see a failure. */
    private void handleInTheUi() {
        try {
            handleWaitingReport();
        } catch (RuntimeException e) {
            VaadinSession session = VaadinSession.getCurrent();
            if (session == null) {
                throw e;
            }
            session.getErrorHandler().error(new ErrorEvent(e));
        }
    }

    private void handleWaitingReport() {
        Report report = waiting;
        if (report == null) {
            return;
        }
        waiting = null;
        float[] reported;
        try {
            reported = ImagePixels.requireValid(toFloats(report.pixels()));
            requireWithinLimits(reported);
        } catch (InvalidImageException e) {
            log.warn("Dropped an invalid image from the browser: {}", e.getMessage());
            putServerImageBack();
            return;
        }
        image = reported;
        fireEvent(new ImageChangeEvent(this, true, reported, report.sequence()));
    }

    /** The browser's canvas shows what no listener has seen: it gets the server's image again, and the player is told. */
    private void putServerImageBack() {
        // A detached canvas has no browser element to correct; attaching sends the server's image anyway.
        getUI().ifPresent(ui -> {
            getElement().callJsFunction("setImage", array(image));
            outOfSync = true;
            Notification notification = new Notification(ui.getTranslation("canvas.dropped"), DROPPED_NOTICE_MILLIS,
                    Notification.Position.MIDDLE);
            notification.setId("canvas-dropped");
            notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
            notification.open();
        });
    }

    private void requireWithinLimits(float[] reported) {
        Limits current = limits;
        if (current == null) {
            return;
        }
        int changed = 0;
        for (int i = 0; i < reported.length; i++) {
            if (reported[i] < current.lower()[i] - LIMIT_TOLERANCE || reported[i] > current.upper()[i] + LIMIT_TOLERANCE) {
                throw new InvalidImageException("Pixel " + i + " is " + reported[i] + ", outside its allowed range ["
                        + current.lower()[i] + ", " + current.upper()[i] + "].");
            }
            if (Math.abs(reported[i] - current.base()[i]) > LIMIT_TOLERANCE) {
                changed++;
            }
        }
        if (changed > current.maxChanged()) {
            throw new InvalidImageException(changed + " pixels changed; at most " + current.maxChanged() + " may.");
        }
    }

    private static ArrayNode array(float[] values) {
        return JsonArrays.ofPixels(values);
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
            // Jackson refuses to narrow a number beyond float's range (1e39) to a float, and throws on a double
            // beyond range; with a default it answers NaN, which the range check refuses.
            double number = value.doubleValue(Double.NaN);
            if (!(number >= 0 && number <= 1)) {
                throw new InvalidImageException("Pixel " + i + " is " + value + ", outside [0, 1].");
            }
            pixels[i] = (float) number;
        }
        return pixels;
    }
}
