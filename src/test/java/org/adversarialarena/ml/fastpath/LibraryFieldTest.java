package org.adversarialarena.ml.fastpath;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.junit.jupiter.api.Test;

/** A DL4J upgrade that renames a field the fast path needs fails at install, naming the field and our class to revisit. */
class LibraryFieldTest {

    @Test
    void aRenamedFieldIsNamedWithTheClassToRevisit() {
        assertThatThrownBy(() -> LibraryField.lookUp(ConvolutionLayer.class, "helperRenamed", OneDnnConvolution.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ConvolutionLayer.class.getName() + ".helperRenamed")
                .hasMessageContaining(OneDnnConvolution.class.getName())
                .hasMessageContaining("-D" + FastPath.SWITCH + "=false");
    }

    @Test
    void thisDl4jVersionHasEveryFieldTheFastPathNeeds() {
        assertThatCode(LibraryField::resolveAll).doesNotThrowAnyException();
    }
}
