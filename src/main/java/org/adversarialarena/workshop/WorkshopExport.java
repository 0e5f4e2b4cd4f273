package org.adversarialarena.workshop;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adversarialarena.base.Csv;

/**
 * A run's results as CSV ({@link Csv}: formulas escaped): one row per student per round played, in
 * round then join order. A Forge round's level is {@code forge}, its class in {@code forge_class}, and
 * its change norms are empty; {@code success} means the forgery fooled the class detective and the classifier.
 * {@code team} is the student's team number, empty in a workshop without teams.
 */
final class WorkshopExport {

    static final String HEADER = "round,level,dataset,nickname,student_id,status,submitted,success,points,l0,l2,linf,"
            + "seconds,submitted_at,forge_class,team";

    private WorkshopExport() {
    }

    static String csv(RunState run, List<EntryResult> entries) {
        Map<String, EntryResult> byRoundAndSeat = new HashMap<>();
        entries.forEach(entry -> byRoundAndSeat.put(entry.roundIndex() + ":" + entry.seatId(), entry));
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        int played = run.phase() == Phase.LOBBY ? 0 : run.roundIndex() + 1;
        for (int round = 0; round < played; round++) {
            RoundSettings settings = run.rounds().get(round);
            for (SeatState seat : run.seats()) {
                EntryResult entry = byRoundAndSeat.get(round + ":" + seat.id());
                boolean submitted = entry != null && entry.didSubmit();
                boolean norms = submitted && !settings.isForge();
                Csv.row(csv, Integer.toString(round + 1), settings.isForge() ? "forge" : settings.level().slug(),
                        settings.dataset().slug(), seat.nickname(),
                        seat.studentId(), seat.status().name().toLowerCase(Locale.ROOT), Boolean.toString(submitted),
                        submitted ? Boolean.toString(entry.success()) : "",
                        submitted ? number(settings.points() ? entry.points() : 0) : "",
                        norms ? Integer.toString(entry.l0()) : "", norms ? number(entry.l2()) : "",
                        norms ? number(entry.linf()) : "", submitted ? seconds(entry) : "",
                        submitted ? String.valueOf(entry.submitted()) : "",
                        settings.isForge() ? Integer.toString(settings.forgeClass()) : "",
                        seat.team() == null ? "" : Integer.toString(seat.team()));
            }
        }
        return csv.toString();
    }

    private static String seconds(EntryResult entry) {
        return entry.submitted() == null ? "" : number(Duration.between(entry.issued(), entry.submitted()).toMillis() / 1000.0);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
