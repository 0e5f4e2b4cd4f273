package org.adversarialarena.ml.fastpath;

import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Activation functions and their derivatives through oneDNN's element-wise primitives. libnd4j's
 * {@code relu_bp}, {@code lrelu_bp} and {@code sigmoid_bp} call a {@code std::function} per element,
 * and its leaky ReLU and sigmoid run at 4–13 ns per element, where oneDNN's vectorised kernels run
 * at 0.3–0.6 ns (docs/benchmarks.md).
 *
 * <p>Thread-safe: activation objects are shared by every copy of a network, and the copies run on
 * several threads, so each thread keeps its own primitives and stream.
 */
final class OneDnnEltwise {

    /** The functions used here, with oneDNN's name for each; {@code alpha} is ReLU's slope below zero. */
    enum Function {
        RELU(dnnl.algorithm.eltwise_relu), SIGMOID(dnnl.algorithm.eltwise_logistic);

        private final dnnl.algorithm algorithm;

        Function(dnnl.algorithm algorithm) {
            this.algorithm = algorithm;
        }
    }

    private static final ThreadLocal<Map<Key, Primitive>> PRIMITIVES = ThreadLocal.withInitial(OneDnnMemory::shapeCache);
    private static final ThreadLocal<stream> STREAMS = ThreadLocal.withInitial(() -> new stream(OneDnnMemory.CPU));

    private OneDnnEltwise() {
    }

    /** Applies {@code function} to {@code z} in place; false where this path does not apply (DL4J's own op should run). */
    static boolean activateInPlace(INDArray z, Function function, double alpha) {
        if (!dense(z)) {
            return false;
        }
        primitive(new Key(function, z.length(), (float) alpha, false)).run(z, null, z);
        return true;
    }

    /**
     * dL/dz given z (the pre-activation) and dL/d(f(z)), in a new array like {@code z}; or null where
     * this path does not apply.
     */
    static INDArray gradient(INDArray z, INDArray epsilon, Function function, double alpha) {
        if (!dense(z) || !dense(epsilon) || !z.equalShapes(epsilon) || z.ordering() != epsilon.ordering()) {
            return null;
        }
        INDArray gradient = z.ulike();
        primitive(new Key(function, z.length(), (float) alpha, true)).run(z, epsilon, gradient);
        return gradient;
    }

    /** A float array laid out without gaps, so that it can be read as one flat run. */
    private static boolean dense(INDArray array) {
        return array.dataType() == DataType.FLOAT && !array.isEmpty() && Shape.hasDefaultStridesForShape(array);
    }

    private static Primitive primitive(Key key) {
        return PRIMITIVES.get().computeIfAbsent(key, Primitive::new);
    }

    private record Key(Function function, long length, float alpha, boolean backward) {
    }

    private static final class Primitive {

        private final primitive kernel;
        private final memory source;
        private final memory outputGradient;
        private final memory result;
        private final IntMemoryMap arguments = new IntMemoryMap();

        Primitive(Key key) {
            memory.desc flat = new memory.desc(new long[] {key.length()}, memory.data_type.f32, memory.format_tag.x);
            eltwise_forward.primitive_desc forward = new eltwise_forward.primitive_desc(new eltwise_forward.desc(
                    dnnl.prop_kind.forward_training, key.function().algorithm, flat, key.alpha(), 0f), OneDnnMemory.CPU);
            Pointer none = new Pointer();
            source = new memory(flat, OneDnnMemory.CPU, none);
            result = new memory(flat, OneDnnMemory.CPU, none);
            arguments.put(dnnl.DNNL_ARG_SRC, source);
            if (key.backward()) {
                kernel = new eltwise_backward(new eltwise_backward.primitive_desc(new eltwise_backward.desc(
                        key.function().algorithm, flat, flat, key.alpha(), 0f), OneDnnMemory.CPU, forward));
                outputGradient = new memory(flat, OneDnnMemory.CPU, none);
                arguments.put(dnnl.DNNL_ARG_DIFF_DST, outputGradient);
                arguments.put(dnnl.DNNL_ARG_DIFF_SRC, result);
            } else {
                kernel = new eltwise_forward(forward);
                outputGradient = null;
                arguments.put(dnnl.DNNL_ARG_DST, result);
            }
        }

        void run(INDArray z, INDArray epsilon, INDArray output) {
            source.set_data_handle(OneDnnMemory.start(z));
            if (outputGradient != null) {
                outputGradient.set_data_handle(OneDnnMemory.start(epsilon));
            }
            result.set_data_handle(OneDnnMemory.start(output));
            stream stream = STREAMS.get();
            kernel.execute(stream, arguments);
            stream._wait();
            OneDnnMemory.keepReachable(z, epsilon, output);
        }
    }
}
