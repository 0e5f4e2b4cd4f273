package org.adversarialarena.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.gan.GanArchitecture;
import org.adversarialarena.ml.gan.GanLoss;
import org.adversarialarena.ml.gan.GanTrainingOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings of a GAN run, as stored in {@code training_run.settings} (JSON with these names).
 * {@link #parse} checks every value against its range and names every problem, so a form or an
 * API client learns all that is wrong at once; the ranges are in docs/jobs.md.
 */
public record GanRunSettings(DatasetId dataset, GanArchitecture architecture, GanLoss loss, int discriminatorSteps,
        double generatorLearningRate, double discriminatorLearningRate, double realLabel, double weightClip,
        int batchSize, int steps, long seed, boolean conditional, int latentSize) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NAMES = Set.of("dataset", "architecture", "loss", "discriminatorSteps",
            "generatorLearningRate", "discriminatorLearningRate", "realLabel", "weightClip", "batchSize", "steps",
            "seed", "conditional", "latentSize");

    static final int MAX_DISCRIMINATOR_STEPS = 10;
    static final int MAX_BATCH = 512;
    static final int MAX_STEPS = 1_000_000;
    static final int MAX_LATENT_SIZE = 256;

    public GanRunSettings {
        List<SettingProblem> problems = new ArrayList<>();
        checkRange(problems, "discriminatorSteps", discriminatorSteps, 1, MAX_DISCRIMINATOR_STEPS, true);
        checkRange(problems, "generatorLearningRate", generatorLearningRate, 0, 1, false);
        checkRange(problems, "discriminatorLearningRate", discriminatorLearningRate, 0, 1, false);
        if (!(realLabel > 0.5 && realLabel <= 1)) {
            problems.add(outOfRange("realLabel", "(0.5, 1]", realLabel));
        }
        checkRange(problems, "weightClip", weightClip, 0, 1, false);
        checkRange(problems, "batchSize", batchSize, 1, MAX_BATCH, true);
        checkRange(problems, "steps", steps, 1, MAX_STEPS, true);
        checkRange(problems, "latentSize", latentSize, 2, MAX_LATENT_SIZE, true);
        if (!problems.isEmpty()) {
            throw new InvalidRunSettingsException(problems);
        }
    }

    /** The DCGAN paper's recipe on MNIST's MLP GAN: what a run gets for every setting it leaves out. */
    public static GanRunSettings defaults() {
        return new GanRunSettings(DatasetId.MNIST, GanArchitecture.MLP, GanLoss.NON_SATURATING, 1, 2e-4, 2e-4, 0.9,
                0.01, 64, 2_000, 1, true, GanArchitecture.LATENT_SIZE);
    }

    /**
     * Settings from named values (numbers or their text, choices in any case); missing names take
     * {@link #defaults()}.
     *
     * @throws InvalidRunSettingsException naming every unknown setting, unknown choice and value out of range
     */
    public static GanRunSettings parse(Map<String, ?> values) {
        GanRunSettings base = defaults();
        List<SettingProblem> problems = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                problems.add(new SettingProblem(name, "jobs.settings.unknown-setting", List.of(name),
                        "There is no setting '" + name + "'"));
            }
        }
        Values read = new Values(values, problems);
        DatasetId dataset = read.choice("dataset", base.dataset(), DatasetId.values(), DatasetId::slug);
        GanArchitecture architecture = read.choice("architecture", base.architecture(), GanArchitecture.values(),
                GanRunSettings::lowerCase);
        GanLoss loss = read.choice("loss", base.loss(), GanLoss.values(), GanRunSettings::lowerCase);
        int k = (int) read.number("discriminatorSteps", base.discriminatorSteps(), true);
        double lrG = read.number("generatorLearningRate", base.generatorLearningRate(), false);
        double lrD = read.number("discriminatorLearningRate", base.discriminatorLearningRate(), false);
        double realLabel = read.number("realLabel", base.realLabel(), false);
        double clip = read.number("weightClip", base.weightClip(), false);
        int batch = (int) read.number("batchSize", base.batchSize(), true);
        int steps = (int) read.number("steps", base.steps(), true);
        long seed = (long) read.number("seed", base.seed(), true);
        boolean conditional = read.yesNo("conditional", base.conditional());
        int latentSize = (int) read.number("latentSize", base.latentSize(), true);
        if (!problems.isEmpty()) {
            // Ranges are checked too, so that one answer lists everything.
            try {
                new GanRunSettings(dataset, architecture, loss, Math.max(k, 1), lrG, lrD, realLabel, clip, batch, steps, seed,
                        conditional, latentSize);
            } catch (InvalidRunSettingsException e) {
                problems.addAll(e.problems());
            }
            throw new InvalidRunSettingsException(problems);
        }
        return new GanRunSettings(dataset, architecture, loss, k, lrG, lrD, realLabel, clip, batch, steps, seed,
                conditional, latentSize);
    }

    /** The same settings with other steps, e.g. a fork's. */
    public GanRunSettings withSteps(int newSteps) {
        return new GanRunSettings(dataset, architecture, loss, discriminatorSteps, generatorLearningRate,
                discriminatorLearningRate, realLabel, weightClip, batchSize, newSteps, seed, conditional, latentSize);
    }

    /** Settings a fork must keep from its parent: they shape the networks its checkpoint holds. */
    public boolean sameNetworksAs(GanRunSettings other) {
        return dataset == other.dataset && architecture == other.architecture && conditional == other.conditional
                && latentSize == other.latentSize && loss.discriminatorOutput() == other.loss.discriminatorOutput()
                && loss.discriminatorLoss() == other.loss.discriminatorLoss();
    }

    /** Named values as {@link #parse} reads them: what a form starts from. */
    public Map<String, Object> toValues() {
        return JSON.readValue(toJson(), new TypeReference<Map<String, Object>>() { });
    }

    public static GanRunSettings fromJson(String json) {
        return parse(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
    }

    String toJson() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dataset", dataset.slug());
        values.put("architecture", lowerCase(architecture));
        values.put("loss", lowerCase(loss));
        values.put("discriminatorSteps", discriminatorSteps);
        values.put("generatorLearningRate", generatorLearningRate);
        values.put("discriminatorLearningRate", discriminatorLearningRate);
        values.put("realLabel", realLabel);
        values.put("weightClip", weightClip);
        values.put("batchSize", batchSize);
        values.put("steps", steps);
        values.put("seed", seed);
        values.put("conditional", conditional);
        values.put("latentSize", latentSize);
        return JSON.writeValueAsString(values);
    }

    public GanTrainingOptions toOptions() {
        return new GanTrainingOptions(architecture, loss, discriminatorSteps, generatorLearningRate,
                discriminatorLearningRate, realLabel, weightClip, batchSize, steps, seed, conditional, latentSize);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void checkRange(List<SettingProblem> problems, String name, double value, double low, double high,
            boolean lowIncluded) {
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        if (!(aboveLow && value <= high)) {
            String range = (lowIncluded ? "[" : "(") + format(low) + ", " + format(high) + "]";
            problems.add(outOfRange(name, range, value));
        }
    }

    private static SettingProblem outOfRange(String name, String range, double value) {
        return new SettingProblem(name, "jobs.settings.out-of-range", List.of(name, range, format(value)),
                name + " must be in " + range + ", was " + format(value));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** Reads named values, collecting problems instead of stopping at the first. */
    private record Values(Map<String, ?> values, List<SettingProblem> problems) {

        <E> E choice(String name, E fallback, E[] choices, Function<E, String> label) {
            @Nullable Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            String text = value.toString().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (E choice : choices) {
                if (label.apply(choice).replace('-', '_').equals(text)) {
                    return choice;
                }
            }
            String known = Arrays.stream(choices).map(label).collect(Collectors.joining(", "));
            problems.add(new SettingProblem(name, "jobs.settings.unknown-choice", List.of(name, value.toString(), known),
                    "Unknown " + name + " '" + value + "': choose one of " + known));
            return fallback;
        }

        boolean yesNo(String name, boolean fallback) {
            @Nullable Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            problems.add(new SettingProblem(name, "jobs.settings.not-yes-no", List.of(name, value.toString()),
                    name + " must be true or false, was '" + value + "'"));
            return fallback;
        }

        double number(String name, double fallback, boolean whole) {
            @Nullable Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            double number;
            try {
                number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
            if (!Double.isFinite(number) || (whole && number != Math.rint(number))) {
                String kind = whole ? "a whole number" : "a number";
                problems.add(new SettingProblem(name, whole ? "jobs.settings.not-whole" : "jobs.settings.not-a-number",
                        List.of(name, value.toString()), name + " must be " + kind + ", was '" + value + "'"));
                return fallback;
            }
            return number;
        }
    }
}
