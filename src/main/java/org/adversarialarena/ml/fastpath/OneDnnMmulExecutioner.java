package org.adversarialarena.ml.fastpath;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;

/**
 * ND4J's CPU op executioner, ops kept reachable ({@link ReachableOpExecutioner}), with one difference: a matrix product submitted as libnd4j's
 * {@code Mmul} op into a given result goes to oneDNN like the ones {@link OneDnnGemm} receives.
 * {@code Nd4j.gemm} — every dense layer's weight gradient — submits the op directly rather than
 * through the level-3 BLAS object, and so still ran OpenBLAS. Everything else runs as before.
 * Made ND4J's executioner by {@link ProcessTuning} (at {@link FastPath#install}).
 */
final class OneDnnMmulExecutioner extends ReachableOpExecutioner {

    @Override
    public INDArray[] exec(CustomOp op) {
        if (op instanceof Mmul && multiply(op)) {
            return op.outputArguments().toArray(new INDArray[0]);
        }
        return super.exec(op);
    }

    /** The op's product through oneDNN, or false where it is not a plain 2-D product into a given result. */
    private static boolean multiply(CustomOp op) {
        List<INDArray> inputs = op.inputArguments();
        List<INDArray> outputs = op.outputArguments();
        long[] flags = op.iArgs();
        double[] scales = op.tArgs();
        if (inputs.size() != 2 || outputs.size() != 1 || (flags.length > 2 && flags[2] != 0)) {
            return false;
        }
        boolean transposeA = flags.length > 0 && flags[0] != 0;
        boolean transposeB = flags.length > 1 && flags[1] != 0;
        double alpha = scales.length > 0 ? scales[0] : 1.0;
        double beta = scales.length > 1 ? scales[1] : 0.0;
        return OneDnnGemm.multiply(inputs.get(0), transposeA, inputs.get(1), transposeB, outputs.get(0), alpha, beta);
    }
}
