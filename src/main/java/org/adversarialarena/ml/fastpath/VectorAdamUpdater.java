package org.adversarialarena.ml.fastpath;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam's update in a Java loop the JIT vectorises, on chunks copied from and back to the native
 * arrays: the same arithmetic as libnd4j's {@code adam_updater} op, which runs it one scalar
 * element at a time (~4.5 ns per parameter, against ~2 ns here including the copies,
 * docs/benchmarks.md). Works on DL4J's own state arrays, so saved updater state is unchanged.
 * Not thread-safe, like the network it belongs to.
 */
final class VectorAdamUpdater extends AdamUpdater {

    private static final int CHUNK = 4096;

    private final float[] gradients = new float[CHUNK];
    private final float[] means = new float[CHUNK];
    private final float[] variances = new float[CHUNK];

    VectorAdamUpdater(Adam settings, AdamUpdater initialised) {
        super(settings);
        setM(initialised.getM());
        setV(initialised.getV());
        setGradientReshapeOrder(initialised.getGradientReshapeOrder());
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray update = gradient.reshape(getV().shape());
        if (!flat(update) || !flat(getM()) || !flat(getV())) {
            super.applyUpdater(gradient, iteration, epoch);
            return;
        }
        Adam settings = getConfig();
        float beta1 = (float) settings.getBeta1();
        float beta2 = (float) settings.getBeta2();
        // As libnd4j: a zero epsilon would divide by zero where the variance is still zero.
        float epsilon = settings.getEpsilon() == 0 ? 1e-7f : (float) settings.getEpsilon();
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float step = (float) (settings.getLearningRate(iteration, epoch) * Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
        if (!Float.isFinite(step) || step == 0) {
            step = epsilon;
        }
        FloatBuffer g = floats(update);
        FloatBuffer m = floats(getM());
        FloatBuffer v = floats(getV());
        int length = (int) update.length();
        for (int start = 0; start < length; start += CHUNK) {
            int n = Math.min(CHUNK, length - start);
            g.get(start, gradients, 0, n);
            m.get(start, means, 0, n);
            v.get(start, variances, 0, n);
            adam(n, beta1, beta2, epsilon, step);
            g.put(start, gradients, 0, n);
            m.put(start, means, 0, n);
            v.put(start, variances, 0, n);
        }
    }

    /** libnd4j's adam_updater loop, element for element. */
    private void adam(int n, float beta1, float beta2, float epsilon, float step) {
        for (int i = 0; i < n; i++) {
            float g = gradients[i];
            float m = beta1 * means[i] + g * (1 - beta1);
            float v = beta2 * variances[i] + g * g * (1 - beta2);
            means[i] = m;
            variances[i] = v;
            gradients[i] = (m * step) / ((float) Math.sqrt(v) + epsilon);
        }
    }

    private static boolean flat(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.elementWiseStride() == 1 && array.length() <= Integer.MAX_VALUE
                && (array.rank() == 1 || array.isRowVector());
    }

    private static FloatBuffer floats(INDArray array) {
        FloatPointer first = (FloatPointer) OneDnnMemory.start(array);
        return new FloatPointer(first).position(first.position()).limit(first.position() + array.length()).asBuffer();
    }
}
