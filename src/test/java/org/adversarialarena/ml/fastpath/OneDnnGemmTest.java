package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adversarialarena.ml.model.LeNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** oneDNN's sgemm behind ND4J's matrix products, against a plain triple loop, for every layout ND4J hands over. */
@RequiresFastPath
class OneDnnGemmTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void everyLayoutAndTransposeGivesTheProduct() {
        Nd4j.getRandom().setSeed(11);
        long[][] sizes = {{5, 7, 3}, {1, 9, 4}, {6, 1, 2}, {4, 8, 1}, {64, 33, 17}};
        for (long[] size : sizes) {
            long m = size[0];
            long k = size[1];
            long n = size[2];
            for (boolean transposeA : new boolean[] {false, true}) {
                for (boolean transposeB : new boolean[] {false, true}) {
                    for (INDArray a : layouts(transposeA ? k : m, transposeA ? m : k)) {
                        for (INDArray b : layouts(transposeB ? n : k, transposeB ? k : n)) {
                            for (INDArray c : layouts(m, n)) {
                                INDArray expected = reference(a, transposeA, b, transposeB, c, 0.5, 2.0);
                                boolean direct = OneDnnGemm.multiply(a, transposeA, b, transposeB, c, 0.5, 2.0);

                                assertThat(direct).as("%s x %s -> %s", a.stride(), b.stride(), c.stride()).isTrue();
                                assertThat(maxDifference(c, expected)).isLessThan(TOLERANCE);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void mmulAndGemmGoThroughOneDnnOnceANetworkIsTuned() {
        // mmul through ND4J's level-3 BLAS object, Nd4j.gemm as libnd4j's Mmul op: both end in oneDNN.
        FastPath.tune(LeNet.newNetwork(1));
        assertThat(Nd4j.factory().level3()).isInstanceOf(OneDnnGemm.class);
        assertThat(Nd4j.getExecutioner()).isInstanceOf(OneDnnMmulExecutioner.class);

        INDArray a = Nd4j.rand(DataType.FLOAT, 6, 5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray expected = reference(a, false, b, false, Nd4j.zeros(DataType.FLOAT, 6, 4), 1, 0);
        assertThat(maxDifference(a.mmul(b), expected)).isLessThan(TOLERANCE);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {4, 6}, 'f');
        Nd4j.gemm(b, a, c, true, true, 1.0, 0.0);
        assertThat(maxDifference(c, expected.transpose())).isLessThan(TOLERANCE);
    }

    @Test
    void matricesBlasCannotAddressAreLeftToNd4j() {
        INDArray everyOtherColumn = Nd4j.rand(DataType.FLOAT, 4, 10).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10));
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray c = Nd4j.zeros(DataType.FLOAT, 4, 3);

        assertThat(OneDnnGemm.multiply(everyOtherColumn, false, b, false, c, 1, 0)).isFalse();
        assertThat(OneDnnGemm.multiply(everyOtherColumn.castTo(DataType.DOUBLE), false, b, false, c, 1, 0)).isFalse();
        FastPath.tune(LeNet.newNetwork(1));
        INDArray expected = reference(everyOtherColumn, false, b, false, c, 1, 0);
        assertThat(maxDifference(everyOtherColumn.mmul(b), expected)).isLessThan(TOLERANCE);
    }

    /** The same values as a row-major array, a column-major array and a view into a wider array of each. */
    private static List<INDArray> layouts(long rows, long columns) {
        INDArray values = Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5);
        List<INDArray> layouts = new ArrayList<>();
        for (char order : new char[] {'c', 'f'}) {
            layouts.add(values.dup(order));
            INDArray wider = Nd4j.create(DataType.FLOAT, new long[] {rows + 2, columns + 3}, order).assign(7);
            INDArray view = wider.get(NDArrayIndex.interval(1, rows + 1), NDArrayIndex.interval(2, columns + 2));
            layouts.add(view.assign(values));
        }
        return layouts;
    }

    private static INDArray reference(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
            double alpha, double beta) {
        double[][] left = (transposeA ? a.transpose() : a).toDoubleMatrix();
        double[][] right = (transposeB ? b.transpose() : b).toDoubleMatrix();
        double[][] result = c.toDoubleMatrix();
        for (int i = 0; i < result.length; i++) {
            for (int j = 0; j < result[0].length; j++) {
                double sum = 0;
                for (int p = 0; p < right.length; p++) {
                    sum += left[i][p] * right[p][j];
                }
                result[i][j] = alpha * sum + beta * result[i][j];
            }
        }
        return Nd4j.create(result).castTo(DataType.FLOAT);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
