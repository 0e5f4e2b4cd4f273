package org.adversarialarena.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.adversarialarena.ml.metrics.DetectionRates;
import org.adversarialarena.ml.metrics.Staircase;
import org.jspecify.annotations.Nullable;

/**
 * How a session is scored, from its answers in the order they were given. One place for the rules
 * the service, the ledger and the tests use:
 * <ul>
 * <li>the warm-up is passed only if every warm-up answer is right;</li>
 * <li>accuracy, sensitivity and specificity count the answers after the warm-up;</li>
 * <li>timed mode's next exposure and threshold come from the staircase over those answers;</li>
 * <li>points: untimed, 100 × accuracy; timed, 100 × shortest exposure / threshold; nothing without
 * the warm-up (or, timed, without a threshold).</li>
 * </ul>
 */
final class JudgeScoring {

    /** One answer: on a warm-up image or not, whether the image was real, and what the player said. */
    record Answer(boolean warmUp, boolean real, boolean saidFake) {

        boolean correct() {
            return saidFake != real;
        }
    }

    private JudgeScoring() {
    }

    /** Null while warm-up answers are missing and all given ones are right. */
    static @Nullable Boolean qualified(List<Answer> answers, int warmUpItems) {
        int given = 0;
        for (Answer answer : answers) {
            if (answer.warmUp()) {
                if (!answer.correct()) {
                    return Boolean.FALSE;
                }
                given++;
            }
        }
        return given >= warmUpItems ? Boolean.TRUE : null;
    }

    static DetectionRates rates(List<Answer> answers) {
        DetectionRates rates = DetectionRates.NONE;
        for (Answer answer : answers) {
            if (!answer.warmUp()) {
                rates = rates.plus(!answer.real(), answer.saidFake());
            }
        }
        return rates;
    }

    static Staircase.Trace staircase(List<Answer> answers, Staircase staircase) {
        List<Boolean> correct = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            if (!answer.warmUp()) {
                correct.add(answer.correct());
            }
        }
        return staircase.replay(correct);
    }

    static JudgeResult result(List<Answer> answers, int warmUpItems, JudgeMode mode, Staircase staircase) {
        Boolean qualified = qualified(answers, warmUpItems);
        DetectionRates rates = rates(answers);
        OptionalDouble threshold = mode == JudgeMode.TIMED ? staircase(answers, staircase).thresholdMs()
                : OptionalDouble.empty();
        double points = 0;
        if (Boolean.TRUE.equals(qualified)) {
            if (mode == JudgeMode.UNTIMED) {
                points = 100 * rates.accuracy().orElse(0);
            } else if (threshold.isPresent()) {
                points = 100 * staircase.shortestMs() / threshold.getAsDouble();
            }
        }
        return new JudgeResult(mode, rates, threshold, Boolean.TRUE.equals(qualified), Math.round(points * 10) / 10.0);
    }
}
