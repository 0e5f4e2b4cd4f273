package org.adversarialarena.ml.fastpath;

import java.lang.ref.Reference;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ndarray.INDArrayStatistics;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.aggregates.Aggregate;
import org.nd4j.linalg.api.ops.aggregates.Batch;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.TadPack;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's CPU op executioner, with every op (and its context) kept reachable until its native call has
 * returned. ND4J hands libnd4j the native buffers of an op's arrays, including arrays only the op
 * holds (a broadcast's or a reduction's dimension list), and does not use the op after the call; the
 * JIT may then treat the op as garbage while the call still runs. If a collection happens then, ND4J's
 * deallocator thread frees those buffers under the running call, and the process dies with a SIGSEGV
 * in libnd4j ({@code DataBuffer::primary()} from {@code execBroadcast}). With one thread the window
 * is a few instructions; with a class's request threads preempted in native code it was hit under load
 * (docs/reliability.md). {@code NativeCallRaceMain} (in the tests) reproduces it within seconds on ND4J's own executioner.
 *
 * <p>Computes exactly what ND4J's does, so it is installed whether the fast path is on or off.
 */
class ReachableOpExecutioner extends NativeOpExecutioner {

    @Override
    public INDArray exec(Op op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(Variance op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(ScalarOp op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(RandomOp op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(RandomOp op, Random random) {
        return keptReachable(op, random, () -> super.exec(op, random));
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random random) {
        return keptReachable(op, new Object[] {context, random}, () -> super.exec(op, context, random));
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        return keptReachable(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        return keptReachable(op, context, () -> super.exec(op, context));
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(CustomOp op) {
        return keptReachable(op, null, () -> super.calculateOutputShape(op));
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(CustomOp op, OpContext context) {
        return keptReachable(op, context, () -> super.calculateOutputShape(op, context));
    }

    @Override
    public <T extends Aggregate> void exec(Batch<T> batch) {
        keptReachable(batch, null, () -> {
            super.exec(batch);
            return null;
        });
    }

    @Override
    public void exec(List<Aggregate> batch) {
        keptReachable(batch, null, () -> {
            super.exec(batch);
            return null;
        });
    }

    @Override
    public void exec(Aggregate op) {
        keptReachable(op, null, () -> {
            super.exec(op);
            return null;
        });
    }

    @Override
    public void scatterUpdate(ScatterUpdate.UpdateOp op, INDArray array, INDArray indices, INDArray updates,
            int[] axis) {
        keptReachable(array, new INDArray[] {indices, updates}, () -> {
            super.scatterUpdate(op, array, indices, updates, axis);
            return null;
        });
    }

    @Override
    public INDArrayStatistics inspectArray(INDArray array) {
        return keptReachable(array, null, () -> super.inspectArray(array));
    }

    @Override
    public TadPack tadShapeInfoAndOffsets(INDArray array, int[] dimension) {
        return keptReachable(array, null, () -> super.tadShapeInfoAndOffsets(array, dimension));
    }

    /** The answer of {@code call}, with {@code op} and {@code others} (which may be an array of them) reachable until it has returned. */
    private static <T> T keptReachable(Object op, @Nullable Object others, Supplier<T> call) {
        try {
            return call.get();
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(others);
            if (others instanceof Object[] several) {
                for (Object other : several) {
                    Reference.reachabilityFence(other);
                }
            }
        }
    }
}
