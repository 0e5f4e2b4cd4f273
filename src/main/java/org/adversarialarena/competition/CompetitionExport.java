package org.adversarialarena.competition;

import java.util.List;
import java.util.Locale;
import org.adversarialarena.base.Csv;
import org.jspecify.annotations.Nullable;

/** Every submission of a competition with its status and both halves' scores, as CSV ({@link Csv}: formulas escaped). */
final class CompetitionExport {

    static final String HEADER = "submission,nickname,channel,phase,status,failure,submitted_at,evaluated_at,"
            + "public_success,public_perturbation,private_success,private_perturbation,team,picked";

    private CompetitionExport() {
    }

    static String csv(List<Submission> submissions) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Submission s : submissions) {
            Csv.row(csv, Long.toString(s.id()), s.nickname(), s.channel().name(), Integer.toString(s.phase() + 1),
                    s.status().name(), s.failure(), s.submittedAt().toString(),
                    s.evaluatedAt() == null ? null : s.evaluatedAt().toString(), number(s.publicSuccess()),
                    number(s.publicPerturbation()), number(s.privateSuccess()), number(s.privatePerturbation()),
                    s.teamName(), Boolean.toString(s.picked()));
        }
        return csv.toString();
    }

    private static @Nullable String number(@Nullable Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }
}
