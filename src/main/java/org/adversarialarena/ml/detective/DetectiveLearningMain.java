package org.adversarialarena.ml.detective;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.adversarialarena.ml.data.DatasetId;
import org.adversarialarena.ml.data.DatasetSplit;
import org.adversarialarena.ml.data.Datasets;
import org.adversarialarena.ml.data.ImageSet;
import org.adversarialarena.ml.fastpath.FastPath;
import org.adversarialarena.ml.gan.ConditionalGan;
import org.adversarialarena.ml.gan.GanFiles;
import org.adversarialarena.ml.image.ImagePixels;
import org.adversarialarena.ml.model.ClassifierFiles;
import org.adversarialarena.ml.model.ClassifierId;
import org.adversarialarena.ml.serve.ClassifierPool;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints one learning curve of the live detective: its verdict on a fixed kind of forgery (a blocky,
 * hand-drawn-looking 7 on MNIST, blocky trousers on Fashion-MNIST) against training steps, after 24 such
 * forgeries were submitted, next to its mean verdict on 100 held-out real images of that class (it must
 * not simply learn to reject the class) and its accuracy on held-out real images, and its mean verdict on
 * 100 generator samples of the class (the GAN game's own equilibrium figure: about 0.5 when the detective
 * goes live). Arguments: [steps (default 40)] [seed (default 1)] [learning rate (default: the detective's)]
 * [GAN version (default: the newest shipped, the pair Forge uses)] [dataset (default mnist)].
 *
 * <pre>./mvnw -q -o exec:java -Dexec.mainClass=org.adversarialarena.ml.detective.DetectiveLearningMain</pre>
 */
public final class DetectiveLearningMain {

    private static final int SEVEN = 7;
    private static final int TROUSER = 1;
    private static final int FORGERIES = 24;

    private DetectiveLearningMain() {
    }

    public static void main(String[] args) {
        FastPath.install();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        DatasetId dataset = args.length > 4 ? DatasetId.fromSlug(args[4]) : DatasetId.MNIST;
        int ganVersion = args.length > 3 ? Integer.parseInt(args[3]) : GanFiles.newestShippedVersion(dataset);
        int prompt = dataset == DatasetId.MNIST ? SEVEN : TROUSER;
        ConditionalGan gan = GanFiles.loadShipped(dataset, ganVersion);
        DatasetSplit data = Datasets.load(dataset);
        DetectiveOptions options = args.length > 2 ? DetectiveOptions.defaults(seed).withLearningRate(Double.parseDouble(args[2]))
                : DetectiveOptions.defaults(seed);
        Detective detective = Detective.fromGan(gan, data.train(), data.test(), options);
        ImageSet realOnes = data.test().ofClass(prompt).subset(0, 100);
        int[] prompts = new int[realOnes.size()];
        Arrays.fill(prompts, prompt);
        float[][] generatedOnes = gan.generate(Nd4j.randn(seed, new long[] {prompts.length,
                gan.latentSize()}), prompts).toFloatMatrix();
        float[] forgery = blocky(dataset, 0, 0);

        Random random = new Random(seed);
        for (int i = 0; i < FORGERIES; i++) {
            float[] submitted = blocky(dataset, random.nextInt(3) - 1, random.nextInt(3) - 1);
            detective.observe(submitted, prompt, detective.realness(submitted, prompt));
        }
        System.out.printf(Locale.ROOT, "%s detective (cGAN v%d), lr %.0e, batch %d real + %d forgeries + %d generated,"
                + " seed %d%n", dataset.slug(), ganVersion, options.learningRate(), options.realPerStep(),
                options.forgeriesPerStep(), options.generatedPerStep(), seed);
        System.out.printf(Locale.ROOT, "step  version  D(forged %1$d)  mean D(real %1$ds)  mean D(generated %1$ds)  real accuracy"
                + "  loss%n", prompt);
        print(0, detective, forgery, prompt, realOnes, generatedOnes, Double.NaN);
        long started = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            StepOutcome outcome = detective.trainStep();
            if (step <= 10 || step % 5 == 0) {
                print(step, detective, forgery, prompt, realOnes, generatedOnes, outcome.loss());
            }
        }
        System.out.printf(Locale.ROOT, "%d steps in %.1f s, %d rolled back%n", steps,
                (System.nanoTime() - started) / 1e9, detective.stats().rollbacks());
        timeOneStrokesVerdict(detective, dataset, forgery, prompt);
    }

    /** What the server computes per stroke in Forge: D's verdict, D's saliency and the LeNet's probabilities. */
    private static void timeOneStrokesVerdict(Detective detective, DatasetId dataset, float[] forgery, int prompt) {
        ClassifierPool lenet = new ClassifierPool(ClassifierFiles.loadShipped(ClassifierId.parse(dataset.slug() + "-lenet", 1)), 1);
        int warmUp = 50;
        int timed = 300;
        long[] nanos = new long[timed];
        for (int i = 0; i < warmUp + timed; i++) {
            long start = System.nanoTime();
            detective.realness(forgery, prompt);
            detective.saliency(forgery, prompt);
            lenet.logits(new float[][] {forgery});
            if (i >= warmUp) {
                nanos[i - warmUp] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "server work per stroke (D verdict + D saliency + LeNet), %d calls: median %.2f ms,"
                + " p90 %.2f ms%n", timed, nanos[timed / 2] / 1e6, nanos[timed * 9 / 10] / 1e6);
    }

    private static void print(int step, Detective detective, float[] forgery, int prompt, ImageSet realOnes,
            float[][] generatedOnes, double loss) {
        float[][] images = new float[realOnes.size()][];
        int[] classes = new int[realOnes.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = realOnes.image(i);
            classes[i] = prompt;
        }
        double meanReal = 0;
        for (float verdict : detective.realness(images, classes)) {
            meanReal += verdict / images.length;
        }
        double meanGenerated = 0;
        for (float verdict : detective.realness(generatedOnes, classes)) {
            meanGenerated += verdict / generatedOnes.length;
        }
        System.out.printf(Locale.ROOT, "%4d  %7d  %11.4f  %15.4f  %20.4f  %13.3f  %s%n", step, detective.version(),
                detective.realness(forgery, prompt), meanReal, meanGenerated, detective.stats().realAccuracy(),
                Double.isNaN(loss) ? "-" : String.format(Locale.ROOT, "%.4f", loss));
    }

    /** The harness's forgery: MNIST's blocky 7, or Fashion-MNIST's blocky trousers. */
    private static float[] blocky(DatasetId dataset, int dx, int dy) {
        return dataset == DatasetId.MNIST ? blockySeven(dx, dy) : blockyTrousers(dx, dy);
    }

    /**
     * Trousers as a player might draw them with a mouse: a waistband and two legs, each a solid
     * three-pixel bar, shifted by (dx, dy).
     */
    static float[] blockyTrousers(int dx, int dy) {
        float[] image = ImagePixels.blank();
        for (int y = 3; y <= 25; y++) {
            for (int x = 9; x <= 19; x++) {
                boolean waistband = y <= 5;
                boolean leg = x <= 11 || x >= 17;
                if (waistband || leg) {
                    ink(image, x + dx, y + dy);
                }
            }
        }
        return image;
    }

    /**
     * A 7 as a player might draw it with a mouse: a two-pixel bar along the top and a two-pixel
     * diagonal down to the bottom, shifted by (dx, dy). The tests' standard forgery, too.
     */
    public static float[] blockySeven(int dx, int dy) {
        float[] image = ImagePixels.blank();
        for (int x = 7; x <= 20; x++) {
            ink(image, x + dx, 6 + dy);
            ink(image, x + dx, 7 + dy);
        }
        for (int y = 8; y <= 22; y++) {
            int x = 20 - (y - 8) * 8 / 14;
            ink(image, x + dx, y + dy);
            ink(image, x + 1 + dx, y + dy);
        }
        return image;
    }

    private static void ink(float[] image, int x, int y) {
        if (x >= 0 && x < ImagePixels.SIDE && y >= 0 && y < ImagePixels.SIDE) {
            image[y * ImagePixels.SIDE + x] = 1f;
        }
    }
}
