package org.adversarialarena.forge;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import org.adversarialarena.base.ui.ArenaSection;
import org.adversarialarena.base.ui.PixelCanvas;
import org.adversarialarena.base.ui.SectionPage;
import org.adversarialarena.image.ImageKind;
import org.adversarialarena.image.ImageStore;
import org.adversarialarena.ml.image.ImagePixels;

/**
 * The forge game is not built yet; until it is, this page offers the sketchpad it will use, so the
 * canvas, the server round trip and image storage can be tried for real.
 */
@Route("forge")
class ForgeView extends SectionPage {

    private final ImageStore images;
    private final PixelCanvas canvas = new PixelCanvas();
    private final Span ink = new Span();

    ForgeView(ImageStore images) {
        super(ArenaSection.FORGE);
        this.images = images;
        canvas.setId("sketchpad-canvas");
        ink.setId("sketchpad-ink");
        showInk(0);
        canvas.addImageChangeListener(change -> showInk(ImagePixels.inkedCount(change.pixels())));

        Button save = new Button(getTranslation("sketchpad.save"), click -> save());
        save.setId("sketchpad-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new Paragraph(getTranslation("forge.text")), comingSoon(),
                new H3(getTranslation("sketchpad.title")), new Paragraph(getTranslation("sketchpad.text")),
                canvas, ink, save);
    }

    private void showInk(int inkedPixels) {
        ink.setText(getTranslation("sketchpad.ink", inkedPixels));
    }

    private void save() {
        float[] pixels = canvas.getImage();
        if (ImagePixels.inkedCount(pixels) == 0) {
            Notification.show(getTranslation("sketchpad.empty"));
            return;
        }
        images.save(ImageKind.SKETCH, pixels, null, null);
        Notification.show(getTranslation("sketchpad.saved", images.count(ImageKind.SKETCH)));
    }
}
