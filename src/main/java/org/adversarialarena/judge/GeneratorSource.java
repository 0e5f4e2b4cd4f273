package org.adversarialarena.judge;

import java.util.List;
import org.adversarialarena.ml.data.DatasetId;

/**
 * The seam through which Judge finds its generators: every Spring bean of this type is asked for a
 * dataset's generators when a session is made and when the ranking is drawn. Judge ships two (the
 * shipped GANs and the crowd of Forge players); another feature (Lab's promoted runs) adds its own
 * by declaring a bean, without Judge depending on it.
 */
public interface GeneratorSource {

    List<Generator> generators(DatasetId dataset);
}
