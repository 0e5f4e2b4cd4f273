package org.adversarialarena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompetitionExportTest {

    @Test
    void everySubmissionIsARowAndTypedTextCannotBecomeAFormula() {
        Instant at = Instant.parse("2026-03-03T10:00:00Z");
        String csv = CompetitionExport.csv(List.of(
                new Submission(1, 9, 4, "=HYPERLINK(\"x\")", Channel.API, 0, SubmissionStatus.SCORED, null, at, at,
                        0.5, 0.25, 0.1, 0.2),
                new Submission(2, 9, 5, "bo, the second", Channel.BROWSER, 1, SubmissionStatus.FAILED,
                        "-boom", at, at, null, null, null, null)));

        assertThat(csv.split("\r\n")).containsExactly(CompetitionExport.HEADER,
                "1,\"'=HYPERLINK(\"\"x\"\")\",API,1,SCORED,,2026-03-03T10:00:00Z,2026-03-03T10:00:00Z,0.5000,0.1000,0.2500,0.2000,,false",
                "2,\"bo, the second\",BROWSER,2,FAILED,'-boom,2026-03-03T10:00:00Z,2026-03-03T10:00:00Z,,,,,,false");
    }
}
