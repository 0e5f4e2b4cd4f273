package org.adversarialarena.forge.ui;

import com.vaadin.browserless.ComponentTester;
import org.adversarialarena.base.ui.BrowserRequest;
import org.adversarialarena.base.ui.PixelCanvas;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paints on a {@link PixelCanvas} as the browser does: each call sends the canvas's report of its
 * whole image after a stroke, numbered like the browser numbers them.
 */
public class PaintingCanvas extends ComponentTester<PixelCanvas> {

    private long reports;

    public PaintingCanvas(PixelCanvas canvas) {
        super(canvas);
    }

    /** One stroke, one request. */
    public void paint(float[] pixels) {
        queue(pixels);
        BrowserRequest.answer();
    }

    /** A report the browser (or a script) puts into the request being built; {@link BrowserRequest#answer} ends it. */
    void queue(float[] pixels) {
        ensureComponentIsUsable();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode values = data.putArray("event.detail.pixels");
        for (float value : pixels) {
            values.add(value);
        }
        data.put("event.detail.seq", ++reports);
        fireDomEvent("image-change", data);
    }

    /** A report of any shape: what a hostile script may send. */
    void queueRaw(ObjectNode data) {
        ensureComponentIsUsable();
        fireDomEvent("image-change", data);
    }
}
