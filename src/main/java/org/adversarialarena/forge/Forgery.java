package org.adversarialarena.forge;

import java.time.Instant;
import org.adversarialarena.ml.data.DatasetId;

/** A stored forgery as the gallery, the final verdict (by whose it is) and a resumed detective see it. */
public record Forgery(long id, long playerId, String nickname, DatasetId dataset, int promptClass, float[] pixels,
        double realProbability, boolean classifierAgrees, double score, long detectiveVersion, Instant created) {

    static Forgery of(ForgeryEntity forgery) {
        Long id = forgery.getId();
        Long playerId = forgery.getPlayer().getId();
        return new Forgery(id == null ? -1 : id, playerId == null ? -1 : playerId, forgery.getPlayer().getNickname(),
                DatasetId.fromSlug(forgery.getDataset()), forgery.getPromptClass(), forgery.pixels(),
                forgery.getRealProbability(), forgery.isClassifierAgrees(), forgery.getScore(),
                forgery.getDetectiveVersion(), forgery.getCreated());
    }
}
