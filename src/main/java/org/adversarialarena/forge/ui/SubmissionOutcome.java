package org.adversarialarena.forge.ui;

import java.util.function.Supplier;
import org.adversarialarena.base.TranslatedText;
import org.adversarialarena.forge.BlankForgeryException;
import org.adversarialarena.forge.Submission;
import org.adversarialarena.ml.detective.NearDuplicateException;
import org.adversarialarena.ml.image.InvalidImageException;
import org.adversarialarena.round.TooManySubmissionsException;

/** What became of a submitted forgery: scored (counted or not), or refused for a reason the player can act on. */
sealed interface SubmissionOutcome {

    /** Stored and ranked; it earns points only if the classifier agrees with the prompt. */
    record Scored(Submission submission) implements SubmissionOutcome {

        boolean counted() {
            return submission.score().classifierAgrees();
        }
    }

    /** A copy of a real image. */
    record Copied() implements SubmissionOutcome {
    }

    /** The player submits faster than the rate limit allows. */
    record TooFast(long retryAfterSeconds) implements SubmissionOutcome {
    }

    /** Nothing drawn yet. */
    record Blank() implements SubmissionOutcome {
    }

    /** Malformed, which the canvas never sends: {@code reason} says how. */
    record Unjudgeable(TranslatedText reason) implements SubmissionOutcome {
    }

    default boolean refused() {
        return !(this instanceof Scored);
    }

    /** Runs {@code submission}; the refusals the service announces become outcomes, anything else stays an error. */
    static SubmissionOutcome of(Supplier<Submission> submission) {
        try {
            return new Scored(submission.get());
        } catch (NearDuplicateException e) {
            return new Copied();
        } catch (TooManySubmissionsException e) {
            return new TooFast(e.retryAfterSeconds());
        } catch (BlankForgeryException e) {
            return new Blank();
        } catch (InvalidImageException e) {
            return new Unjudgeable(new TranslatedText(e.problem().key(), e.arguments()));
        }
    }
}
