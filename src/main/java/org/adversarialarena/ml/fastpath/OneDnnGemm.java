package org.adversarialarena.ml.fastpath;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutionerUtil;
import org.nd4j.linalg.cpu.nativecpu.blas.CpuLevel3;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's matrix products ({@code mmul}, {@code Nd4j.gemm}: every dense layer's forward and backward
 * pass) through oneDNN's {@code sgemm} instead of OpenBLAS. On this project's machines oneDNN's
 * kernels ran the dense layers' shapes 1.3–1.6× faster at batch 64 and up to 6× faster for a few
 * rows (docs/benchmarks.md), and a GAN iteration spent a third of its time in OpenBLAS. Float
 * matrices whose memory BLAS can describe go to oneDNN; anything else to ND4J's own path.
 * Installed in ND4J's CPU factory by {@link ProcessTuning} (at {@link FastPath#install}).
 */
final class OneDnnGemm extends CpuLevel3 {

    @Override
    public void gemm(char order, char transA, char transB, double alpha, INDArray a, INDArray b, double beta, INDArray c) {
        if (TrainingSteps.isFirstLayerInStep(a)) {
            return; // W·δᵀ of a training step's first dense layer: its input gradient, which DL4J discards
        }
        // ND4J's own implementation of this overload ignores the order and transpose characters too: C = alpha·A·B + beta·C.
        if (!multiply(a, false, b, false, c, alpha, beta)) {
            super.gemm(order, transA, transB, alpha, a, b, beta, c);
        }
    }

    @Override
    public void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        if (!multiply(a, transposeA, b, transposeB, c, alpha, beta)) {
            super.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C through oneDNN, or false if the arrays are not float matrices BLAS can address. */
    static boolean multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha,
            double beta) {
        Layout cLayout = Layout.of(c);
        if (cLayout == null || a.dataType() != DataType.FLOAT || b.dataType() != DataType.FLOAT) {
            return false;
        }
        if (cLayout.columnMajor) {
            // oneDNN writes row-major results: compute Cᵀ = op(B)ᵀ·op(A)ᵀ, which is C laid out column-major.
            INDArray swapped = a;
            a = b;
            b = swapped;
            boolean swappedTranspose = transposeA;
            transposeA = !transposeB;
            transposeB = !swappedTranspose;
        }
        Layout aLayout = Layout.of(a);
        Layout bLayout = Layout.of(b);
        if (aLayout == null || bLayout == null) {
            return false;
        }
        long m = cLayout.storedRows;
        long n = cLayout.storedColumns;
        long k = transposeA ? a.size(0) : a.size(1);
        if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(1) : b.size(0)) != k
                || (transposeB ? b.size(0) : b.size(1)) != n) {
            return false;
        }
        int status = dnnl.dnnl_sgemm(aLayout.operation(transposeA), bLayout.operation(transposeB), m, n, k, (float) alpha,
                floats(a), aLayout.leadingDimension, floats(b), bLayout.leadingDimension, (float) beta, floats(c),
                cLayout.leadingDimension);
        OneDnnMemory.keepReachable(a, b);
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN sgemm failed with status " + status);
        }
        OpExecutionerUtil.checkForAny(c);
        return true;
    }

    private static FloatPointer floats(INDArray array) {
        return (FloatPointer) OneDnnMemory.start(array);
    }

    /**
     * How a matrix sits in memory as BLAS sees it: row-major with a leading dimension, or
     * column-major — that is, its transpose stored row-major.
     */
    private record Layout(boolean columnMajor, long leadingDimension, long storedRows, long storedColumns) {

        static Layout of(INDArray matrix) {
            if (matrix.rank() != 2 || matrix.dataType() != DataType.FLOAT || matrix.isEmpty()) {
                return null;
            }
            long rows = matrix.size(0);
            long columns = matrix.size(1);
            long rowStride = matrix.stride(0);
            long columnStride = matrix.stride(1);
            if ((columnStride == 1 || columns == 1) && (rowStride >= columns || rows == 1)) {
                return new Layout(false, Math.max(rowStride, columns), rows, columns);
            }
            if ((rowStride == 1 || rows == 1) && (columnStride >= rows || columns == 1)) {
                return new Layout(true, Math.max(columnStride, rows), columns, rows);
            }
            return null;
        }

        /** oneDNN's transpose flag for op(X) = X or Xᵀ, given how X is stored. */
        byte operation(boolean transpose) {
            return (byte) (transpose != columnMajor ? 'T' : 'N');
        }
    }
}
