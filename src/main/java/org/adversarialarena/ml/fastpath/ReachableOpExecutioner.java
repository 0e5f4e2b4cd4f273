package org.adversarialarena.ml.fastpath;

import java.lang.ref.Reference;
import java.util.List;
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
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public INDArray exec(Variance op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public INDArray exec(ScalarOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public INDArray exec(RandomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(RandomOp op, Random random) {
        try {
            return super.exec(op, random);
        } finally {
            keepReachable(op, random);
        }
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random random) {
        try {
            return super.exec(op, context, random);
        } finally {
            keepReachable(op, context);
            Reference.reachabilityFence(random);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(CustomOp op) {
        try {
            return super.calculateOutputShape(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(CustomOp op, OpContext context) {
        try {
            return super.calculateOutputShape(op, context);
        } finally {
            keepReachable(op, context);
        }
    }

    @Override
    public <T extends Aggregate> void exec(Batch<T> batch) {
        try {
            super.exec(batch);
        } finally {
            Reference.reachabilityFence(batch);
        }
    }

    @Override
    public void exec(List<Aggregate> batch) {
        try {
            super.exec(batch);
        } finally {
            Reference.reachabilityFence(batch);
        }
    }

    @Override
    public void exec(Aggregate op) {
        try {
            super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public void scatterUpdate(ScatterUpdate.UpdateOp op, INDArray array, INDArray indices, INDArray updates,
            int[] axis) {
        try {
            super.scatterUpdate(op, array, indices, updates, axis);
        } finally {
            keepReachable(array, indices);
            Reference.reachabilityFence(updates);
        }
    }

    @Override
    public INDArrayStatistics inspectArray(INDArray array) {
        try {
            return super.inspectArray(array);
        } finally {
            Reference.reachabilityFence(array);
        }
    }

    @Override
    public TadPack tadShapeInfoAndOffsets(INDArray array, int[] dimension) {
        try {
            return super.tadShapeInfoAndOffsets(array, dimension);
        } finally {
            Reference.reachabilityFence(array);
        }
    }

    private static void keepReachable(Object op, Object context) {
        Reference.reachabilityFence(op);
        Reference.reachabilityFence(context);
    }
}
