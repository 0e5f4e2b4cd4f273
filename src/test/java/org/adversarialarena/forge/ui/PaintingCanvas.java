package org.adversarialarena.forge.ui;

import com.vaadin.browserless.ComponentTester;
import org.adversarialarena.base.ui.PixelCanvas;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paints on a {@link PixelCanvas} as the browser does: each call sends the canvas's report of its
 * whole image after a stroke, numbered like the browser numbers them.
 */
class PaintingCanvas extends ComponentTester<PixelCanvas> {

    private long reports;

    PaintingCanvas(PixelCanvas canvas) {
        super(canvas);
    }

    void paint(float[] pixels) {
        ensureComponentIsUsable();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode values = data.putArray("event.detail.pixels");
        for (float value : pixels) {
            values.add(value);
        }
        data.put("event.detail.seq", ++reports);
        fireDomEvent("image-change", data);
    }
}
