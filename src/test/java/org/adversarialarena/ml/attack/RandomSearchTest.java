package org.adversarialarena.ml.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The random searches keep a proposal only if its margin did not rise, and stop at the first fooling candidate. */
class RandomSearchTest {

    private static final AttackFixtures.Victims VICTIMS = AttackFixtures.victims(AttackFixtures.LENET, 10);

    @Test
    void aProposalIsKeptWhenItsMarginFellAndOnATieOnlyWhenTiesAreKept() {
        RandomSearch strict = new RandomSearch(10, false);
        RandomSearch tolerant = new RandomSearch(10, true);

        assertThat(strict.keeps(0.4f, 0.5f)).isTrue();
        assertThat(strict.keeps(0.5f, 0.5f)).isFalse();
        assertThat(tolerant.keeps(0.5f, 0.5f)).isTrue();
        assertThat(tolerant.keeps(0.6f, 0.5f)).isFalse();
    }

    @Test
    void theMarginFallsBelowZeroExactlyWhenTheGoalIsReached() {
        float[] logits = {1f, 3f, 2f};

        assertThat(RandomSearch.margin(logits, AttackGoal.untargeted(0))).isEqualTo(-2f);
        assertThat(RandomSearch.margin(logits, AttackGoal.untargeted(1))).isEqualTo(1f);
        assertThat(RandomSearch.margin(logits, AttackGoal.targeted(0, 1))).isEqualTo(-1f);
        assertThat(RandomSearch.margin(logits, AttackGoal.targeted(0, 2))).isEqualTo(1f);
    }

    @Test
    void aSearchThatNeverImprovesSpendsItsWholeBudgetAndReturnsItsStart() {
        AttackRun run = run(VICTIMS.images()[0], VICTIMS.labels()[0]);

        new RandomSearch(5, false).search(run, AttackFixtures.LENET, new Proposing(null));

        AttackResult result = run.results().get(0);
        assertThat(result.success()).isFalse();
        assertThat(result.queries()).isEqualTo(5);
        assertThat(result.adversarial()).containsExactly(VICTIMS.images()[0]);
    }

    @Test
    void anImageLeavesTheSearchAtTheFirstCandidateThatFoolsTheModel() {
        int other = otherDigit();
        Proposing anotherDigit = new Proposing(VICTIMS.images()[other]);
        AttackRun run = run(VICTIMS.images()[0], VICTIMS.labels()[0]);

        new RandomSearch(50, false).search(run, AttackFixtures.LENET, anotherDigit);

        AttackResult result = run.results().get(0);
        assertThat(result.success()).isTrue();
        assertThat(result.queries()).isEqualTo(2);
        assertThat(anotherDigit.proposals).isEqualTo(1);
        assertThat(result.adversarial()).containsExactly(VICTIMS.images()[other]);
    }

    private static AttackRun run(float[] image, int label) {
        return new AttackRun("test search", AttackFixtures.LENET, new float[][] {image}, List.of(AttackGoal.untargeted(label)),
                false, true);
    }

    private static int otherDigit() {
        for (int i = 1; i < VICTIMS.labels().length; i++) {
            if (VICTIMS.labels()[i] != VICTIMS.labels()[0]) {
                return i;
            }
        }
        throw new IllegalStateException("The victims are all one digit");
    }

    /** Starts from the original and proposes {@code proposal} (or the current candidate again if null), counting proposals. */
    private static final class Proposing implements RandomSearch.Candidates<float[]> {
        private final float @org.jspecify.annotations.Nullable [] proposal;
        private int proposals;

        Proposing(float @org.jspecify.annotations.Nullable [] proposal) {
            this.proposal = proposal;
        }

        @Override
        public float[] start(int image) {
            return VICTIMS.images()[image].clone();
        }

        @Override
        public float[] propose(int image, float[] current, int query) {
            proposals++;
            return proposal == null ? current : proposal;
        }

        @Override
        public float[] imageOf(int image, float[] candidate) {
            return candidate;
        }
    }
}
