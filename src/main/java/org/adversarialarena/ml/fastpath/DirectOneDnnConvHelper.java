package org.adversarialarena.ml.fastpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs convolutions straight through oneDNN with primitives built once per shape and kept, instead
 * of through libnd4j's {@code conv2d} ops, which set the whole oneDNN convolution up again on every
 * call and convert every array to a blocked format and back.
 *
 * <p>Why: for one 28×28 image that set-up is most of the time — libnd4j's {@code conv2d} op takes
 * ~130 µs where the oneDNN primitive itself runs in ~15 µs, and a LeNet input gradient makes four
 * such calls. A few images are computed in DL4J's own NCHW layout, with memory described by the
 * arrays' own strides, so DL4J's weight and gradient views are used in place; larger batches in
 * channels-last with cached reorders ({@link OneDnnOperand}), whose kernels are 2–4× faster there
 * (docs/benchmarks.md). Anything this class does not cover (other data types, NHWC arrays, "Same"
 * padding, dilation, a primitive oneDNN refuses) goes to {@link MKLDNNConvHelper}, libnd4j's ops.
 *
 * <p>Not thread-safe, like the DL4J layer it belongs to.
 */
final class DirectOneDnnConvHelper extends MKLDNNConvHelper {

    /**
     * Batches up to this size run in DL4J's own plain NCHW layout; larger ones in channels-last,
     * with reorders to and from DL4J's arrays (docs/benchmarks.md: at batch 64 oneDNN's channels-last
     * kernels take 2.0 / 2.5 / 2.8 ms for LeNet's second convolution's forward / backward-data /
     * backward-weights passes, the plain-layout ones 4.6 / 5.9 / 5.5 ms).
     */
    static final int MAX_PLAIN_LAYOUT_BATCH = 8;

    private final stream stream = new stream(OneDnnMemory.CPU);
    private final Map<Geometry, Primitives> primitives = OneDnnMemory.shapeCache();

    DirectOneDnnConvHelper(DataType dataType) {
        super(dataType);
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            ConvolutionLayer.AlgoMode mode, ConvolutionLayer.FwdAlgo fwdAlgo, ConvolutionMode convolutionMode,
            int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        Primitives direct = direct(input, weights, bias, kernel, strides, pad, convolutionMode, dilation, format);
        if (direct == null) {
            return super.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode, dilation,
                    format, workspaceMgr);
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), direct.geometry.outputShape());
        direct.forward(input, weights, bias, output, stream);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
            int[] kernel, int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView, IActivation afn,
            ConvolutionLayer.AlgoMode mode, ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
            ConvolutionLayer.BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        Primitives direct = direct(input, weights, bias, kernel, strides, pad, convolutionMode, dilation, format);
        if (direct == null || biasGradView == null || !direct.backwardFits(delta, weightGradView, biasGradView)) {
            return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView,
                    afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
        }
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        // In a training step DL4J discards the first layer's input gradient, so it is left uncomputed.
        boolean inputGradientWanted = !TrainingSteps.isFirstLayerInStep(weights);
        direct.backward(input, weights, delta, inputGradientWanted ? inputGradient : null, weightGradView, biasGradView, stream);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        return new Pair<>(gradient, inputGradient);
    }

    /** The cached primitives for this call, or null if it should go the libnd4j way. */
    private Primitives direct(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
            ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format) {
        if (format != CNN2DFormat.NCHW || convolutionMode == ConvolutionMode.Same || input.rank() != 4
                || bias == null || bias.elementWiseStride() != 1
                || input.dataType() != DataType.FLOAT || weights.dataType() != DataType.FLOAT
                || (dilation != null && (dilation[0] != 1 || dilation[1] != 1))) {
            return null;
        }
        Geometry geometry = Geometry.of(input, weights, kernel, strides, pad);
        if (geometry == null) {
            return null;
        }
        Primitives cached = primitives.computeIfAbsent(geometry, Primitives::create);
        return cached.usable() ? cached : null;
    }

    /** Everything a primitive depends on: sizes, steps, padding and the arrays' memory layouts. */
    private record Geometry(long[] input, long[] inputStrides, long[] weights, long[] weightStrides, long[] steps,
            long[] padding, long[] output) {

        static Geometry of(INDArray input, INDArray weights, int[] kernel, int[] strides, int[] pad) {
            long n = input.size(0);
            long inChannels = input.size(1);
            long kh = kernel[0];
            long kw = kernel[1];
            long[] oihwStrides = oihwStrides(weights, inChannels, kh, kw);
            if (oihwStrides == null) {
                return null;
            }
            long outChannels = weights.length() / (inChannels * kh * kw);
            long oh = (input.size(2) + 2L * pad[0] - kh) / strides[0] + 1;
            long ow = (input.size(3) + 2L * pad[1] - kw) / strides[1] + 1;
            return new Geometry(input.shape(), input.stride(), new long[] {outChannels, inChannels, kh, kw}, oihwStrides,
                    new long[] {strides[0], strides[1]}, new long[] {pad[0], pad[1]}, new long[] {n, outChannels, oh, ow});
        }

        /** DL4J hands weights over as [out, in, kh, kw] or as a [kh, kw, in, out] permutation of the same data. */
        static long[] oihwStrides(INDArray weights, long inChannels, long kh, long kw) {
            long[] shape = weights.shape();
            long[] stride = weights.stride();
            if (weights.rank() != 4) {
                return null;
            }
            if (shape[1] == inChannels && shape[2] == kh && shape[3] == kw) {
                return stride.clone();
            }
            if (shape[0] == kh && shape[1] == kw && shape[2] == inChannels) {
                return new long[] {stride[3], stride[2], stride[0], stride[1]};
            }
            return null;
        }

        long[] outputShape() {
            return output.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Geometry g && Arrays.equals(input, g.input) && Arrays.equals(inputStrides, g.inputStrides)
                    && Arrays.equals(weights, g.weights) && Arrays.equals(weightStrides, g.weightStrides)
                    && Arrays.equals(steps, g.steps) && Arrays.equals(padding, g.padding);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(new Object[] {input, inputStrides, weights, weightStrides, steps, padding});
        }
    }

    /** oneDNN's forward, backward-data and backward-weights primitives for one geometry, with their operands. */
    private static final class Primitives {
        private final Geometry geometry;
        private final convolution_forward forward;
        private final convolution_backward_data backwardData;
        private final convolution_backward_weights backwardWeights;
        private final OneDnnOperand src;
        private final OneDnnOperand forwardWeights;
        private final OneDnnOperand bias;
        private final OneDnnOperand dst;
        private final OneDnnOperand diffDst;
        private final OneDnnOperand backwardDataWeights;
        private final OneDnnOperand diffSrc;
        private final OneDnnOperand diffWeights;
        private final OneDnnOperand diffBias;
        private final IntMemoryMap forwardArgs = new IntMemoryMap();
        private final IntMemoryMap backwardDataArgs = new IntMemoryMap();
        private final IntMemoryMap backwardWeightsArgs = new IntMemoryMap();
        private final List<memory> scratch = new ArrayList<>();

        private Primitives(Geometry geometry) {
            this.geometry = geometry;
            forward = null;
            backwardData = null;
            backwardWeights = null;
            src = forwardWeights = bias = dst = diffDst = backwardDataWeights = diffSrc = diffWeights = diffBias = null;
        }

        /**
         * {@code user*}: the layouts of DL4J's arrays; {@code computed*}: the layouts the primitives
         * work in (the same for a few images, channels-last for a batch, where oneDNN's kernels are
         * faster than the plain-layout ones by more than the reorders cost).
         */
        private Primitives(Geometry g, memory.desc userSrc, memory.desc userWeights, memory.desc biasDesc,
                memory.desc userDst, memory.desc computedSrc, memory.desc computedWeights, memory.desc computedDst) {
            geometry = g;
            long[] noPadding = g.padding;
            primitive_attr attributes = OneDnnMemory.ownScratchpad();
            convolution_forward.primitive_desc forwardPd = new convolution_forward.primitive_desc(
                    new convolution_forward.desc(dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
                            computedSrc, computedWeights, biasDesc, computedDst, g.steps, noPadding, noPadding), attributes,
                    OneDnnMemory.CPU);
            convolution_backward_data.primitive_desc backwardDataPd = new convolution_backward_data.primitive_desc(
                    new convolution_backward_data.desc(dnnl.algorithm.convolution_direct, computedSrc, computedWeights,
                            computedDst, g.steps, noPadding, noPadding), attributes, OneDnnMemory.CPU, forwardPd);
            convolution_backward_weights.primitive_desc backwardWeightsPd = new convolution_backward_weights.primitive_desc(
                    new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, computedSrc, computedWeights,
                            biasDesc, computedDst, g.steps, noPadding, noPadding), attributes, OneDnnMemory.CPU, forwardPd);
            forward = new convolution_forward(forwardPd);
            backwardData = new convolution_backward_data(backwardDataPd);
            backwardWeights = new convolution_backward_weights(backwardWeightsPd);
            OneDnnMemory.addScratchpad(forwardArgs, forwardPd, scratch);
            OneDnnMemory.addScratchpad(backwardDataArgs, backwardDataPd, scratch);
            OneDnnMemory.addScratchpad(backwardWeightsArgs, backwardWeightsPd, scratch);
            // The input gradient is a new dense array, whatever the input's own strides.
            memory.desc userDiffSrc = new memory.desc(g.input, memory.data_type.f32, memory.format_tag.nchw);
            src = new OneDnnOperand(userSrc, forwardPd.src_desc(), scratch);
            forwardWeights = new OneDnnOperand(userWeights, forwardPd.weights_desc(), scratch);
            bias = new OneDnnOperand(biasDesc, biasDesc, scratch);
            dst = new OneDnnOperand(userDst, forwardPd.dst_desc(), scratch);
            diffDst = new OneDnnOperand(userDst, backwardDataPd.diff_dst_desc(), scratch);
            backwardDataWeights = new OneDnnOperand(userWeights, backwardDataPd.weights_desc(), scratch);
            diffSrc = new OneDnnOperand(userDiffSrc, backwardDataPd.diff_src_desc(), scratch);
            diffWeights = new OneDnnOperand(userWeights, backwardWeightsPd.diff_weights_desc(), scratch);
            diffBias = new OneDnnOperand(biasDesc, biasDesc, scratch);
            if (!backwardWeightsPd.src_desc().equals(forwardPd.src_desc())
                    || !backwardWeightsPd.diff_dst_desc().equals(backwardDataPd.diff_dst_desc())) {
                throw new IllegalStateException("oneDNN chose different activation layouts for one convolution's passes");
            }
            forwardArgs.put(dnnl.DNNL_ARG_SRC, src.memory());
            forwardArgs.put(dnnl.DNNL_ARG_WEIGHTS, forwardWeights.memory());
            forwardArgs.put(dnnl.DNNL_ARG_BIAS, bias.memory());
            forwardArgs.put(dnnl.DNNL_ARG_DST, dst.memory());
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_DST, diffDst.memory());
            backwardDataArgs.put(dnnl.DNNL_ARG_WEIGHTS, backwardDataWeights.memory());
            backwardDataArgs.put(dnnl.DNNL_ARG_DIFF_SRC, diffSrc.memory());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_SRC, src.memory());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_DST, diffDst.memory());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_WEIGHTS, diffWeights.memory());
            backwardWeightsArgs.put(dnnl.DNNL_ARG_DIFF_BIAS, diffBias.memory());
        }

        static Primitives create(Geometry g) {
            try {
                memory.desc userSrc = new memory.desc(g.input, memory.data_type.f32, g.inputStrides);
                memory.desc userWeights = new memory.desc(g.weights, memory.data_type.f32, g.weightStrides);
                memory.desc biasDesc = new memory.desc(new long[] {g.weights[0]}, memory.data_type.f32, memory.format_tag.x);
                memory.desc userDst = new memory.desc(g.output, memory.data_type.f32, memory.format_tag.nchw);
                if (g.input[0] <= MAX_PLAIN_LAYOUT_BATCH) {
                    return new Primitives(g, userSrc, userWeights, biasDesc, userDst, userSrc, userWeights, userDst);
                }
                return new Primitives(g, userSrc, userWeights, biasDesc, userDst,
                        new memory.desc(g.input, memory.data_type.f32, memory.format_tag.nhwc),
                        new memory.desc(g.weights, memory.data_type.f32, memory.format_tag.any),
                        new memory.desc(g.output, memory.data_type.f32, memory.format_tag.nhwc));
            } catch (RuntimeException refused) {
                // oneDNN has no implementation for this layout: remember, and let libnd4j handle it.
                return new Primitives(g);
            }
        }

        boolean usable() {
            return forward != null;
        }

        /** Whether the backward arrays have the layouts the primitives were built for (dense NCHW delta, weight-like gradient). */
        boolean backwardFits(INDArray delta, INDArray weightGradient, INDArray biasGradient) {
            return Arrays.equals(delta.shape(), geometry.output) && delta.dataType() == DataType.FLOAT
                    && Arrays.equals(delta.stride(), OneDnnMemory.denseStrides(geometry.output))
                    && weightGradient.dataType() == DataType.FLOAT
                    && Arrays.equals(Geometry.oihwStrides(weightGradient, geometry.weights[1], geometry.weights[2],
                            geometry.weights[3]), geometry.weightStrides)
                    && biasGradient.length() == geometry.weights[0] && biasGradient.elementWiseStride() == 1;
        }

        void forward(INDArray input, INDArray weightArray, INDArray biasArray, INDArray output, stream stream) {
            src.attach(input).read(stream);
            forwardWeights.attach(weightArray).read(stream);
            bias.attach(biasArray);
            dst.attach(output);
            forward.execute(stream, forwardArgs);
            dst.write(stream);
            stream._wait();
            OneDnnMemory.keepReachable(input, weightArray, biasArray, output);
        }

        /** Computes the weight and bias gradients, and the input gradient unless {@code inputGradient} is null. */
        void backward(INDArray input, INDArray weightArray, INDArray delta, INDArray inputGradient,
                INDArray weightGradient, INDArray biasGradient, stream stream) {
            diffDst.attach(delta).read(stream);
            if (inputGradient != null) {
                backwardDataWeights.attach(weightArray).read(stream);
                diffSrc.attach(inputGradient);
                backwardData.execute(stream, backwardDataArgs);
                diffSrc.write(stream);
            }
            src.attach(input).read(stream);
            diffWeights.attach(weightGradient);
            diffBias.attach(biasGradient);
            backwardWeights.execute(stream, backwardWeightsArgs);
            diffWeights.write(stream);
            stream._wait();
            OneDnnMemory.keepReachable(input, weightArray, delta, inputGradient, weightGradient, biasGradient);
        }
    }
}
