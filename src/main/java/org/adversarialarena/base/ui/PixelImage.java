package org.adversarialarena.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Locale;

/**
 * The server side of {@code <pixel-image>}: a small square image drawn from numbers, for originals,
 * adversarial images, perturbations (signed) and saliency maps (heat).
 */
@Tag("pixel-image")
@JsModule("./components/pixel-image.ts")
public class PixelImage extends Component implements HasSize {

    /** How values become colours. */
    public enum Palette {
        /** [0, 1] as black to white ink, like the datasets. */
        GRAY,
        /** Signed changes: orange where ink was added, blue where it was removed (colour-blind-safe). */
        SIGNED,
        /** [0, 1] in viridis, dark purple to yellow: saliency and other intensities (colour-blind-safe). */
        HEAT
    }

    public PixelImage() {
        setPalette(Palette.GRAY);
    }

    public PixelImage(float[] pixels, Palette palette, String label) {
        setPalette(palette);
        setPixels(pixels);
        setLabel(label);
    }

    /** A square number of finite values, row by row; sent to three decimals, more than the screen shows. */
    public void setPixels(float[] pixels) {
        int side = (int) Math.round(Math.sqrt(pixels.length));
        if (side * side != pixels.length || side == 0) {
            throw new IllegalArgumentException("A square image is needed, got " + pixels.length + " values");
        }
        for (float value : pixels) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("Pixel values must be finite");
            }
        }
        getElement().setPropertyJson("pixels", JsonArrays.ofPixels(pixels));
    }

    public void setPalette(Palette palette) {
        getElement().setProperty("palette", palette.name().toLowerCase(Locale.ROOT));
    }

    /** For {@link Palette#SIGNED}: the change shown at full colour; 0 scales by the largest value. */
    public void setScale(float scale) {
        getElement().setProperty("scale", scale);
    }

    /** What the image shows, for screen readers. */
    public void setLabel(String label) {
        getElement().setProperty("label", label);
    }

    /** The side length on screen, as a CSS length such as {@code 112px}. */
    public void setDisplaySize(String cssLength) {
        getElement().getStyle().set("--pixel-image-size", cssLength);
    }
}
