package org.adversarialarena.fool;

import java.time.Duration;
import org.adversarialarena.quota.LimitReachedException;

/** A player asked for new challenge images faster than {@code arena.fool.new-images-per-minute}; none was issued. */
public class TooManyNewImagesException extends LimitReachedException {

    TooManyNewImagesException(Duration retryAfter) {
        super("Too many new images", retryAfter);
    }
}
