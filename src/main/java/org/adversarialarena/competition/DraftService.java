package org.adversarialarena.competition;

import java.time.Clock;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.ml.image.ImagePixels;
import org.springframework.stereotype.Service;

/**
 * Building an adversarial set image by image in the canvas: an entrant opens each image of the
 * challenge set, saves their edit (fitted to the budget and checked like an upload's image: refused,
 * nothing is saved) to a draft kept in PostgreSQL, and submits the draft as a whole. Unsaved images
 * are submitted as their originals; the submission goes through the same checks, caps and evaluation
 * as an upload ({@link CompetitionService#submitImages}). The draft stays, to be improved and submitted again.
 */
@Service
public class DraftService {

    private final CompetitionService competitions;
    private final DraftStore drafts;
    private final Clock clock;

    DraftService(CompetitionService competitions, DraftStore drafts, Clock clock) {
        this.competitions = competitions;
        this.drafts = drafts;
        this.clock = clock;
    }

    public DraftProgress progress(long entrantId) {
        Entrant entrant = competitions.entrant(entrantId);
        return new DraftProgress(competitions.settings(entrant.competitionId()).imageCount(),
                drafts.savedPositions(entrantId));
    }

    /** The image at {@code position} as the draft has it, with its original and the budget's bounds. */
    public DraftImage image(long entrantId, int position) {
        Entrant entrant = competitions.entrant(entrantId);
        ChallengeSet set = competitions.challengeSet(entrant.competitionId());
        ChallengeImage challenge = imageAt(set, position);
        AttackBudget budget = competitions.settings(entrant.competitionId()).budget();
        float[] original = challenge.pixels();
        float[] saved = drafts.image(entrantId, position).orElse(null);
        return new DraftImage(position, set.size(), challenge.label(), original.clone(),
                saved == null ? original.clone() : saved, saved != null, budget.lowerBounds(original),
                budget.upperBounds(original), budget.maxChangedPixels());
    }

    /**
     * Saves the drawn image into the draft, fitted to the budget ({@link AttackBudget#fit}); refused, saving
     * nothing, if it is not a valid image, over the budget, or the competition is not running.
     */
    public DraftImage save(long entrantId, int position, float[] drawn) {
        Entrant entrant = competitions.entrant(entrantId);
        CompetitionSettings settings = competitions.settings(entrant.competitionId());
        competitions.requireOpen(settings);
        ChallengeImage challenge = imageAt(competitions.challengeSet(entrant.competitionId()), position);
        float[] valid;
        try {
            valid = ImagePixels.requireValid(drawn);
        } catch (InvalidImageException e) {
            throw CompetitionRefusedException.invalid("competition.refused.range", "Image has a value outside [0, 1]",
                    position);
        }
        float[] fitted = settings.budget().fit(challenge.pixels(), valid);
        double distance = settings.budget().distance(challenge.pixels(), fitted);
        if (!settings.budget().allows(distance)) {
            throw CompetitionRefusedException.invalid("competition.refused.over-budget", "Image is over the budget",
                    position, distance, settings.budget().limit());
        }
        drafts.save(entrantId, position, fitted, clock.instant());
        return image(entrantId, position);
    }

    /** Puts the original back: the image is no longer part of the draft. */
    public DraftImage discard(long entrantId, int position) {
        competitions.entrant(entrantId);
        drafts.discard(entrantId, position);
        return image(entrantId, position);
    }

    /** Submits the draft (unsaved images as their originals) like an upload; refused if nothing is saved. */
    public Submission submit(long entrantId) {
        Entrant entrant = competitions.entrant(entrantId);
        ChallengeSet set = competitions.challengeSet(entrant.competitionId());
        float[][] images = drafts.images(entrantId, set.size());
        int saved = 0;
        for (ChallengeImage image : set.images()) {
            if (images[image.position()] == null) {
                images[image.position()] = image.pixels();
            } else {
                saved++;
            }
        }
        if (saved == 0) {
            throw CompetitionRefusedException.invalid("competition.refused.draft-empty", "No image of the draft is saved");
        }
        return competitions.submitImages(entrantId, images, Channel.CANVAS);
    }

    private static ChallengeImage imageAt(ChallengeSet set, int position) {
        if (position < 0 || position >= set.size()) {
            throw CompetitionRefusedException.notFound();
        }
        return set.images().get(position);
    }
}
