package org.adversarialarena.competition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The NIPS 2017 competition's scoring of every final attack against every final defense: a defense
 * scores the images it still classifies correctly, summed over attacks; an attack scores the
 * misclassifications it causes, summed over the columns (the defenses and the fixed target). Ranks:
 * higher score first, then the earlier entry (smaller id).
 */
final class CrossEvaluation {

    /** The matrix's shape and totals: attacks (rows) and columns (null: the fixed target) in their stored order. */
    record Scores(List<Long> attacks, List<@Nullable Long> columns, Map<Long, Map<@Nullable Long, Integer>> cells,
            Map<Long, Integer> attackScores, Map<@Nullable Long, Integer> columnScores, Map<Long, Integer> attackRanks,
            Map<Long, Integer> defenseRanks) {

        int cell(long attack, @Nullable Long column) {
            return cells.get(attack).getOrDefault(column, 0);
        }
    }

    private CrossEvaluation() {
    }

    /** Scores the cells of a matrix on a set of {@code images} images. */
    static Scores score(List<MatrixCell> cells, int images) {
        Set<Long> attacks = new LinkedHashSet<>();
        Set<@Nullable Long> columns = new LinkedHashSet<>();
        Map<Long, Map<@Nullable Long, Integer>> grid = new LinkedHashMap<>();
        for (MatrixCell cell : cells) {
            if (cell.misclassified() < 0 || cell.misclassified() > images) {
                throw new IllegalArgumentException("A cell counts " + cell.misclassified() + " of " + images + " images");
            }
            attacks.add(cell.submissionId());
            columns.add(cell.defenseId());
            grid.computeIfAbsent(cell.submissionId(), id -> new LinkedHashMap<>()).put(cell.defenseId(), cell.misclassified());
        }
        Map<Long, Integer> attackScores = new LinkedHashMap<>();
        Map<@Nullable Long, Integer> columnScores = new LinkedHashMap<>();
        for (Long attack : attacks) {
            for (Long column : columns) {
                int misclassified = grid.get(attack).getOrDefault(column, 0);
                attackScores.merge(attack, misclassified, Integer::sum);
                columnScores.merge(column, images - misclassified, Integer::sum);
            }
        }
        List<Long> defenses = columns.stream().filter(Objects::nonNull).map(id -> (Long) id).toList();
        return new Scores(List.copyOf(attacks), new ArrayList<>(columns), grid, attackScores, columnScores,
                ranks(List.copyOf(attacks), attackScores), ranks(defenses, columnScores));
    }

    private static Map<Long, Integer> ranks(List<Long> ids, Map<? extends @Nullable Long, Integer> scores) {
        List<Long> ordered = new ArrayList<>(ids);
        ordered.sort(Comparator.comparing((Long id) -> -scores.get(id)).thenComparing(id -> id));
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            ranks.put(ordered.get(i), i + 1);
        }
        return ranks;
    }

    /** Which images a network misclassified, by position in the set. */
    static boolean[] misclassified(ChallengeSet set, int[] predicted) {
        boolean[] wrong = new boolean[set.size()];
        for (ChallengeImage image : set.images()) {
            wrong[image.position()] = predicted[image.position()] != image.label();
        }
        return wrong;
    }

    /** The share of the public half's images that are flagged. */
    static double publicShare(ChallengeSet set, boolean[] flags) {
        List<ChallengeImage> half = AttackScoring.half(set, false);
        return half.isEmpty() ? 0 : half.stream().filter(image -> flags[image.position()]).count() / (double) half.size();
    }
}
