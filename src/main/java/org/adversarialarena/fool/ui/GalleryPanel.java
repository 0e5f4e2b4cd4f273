package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.IntFunction;
import org.adversarialarena.base.ui.LastShown;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.fool.GalleryItem;

/** The best adversarial examples of the current board: original, the player's image, and what the model said. */
class GalleryPanel extends Div {

    private final Div items = new Div();
    /** By the attempts shown, best first. */
    private final LastShown<List<Long>> shown = new LastShown<>();

    GalleryPanel() {
        setId("fool-gallery");
        addClassName("fool-gallery");
        items.addClassName("fool-gallery-items");
        add(new H3(getTranslation("fool.gallery.title")), items);
    }

    void show(List<GalleryItem> best, IntFunction<String> className) {
        shown.showIfChanged(best.stream().map(GalleryItem::attemptId).toList(), () -> showItems(best, className));
    }

    private void showItems(List<GalleryItem> best, IntFunction<String> className) {
        items.removeAll();
        if (best.isEmpty()) {
            items.add(new Paragraph(getTranslation("fool.gallery.empty")));
        }
        for (GalleryItem item : best) {
            PixelImage original = new PixelImage(item.original(), PixelImage.Palette.GRAY,
                    getTranslation("fool.gallery.original", className.apply(item.trueClass())));
            PixelImage adversarial = new PixelImage(item.adversarial(), PixelImage.Palette.GRAY,
                    getTranslation("fool.gallery.adversarial", className.apply(item.predictedClass())));
            original.setDisplaySize("64px");
            adversarial.setDisplaySize("64px");
            Span caption = new Span(getTranslation("fool.gallery.caption", item.nickname(),
                    className.apply(item.trueClass()), className.apply(item.predictedClass()),
                    LocalFormat.percent(item.confidence(), 0), LocalFormat.decimal(item.points(), 1)));
            Div card = new Div(new Div(original, adversarial), caption);
            card.addClassName("fool-gallery-item");
            items.add(card);
        }
    }
}
