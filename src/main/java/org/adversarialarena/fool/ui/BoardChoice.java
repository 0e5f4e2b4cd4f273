package org.adversarialarena.fool.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.adversarialarena.fool.FoolLevel;
import org.adversarialarena.ml.data.DatasetId;

/** The dataset and the level to play; levels that cannot be played on the dataset say so. */
class BoardChoice extends Div {

    final Select<DatasetId> dataset = new Select<>();
    final Select<FoolLevel> level = new Select<>();
    private final BiPredicate<FoolLevel, DatasetId> available;

    BoardChoice(FoolLevel initialLevel, DatasetId initialDataset, BiPredicate<FoolLevel, DatasetId> available,
            BiConsumer<FoolLevel, DatasetId> chosen) {
        this.available = available;
        addClassName("fool-choices");
        dataset.setId("fool-dataset");
        dataset.setLabel(getTranslation("fool.dataset"));
        dataset.setItems(DatasetId.values());
        dataset.setItemLabelGenerator(d -> getTranslation("dataset." + d.slug()));
        dataset.setValue(initialDataset);
        level.setId("fool-level");
        level.setLabel(getTranslation("fool.level"));
        level.setItems(FoolLevel.values());
        level.setValue(initialLevel);
        labelLevels(initialDataset);
        dataset.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                labelLevels(change.getValue());
                chosen.accept(chosenLevel(), change.getValue());
            }
        });
        level.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                chosen.accept(change.getValue(), chosenDataset());
            }
        });
        add(dataset, level);
    }

    private FoolLevel chosenLevel() {
        FoolLevel chosen = level.getValue();
        return chosen == null ? FoolLevel.FEW_PIXELS : chosen;
    }

    private DatasetId chosenDataset() {
        DatasetId chosen = dataset.getValue();
        return chosen == null ? DatasetId.MNIST : chosen;
    }

    private void labelLevels(DatasetId on) {
        level.setItemLabelGenerator(l -> getTranslation("fool.level.label", l.number(), getTranslation(l.titleKey()))
                + (available.test(l, on) ? "" : " · " + getTranslation("fool.unavailable")));
    }
}
