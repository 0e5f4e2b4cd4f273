package org.adversarialarena.competition;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cross-evaluation matrix as one viewer may see it: final attacks as rows, the fixed target and
 * the final defenses as columns, each cell the images the column's network misclassified; totals as
 * in the NIPS 2017 competition ({@link CrossEvaluation}). {@code status} null: never computed.
 */
public record Matrix(@Nullable MatrixStatus status, @Nullable String failure, @Nullable Instant computedAt, int images,
        List<Column> columns, List<Row> rows) {

    public Matrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * A column: a final defense ({@code defenseId}, its defender's {@code name}, null when hidden) or the
     * fixed target ({@code defenseId} null, {@code name} the model). {@code score}: images still classified
     * correctly, summed over attacks; {@code rank} 0 for the target, which is not ranked.
     */
    public record Column(@Nullable Long defenseId, @Nullable String name, boolean you, int score, int rank) {
    }

    /** A row: a final attack, its attacker, the cell per column (in the columns' order), its score and rank. */
    public record Row(long submissionId, @Nullable String name, boolean you, List<Integer> misclassified, int score,
            int rank) {

        public Row {
            misclassified = List.copyOf(misclassified);
        }
    }

    static Matrix none() {
        return new Matrix(null, null, null, 0, List.of(), List.of());
    }

    public boolean done() {
        return status == MatrixStatus.DONE;
    }
}
