package org.adversarialarena.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The load driver's short form, in the normal verify: 20 virtual players (half Fool, half Forge) on
 * an app started for the test, stroking every 300 ms for 30 s and submitting about every 10 s,
 * through Vaadin's own protocol, each page with its push channel open (a channel that does not open is
 * an error), with one real Chromium page stroking beside them. Every stroke is answered, nothing fails,
 * and every submission a player saw accepted is in PostgreSQL, once. A second run kills the app
 * ({@code kill -9}) under load and starts it again: every player opens their page again as the same
 * player, nothing accepted is lost or stored twice, and a submission the kill cut off is stored at most
 * once. Speed is measured, never asserted (the long form's figures are in docs/reliability.md).
 */
class LoadDriverIT {

    @Test
    void twentyPlayersStrokeAndSubmitForHalfAMinuteWithoutAnErrorAndEveryAcceptedSubmissionIsStored()
            throws InterruptedException {
        LoadDriver.Options options = new LoadDriver.Options();
        options.players = 20;
        options.duration = Duration.ofSeconds(30);
        options.submitEvery = Duration.ofSeconds(10);
        options.browsers = 1;

        LoadDriver.Report report = LoadDriver.run(options);
        System.out.println(report.summary());

        LoadMetrics metrics = report.metrics();
        assertThat(metrics.firstErrors()).isEmpty();
        assertThat(metrics.errors.get()).isZero();
        assertThat(metrics.playersStarted.get()).isEqualTo(20);
        assertThat(metrics.strokesSent.get()).isPositive();
        assertThat(metrics.strokesAnswered.get()).isEqualTo(metrics.strokesSent.get());
        assertThat(metrics.acceptedFool.get()).isPositive();
        assertThat(metrics.acceptedForge.get()).isPositive();
        assertThat(report.storedFool()).isEqualTo(metrics.acceptedFool.get());
        assertThat(report.storedForge()).isEqualTo(metrics.acceptedForge.get());
        assertThat(report.duplicateForgeries()).isZero();
        assertThat(report.browsers()).hasValueSatisfying(browser -> {
            assertThat(browser.failedPages()).isZero();
            assertThat(browser.reportMillis()).as("the real page's answered reports").isNotEmpty();
        });
    }

    @Test
    void anAppKilledUnderLoadComesBackAndItsPlayersResumeWithNothingAcceptedLostOrStoredTwice()
            throws InterruptedException {
        LoadDriver.Options options = new LoadDriver.Options();
        options.players = 16;
        options.duration = Duration.ofSeconds(100);
        options.submitEvery = Duration.ofSeconds(6);
        options.killAppAt = Optional.of(Duration.ofSeconds(20));

        LoadDriver.Report report = LoadDriver.run(options);
        System.out.println(report.summary());

        LoadMetrics metrics = report.metrics();
        assertThat(metrics.firstErrors()).as("failures outside the kill and the pages' return").isEmpty();
        assertThat(metrics.playersStarted.get()).isEqualTo(16);
        assertThat(metrics.interrupted.get()).as("requests the kill cut off").isPositive();
        assertThat(metrics.resumed.get()).as("every player opened their page again").isGreaterThanOrEqualTo(16);
        long storedUnanswered = report.stored() - metrics.accepted.get();
        assertThat(storedUnanswered).as("nothing accepted lost; at most the cut-off submissions stored besides")
                .isBetween(0L, metrics.submitsLost.get());
        // a result counts as seen once the browser's receipt came back: an answered one may be told again
        assertThat(metrics.toldUnseen.get()).as("players told of a stored result whose answer they never had")
                .isGreaterThanOrEqualTo(storedUnanswered);
        assertThat(report.duplicateForgeries()).isZero();
        assertThat(metrics.acceptedFool.get()).isPositive();
        assertThat(metrics.acceptedForge.get()).isPositive();
    }
}
