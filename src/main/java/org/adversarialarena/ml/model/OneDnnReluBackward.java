package org.adversarialarena.ml.model;

import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The backward pass of (leaky) ReLU through oneDNN: libnd4j's {@code relu_bp} and {@code lrelu_bp}
 * call a {@code std::function} per element and ran at 9–13 ns per element where oneDNN's
 * vectorised kernel runs at 0.3–0.6 ns (docs/benchmarks.md); in a LeNet training step that was
 * about a fifth of the time.
 *
 * <p>Thread-safe: activation objects are shared by every copy of a network, and the copies run on
 * several threads, so each thread keeps its own primitives and stream.
 */
final class OneDnnReluBackward {

    private static final ThreadLocal<Map<Key, Primitive>> PRIMITIVES = ThreadLocal.withInitial(OneDnnMemory::shapeCache);
    private static final ThreadLocal<stream> STREAMS = ThreadLocal.withInitial(() -> new stream(OneDnnMemory.CPU));

    private OneDnnReluBackward() {
    }

    /**
     * dL/dz = epsilon where z > 0, {@code negativeSlope} × epsilon elsewhere, in a new array like
     * {@code preActivation}; or null where this path does not apply, and DL4J's own op should run.
     */
    static INDArray gradient(INDArray preActivation, INDArray epsilon, double negativeSlope) {
        if (!fits(preActivation, epsilon)) {
            return null;
        }
        INDArray gradient = preActivation.ulike();
        PRIMITIVES.get().computeIfAbsent(new Key(preActivation.length(), (float) negativeSlope), Primitive::new)
                .run(preActivation, epsilon, gradient, STREAMS.get());
        return gradient;
    }

    /** Float arrays of one shape laid out alike without gaps, so that both can be read as one flat run. */
    private static boolean fits(INDArray preActivation, INDArray epsilon) {
        return preActivation.dataType() == DataType.FLOAT && epsilon.dataType() == DataType.FLOAT
                && !preActivation.isEmpty() && preActivation.equalShapes(epsilon)
                && preActivation.ordering() == epsilon.ordering()
                && Shape.hasDefaultStridesForShape(preActivation) && Shape.hasDefaultStridesForShape(epsilon);
    }

    private record Key(long length, float negativeSlope) {
    }

    private static final class Primitive {

        private final eltwise_backward backward;
        private final memory source;
        private final memory outputGradient;
        private final memory inputGradient;
        private final IntMemoryMap arguments = new IntMemoryMap();

        Primitive(Key key) {
            memory.desc flat = new memory.desc(new long[] {key.length()}, memory.data_type.f32, memory.format_tag.x);
            eltwise_forward.primitive_desc forwardHint = new eltwise_forward.primitive_desc(new eltwise_forward.desc(
                    dnnl.prop_kind.forward_training, dnnl.algorithm.eltwise_relu, flat, key.negativeSlope(), 0f),
                    OneDnnMemory.CPU);
            backward = new eltwise_backward(new eltwise_backward.primitive_desc(new eltwise_backward.desc(
                    dnnl.algorithm.eltwise_relu, flat, flat, key.negativeSlope(), 0f), OneDnnMemory.CPU, forwardHint));
            Pointer none = new Pointer();
            source = new memory(flat, OneDnnMemory.CPU, none);
            outputGradient = new memory(flat, OneDnnMemory.CPU, none);
            inputGradient = new memory(flat, OneDnnMemory.CPU, none);
            arguments.put(dnnl.DNNL_ARG_SRC, source);
            arguments.put(dnnl.DNNL_ARG_DIFF_DST, outputGradient);
            arguments.put(dnnl.DNNL_ARG_DIFF_SRC, inputGradient);
        }

        void run(INDArray preActivation, INDArray epsilon, INDArray gradient, stream stream) {
            source.set_data_handle(OneDnnMemory.start(preActivation));
            outputGradient.set_data_handle(OneDnnMemory.start(epsilon));
            inputGradient.set_data_handle(OneDnnMemory.start(gradient));
            backward.execute(stream, arguments);
            stream._wait();
        }
    }
}
