package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import org.adversarialarena.ml.model.LeNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Arrays of one shape, strides and type share one native shape descriptor once a network has been tuned. */
@RequiresFastPath
class ShapeInfoCacheTest {

    @Test
    void arraysOfTheSameLayoutShareTheirShapeDescriptorAndOthersDoNot() {
        FastPath.tune(LeNet.newNetwork(1));
        assertThat(Nd4j.getShapeInfoProvider()).isInstanceOf(ShapeInfoCache.class);

        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 5);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 3, 5);
        INDArray other = Nd4j.zeros(DataType.FLOAT, 5, 3);
        INDArray f = Nd4j.create(DataType.FLOAT, new long[] {3, 5}, 'f');

        assertThat(b.shapeInfoDataBuffer()).isSameAs(a.shapeInfoDataBuffer());
        assertThat(other.shapeInfoDataBuffer()).isNotSameAs(a.shapeInfoDataBuffer());
        assertThat(f.shapeInfoDataBuffer()).isNotSameAs(a.shapeInfoDataBuffer());
        assertThat(Nd4j.zeros(DataType.DOUBLE, 3, 5).shapeInfoDataBuffer()).isNotSameAs(a.shapeInfoDataBuffer());
    }

    @Test
    void viewsAndTheirCopiesStillReadTheirOwnElements() {
        FastPath.tune(LeNet.newNetwork(1));
        INDArray matrix = Nd4j.arange(0, 20).castTo(DataType.FLOAT).reshape(4, 5);
        INDArray column = matrix.get(NDArrayIndex.all(), NDArrayIndex.point(2));
        INDArray otherColumn = matrix.get(NDArrayIndex.all(), NDArrayIndex.point(3));

        assertThat(column.toFloatVector()).containsExactly(2, 7, 12, 17);
        assertThat(otherColumn.toFloatVector()).containsExactly(3, 8, 13, 18);
        assertThat(matrix.transpose().dup().getFloat(3, 1)).isEqualTo(8f);
    }
}
