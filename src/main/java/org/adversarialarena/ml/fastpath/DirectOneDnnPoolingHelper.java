package org.adversarialarena.ml.fastpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling straight through oneDNN with primitives kept per shape, for the same reasons as
 * {@link DirectOneDnnConvHelper}: libnd4j's {@code maxpool2d} ops set oneDNN up on every call, which
 * dominates for one image, and convert formats. DL4J M2.1 asks a pooling helper only for the backward
 * pass; {@link DirectPoolingLayer} asks it for the forward pass too. Returning null hands the call back
 * to DL4J's own pooling, for anything not covered here.
 *
 * <p>The backward pass runs the forward pass again to get oneDNN's record of where each maximum
 * was (its "workspace"), which keeps the layer free of state between the passes. Batches larger
 * than a few images run in channels-last, like the convolutions: at the training batch oneDNN's
 * plain-layout pooling kernels took 2.5 ms per pass for LeNet's first pooling layer. Not
 * thread-safe, like the DL4J layer it belongs to.
 */
final class DirectOneDnnPoolingHelper implements SubsamplingHelper {

    private final stream stream = new stream(OneDnnMemory.CPU);
    private final Map<Geometry, Primitives> primitives = OneDnnMemory.shapeCache();

    @Override
    public INDArray activate(INDArray input, boolean training, int[] kernel, int[] strides, int[] pad,
            PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        Primitives direct = direct(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format);
        if (direct == null) {
            return null;
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), direct.geometry.output.clone(), 'c');
        direct.forward(input, output, stream);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, int[] kernel, int[] strides,
            int[] pad, PoolingType poolingType, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        Primitives direct = direct(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format);
        if (direct == null || epsilon.dataType() != DataType.FLOAT || !Arrays.equals(epsilon.shape(), direct.geometry.output)
                || !Arrays.equals(epsilon.stride(), OneDnnMemory.denseStrides(direct.geometry.output))) {
            return null;
        }
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        direct.backward(input, epsilon, inputGradient, stream);
        return new Pair<>(new DefaultGradient(), inputGradient);
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    private Primitives direct(INDArray input, int[] kernel, int[] strides, int[] pad, PoolingType poolingType,
            ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format) {
        if (poolingType != PoolingType.MAX || format != CNN2DFormat.NCHW || convolutionMode == ConvolutionMode.Same
                || input.rank() != 4 || input.dataType() != DataType.FLOAT
                || (dilation != null && (dilation[0] != 1 || dilation[1] != 1))) {
            return null;
        }
        long oh = (input.size(2) + 2L * pad[0] - kernel[0]) / strides[0] + 1;
        long ow = (input.size(3) + 2L * pad[1] - kernel[1]) / strides[1] + 1;
        Geometry geometry = new Geometry(input.shape(), input.stride(), new long[] {kernel[0], kernel[1]},
                new long[] {strides[0], strides[1]}, new long[] {pad[0], pad[1]},
                new long[] {input.size(0), input.size(1), oh, ow});
        Primitives cached = primitives.computeIfAbsent(geometry, Primitives::create);
        return cached.usable() ? cached : null;
    }

    private record Geometry(long[] input, long[] inputStrides, long[] kernel, long[] steps, long[] padding, long[] output) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Geometry g && Arrays.equals(input, g.input) && Arrays.equals(inputStrides, g.inputStrides)
                    && Arrays.equals(kernel, g.kernel) && Arrays.equals(steps, g.steps) && Arrays.equals(padding, g.padding);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(new Object[] {input, inputStrides, kernel, steps, padding});
        }
    }

    private static final class Primitives {
        private final Geometry geometry;
        private final pooling_forward training;
        private final pooling_backward backward;
        private final OneDnnOperand src;
        private final OneDnnOperand dst;
        private final OneDnnOperand diffDst;
        private final OneDnnOperand diffSrc;
        private final IntMemoryMap forwardArgs = new IntMemoryMap();
        private final IntMemoryMap trainingArgs = new IntMemoryMap();
        private final IntMemoryMap backwardArgs = new IntMemoryMap();
        private final List<memory> scratch = new ArrayList<>();

        private Primitives(Geometry geometry) {
            this.geometry = geometry;
            training = null;
            backward = null;
            src = dst = diffDst = diffSrc = null;
        }

        /** {@code user*}: the layouts of DL4J's arrays; {@code computed*}: the layouts the primitives work in. */
        private Primitives(Geometry g, memory.desc userSrc, memory.desc userDst, memory.desc computedSrc,
                memory.desc computedDst) {
            geometry = g;
            primitive_attr attributes = OneDnnMemory.ownScratchpad();
            pooling_forward.primitive_desc trainingPd = new pooling_forward.primitive_desc(new pooling_forward.desc(
                    dnnl.prop_kind.forward_training, dnnl.algorithm.pooling_max, computedSrc, computedDst, g.steps, g.kernel,
                    g.padding, g.padding), attributes, OneDnnMemory.CPU);
            pooling_backward.primitive_desc backwardPd = new pooling_backward.primitive_desc(new pooling_backward.desc(
                    dnnl.algorithm.pooling_max, computedSrc, computedDst, g.steps, g.kernel, g.padding, g.padding), attributes,
                    OneDnnMemory.CPU, trainingPd);
            training = new pooling_forward(trainingPd);
            backward = new pooling_backward(backwardPd);
            OneDnnMemory.addScratchpad(forwardArgs, trainingPd, scratch);
            OneDnnMemory.addScratchpad(trainingArgs, trainingPd, scratch);
            OneDnnMemory.addScratchpad(backwardArgs, backwardPd, scratch);
            // The input gradient is a new dense array, whatever the input's own strides.
            memory.desc userDiffSrc = new memory.desc(g.input, memory.data_type.f32, memory.format_tag.nchw);
            src = new OneDnnOperand(userSrc, trainingPd.src_desc(), scratch);
            dst = new OneDnnOperand(userDst, trainingPd.dst_desc(), scratch);
            diffDst = new OneDnnOperand(userDst, backwardPd.diff_dst_desc(), scratch);
            diffSrc = new OneDnnOperand(userDiffSrc, backwardPd.diff_src_desc(), scratch);
            memory workspace = new memory(trainingPd.workspace_desc(), OneDnnMemory.CPU);
            forwardArgs.put(dnnl.DNNL_ARG_SRC, src.memory());
            forwardArgs.put(dnnl.DNNL_ARG_DST, dst.memory());
            forwardArgs.put(dnnl.DNNL_ARG_WORKSPACE, workspace);
            // The backward pass's own forward pass writes its result to scratch memory: only the workspace is read.
            trainingArgs.put(dnnl.DNNL_ARG_SRC, src.memory());
            trainingArgs.put(dnnl.DNNL_ARG_DST, new memory(trainingPd.dst_desc(), OneDnnMemory.CPU));
            trainingArgs.put(dnnl.DNNL_ARG_WORKSPACE, workspace);
            backwardArgs.put(dnnl.DNNL_ARG_DIFF_DST, diffDst.memory());
            backwardArgs.put(dnnl.DNNL_ARG_DIFF_SRC, diffSrc.memory());
            backwardArgs.put(dnnl.DNNL_ARG_WORKSPACE, workspace);
        }

        static Primitives create(Geometry g) {
            try {
                memory.desc userSrc = new memory.desc(g.input, memory.data_type.f32, g.inputStrides);
                memory.desc userDst = new memory.desc(g.output, memory.data_type.f32, memory.format_tag.nchw);
                if (g.input[0] <= DirectOneDnnConvHelper.MAX_PLAIN_LAYOUT_BATCH) {
                    return new Primitives(g, userSrc, userDst, userSrc, userDst);
                }
                return new Primitives(g, userSrc, userDst, new memory.desc(g.input, memory.data_type.f32, memory.format_tag.nhwc),
                        new memory.desc(g.output, memory.data_type.f32, memory.format_tag.nhwc));
            } catch (RuntimeException refused) {
                // oneDNN has no implementation for this layout: remember, and let DL4J's pooling handle it.
                return new Primitives(g);
            }
        }

        boolean usable() {
            return training != null;
        }

        void forward(INDArray input, INDArray output, stream stream) {
            src.attach(input).read(stream);
            dst.attach(output);
            training.execute(stream, forwardArgs);
            dst.write(stream);
            stream._wait();
            OneDnnMemory.keepReachable(input, output);
        }

        void backward(INDArray input, INDArray epsilon, INDArray inputGradient, stream stream) {
            src.attach(input).read(stream);
            training.execute(stream, trainingArgs);
            diffDst.attach(epsilon).read(stream);
            diffSrc.attach(inputGradient);
            backward.execute(stream, backwardArgs);
            diffSrc.write(stream);
            stream._wait();
            OneDnnMemory.keepReachable(input, epsilon, inputGradient);
        }
    }
}
