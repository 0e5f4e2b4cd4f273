package org.adversarialarena.base.ui;

import com.vaadin.flow.component.ComponentEvent;

/** The player changed the canvas: a stroke, an undo or a clear. The pixels are already validated. */
public class ImageChangeEvent extends ComponentEvent<PixelCanvas> {

    private final float[] pixels;

    ImageChangeEvent(PixelCanvas source, boolean fromClient, float[] pixels) {
        super(source, fromClient);
        this.pixels = pixels.clone();
    }

    public float[] pixels() {
        return pixels.clone();
    }
}
