package org.adversarialarena.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The HTTP fuzz's short form, in the normal verify: 1,500 malformed requests (canvas reports of every
 * wrong shape, type and value, some with a Submit riding along; tampered envelopes, CSRF tokens and
 * ids; garbage and oversized bodies) from four joined Fool pages of an app started for the test. No
 * answer is 5xx, our code logs no stack trace and no error, nothing is stored, and afterwards the app is
 * healthy, a new player strokes and submits, and a client opening one page more than its session may
 * keep finds its oldest page closed. The long form (12,000 inputs) is documented in
 * docs/reliability.md.
 */
class HttpFuzzIT {

    @Test
    void malformedRequestsThroughTheRealChannelAreAnsweredStoreNothingAndLeaveNoStackTraceOfOurs()
            throws InterruptedException {
        HttpFuzzMain.Report report = HttpFuzzMain.run(1_500, 4, 24, Path.of("target", "fuzz-it"));
        System.out.println(report.summary());

        assertThat(report.fuzz().inputs()).isEqualTo(1_500);
        assertThat(report.fuzz().serverErrors()).isZero();
        assertThat(report.ourStackTraces()).isEmpty();
        assertThat(report.ourErrorLines()).isEmpty();
        assertThat(report.stored()).isZero();
        assertThat(report.droppedReports()).as("canvas reports that reached the canvas and were dropped").isPositive();
        assertThat(report.fuzz().failedOpens()).isZero();
        assertThat(report.healthy()).isTrue();
        assertThat(report.freshPlayerPlayed()).isTrue();
        assertThat(report.pagesLimited()).as("a page opened beyond the session's limit closes the oldest").isTrue();
    }
}
