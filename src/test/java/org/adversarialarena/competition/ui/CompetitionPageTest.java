package org.adversarialarena.competition.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.adversarialarena.competition.CompetitionService;
import org.adversarialarena.player.PlayerService;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the browserless tests of the competition pages share: the real services they host and join
 * contests with, the database they read the outcome from, and no one left signed in after a test.
 */
abstract class CompetitionPageTest extends SpringBrowserlessTest {

    @Autowired
    CompetitionService competitions;

    @Autowired
    PlayerService players;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
