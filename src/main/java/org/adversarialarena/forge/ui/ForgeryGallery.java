package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.adversarialarena.base.ui.LastShown;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.forge.Forgery;

/** Forgeries that fooled the detective (real-probability of at least 0.5, prompt recognised), newest first. */
class ForgeryGallery extends Div {

    private final Div items = new Div();
    /** By the forgeries shown, newest first. */
    private final LastShown<List<Long>> shown = new LastShown<>();

    ForgeryGallery() {
        setId("forge-gallery");
        addClassName("forge-gallery");
        items.addClassName("forge-gallery-items");
        add(new H4(getTranslation("forge.gallery.title")), items);
    }

    void show(List<Forgery> forgeries, List<String> classNames) {
        shown.showIfChanged(forgeries.stream().map(Forgery::id).toList(), () -> showItems(forgeries, classNames));
    }

    private void showItems(List<Forgery> forgeries, List<String> classNames) {
        items.removeAll();
        if (forgeries.isEmpty()) {
            items.add(new Paragraph(getTranslation("forge.gallery.empty")));
            return;
        }
        for (Forgery forgery : forgeries) {
            String caption = getTranslation("forge.gallery.item", forgery.nickname(),
                    classNames.get(forgery.promptClass()), DetectiveStatusPanel.percent(forgery.realProbability()),
                    forgery.detectiveVersion());
            PixelImage image = new PixelImage(forgery.pixels(), PixelImage.Palette.GRAY, caption);
            image.setDisplaySize("84px");
            Div item = new Div(image, new Span(caption));
            item.addClassName("forge-gallery-item");
            items.add(item);
        }
    }
}
