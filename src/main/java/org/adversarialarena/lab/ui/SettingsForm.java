package org.adversarialarena.lab.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.jobs.SettingProblem;
import org.adversarialarena.lab.LabPreset;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;

/**
 * A GAN run's settings as a form, filled from a preset and sent as typed: the server checks every value
 * and names every problem, which this form marks at its field.
 */
class SettingsForm extends FormLayout {

    final Select<LabPreset> preset = new Select<>();
    final Paragraph presetText = new Paragraph();
    final Select<DatasetId> dataset = new Select<>();
    final Select<GanArchitecture> architecture = new Select<>();
    final Checkbox conditional = new Checkbox();
    final Select<GanLoss> loss = new Select<>();
    private final Map<String, TextField> numbers = new LinkedHashMap<>();

    SettingsForm() {
        setId("lab-settings");
        preset.setId("lab-preset");
        preset.setLabel(getTranslation("lab.preset"));
        preset.setItems(LabPreset.values());
        preset.setItemLabelGenerator(choice -> getTranslation(choice.key()));
        preset.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                fill(change.getValue().settings());
                presetText.setText(getTranslation(change.getValue().key() + ".text"));
            }
        });
        presetText.setId("lab-preset-text");
        dataset.setLabel(getTranslation("lab.setting.dataset"));
        dataset.setItems(DatasetId.values());
        dataset.setItemLabelGenerator(choice -> getTranslation("dataset." + choice.slug()));
        architecture.setLabel(getTranslation("lab.setting.architecture"));
        architecture.setItems(GanArchitecture.values());
        architecture.setItemLabelGenerator(choice -> getTranslation("lab.architecture." + lowerCase(choice)));
        conditional.setLabel(getTranslation("lab.setting.conditional"));
        loss.setId("lab-loss");
        loss.setLabel(getTranslation("lab.setting.loss"));
        loss.setItems(GanLoss.values());
        loss.setItemLabelGenerator(choice -> getTranslation(lossKey(choice)));
        add(preset, presetText, dataset, architecture, conditional, loss);
        for (String name : List.of("discriminatorSteps", "generatorLearningRate", "discriminatorLearningRate",
                "realLabel", "batchSize", "latentSize", "steps", "seed")) {
            TextField field = new TextField(getTranslation("lab.setting." + name));
            field.setId("lab-setting-" + name);
            numbers.put(name, field);
            add(field);
        }
        setColspan(presetText, 2);
        preset.setValue(LabPreset.HEALTHY);
    }

    static String lossKey(GanLoss loss) {
        return "lab.loss." + lowerCase(loss);
    }

    TextField number(String name) {
        return numbers.get(name);
    }

    /** The settings as typed, by name; the server parses and checks them. */
    Map<String, Object> values() {
        clearProblems();
        Map<String, Object> values = new LinkedHashMap<>();
        if (dataset.getValue() != null) {
            values.put("dataset", dataset.getValue().slug());
        }
        if (architecture.getValue() != null) {
            values.put("architecture", lowerCase(architecture.getValue()));
        }
        values.put("conditional", conditional.getValue());
        if (loss.getValue() != null) {
            values.put("loss", lowerCase(loss.getValue()));
        }
        numbers.forEach((name, field) -> {
            if (!field.getValue().isBlank()) {
                values.put(name, field.getValue());
            }
        });
        return values;
    }

    /** Marks each problem at its field; those without a field are returned for the page to show. */
    List<SettingProblem> show(List<SettingProblem> problems) {
        clearProblems();
        return problems.stream().filter(problem -> {
            TextField field = numbers.get(problem.setting());
            if (field == null) {
                return true;
            }
            field.setInvalid(true);
            field.setErrorMessage(getTranslation(problem.key(), problem.arguments().toArray()));
            return false;
        }).toList();
    }

    private void clearProblems() {
        numbers.values().forEach(field -> field.setInvalid(false));
    }

    private void fill(Map<String, Object> values) {
        dataset.setValue(DatasetId.values()[0]);
        for (DatasetId id : DatasetId.values()) {
            if (id.slug().equals(values.get("dataset"))) {
                dataset.setValue(id);
            }
        }
        architecture.setValue(GanArchitecture.valueOf(values.get("architecture").toString().toUpperCase(Locale.ROOT)));
        conditional.setValue(Boolean.TRUE.equals(values.get("conditional")));
        loss.setValue(GanLoss.valueOf(values.getOrDefault("loss", "non_saturating").toString().toUpperCase(Locale.ROOT)));
        numbers.forEach((name, field) -> {
            Object value = values.get(name);
            field.setValue(value == null ? "" : format(value));
        });
    }

    private static String format(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) >= 1) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
