package org.adversarialarena.forge.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.stream.IntStream;
import org.adversarialarena.ml.data.DatasetId;

/** The dataset and the class to forge. A new dataset starts at its first class. */
class PromptPicker extends Div {

    final Select<DatasetId> dataset = new Select<>();
    final Select<Integer> prompt = new Select<>();
    private final DatasetId firstDataset;

    /** {@code onChoice} runs when the player picks another prompt, or another dataset (and so its first class). */
    PromptPicker(DatasetId firstDataset, int firstPrompt, Runnable onChoice) {
        this.firstDataset = firstDataset;
        dataset.setId("forge-dataset");
        dataset.setLabel(getTranslation("forge.dataset"));
        dataset.setItems(DatasetId.values());
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id.slug()));
        prompt.setId("forge-prompt");
        prompt.setLabel(getTranslation("forge.prompt"));
        prompt.setItemLabelGenerator(this::className);
        dataset.setValue(firstDataset);
        choosePrompts(firstDataset, firstPrompt);
        dataset.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                choosePrompts(change.getValue(), 0);
            }
        });
        prompt.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                onChoice.run();
            }
        });
        add(dataset, prompt);
    }

    DatasetId chosenDataset() {
        DatasetId value = dataset.getValue();
        return value == null ? firstDataset : value;
    }

    int chosenPrompt() {
        Integer value = prompt.getValue();
        return value == null ? 0 : value;
    }

    /** A class's name in the chosen dataset: the prompt list labels its items before anyone else hears of the choice. */
    String className(int classIndex) {
        return getTranslation("dataset." + chosenDataset().slug() + ".class." + classIndex);
    }

    List<String> classNames() {
        return IntStream.range(0, chosenDataset().classCount()).mapToObj(this::className).toList();
    }

    private void choosePrompts(DatasetId chosen, int first) {
        prompt.setItems(IntStream.range(0, chosen.classCount()).boxed().toList());
        prompt.setValue(first);
    }
}
