package org.adversarialarena.base.ui;

import com.vaadin.flow.component.ComponentEvent;

/** The player changed the canvas: a stroke, an undo or a clear. The pixels are already validated. */
public class ImageChangeEvent extends ComponentEvent<PixelCanvas> {

    private final float[] pixels;
    private final long sequence;

    ImageChangeEvent(PixelCanvas source, boolean fromClient, float[] pixels, long sequence) {
        super(source, fromClient);
        this.pixels = pixels.clone();
        this.sequence = sequence;
    }

    /** The browser's number for this report (counting from 1), so an answer can name the report it is for. */
    public long sequence() {
        return sequence;
    }

    public float[] pixels() {
        return pixels.clone();
    }
}
