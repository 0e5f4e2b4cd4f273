package org.adversarialarena.competition.ui;

/** Where the competition pages live. */
final class CompetitionPaths {

    static final String LIST = "competitions";
    static final String NEW = "competitions/new";
    static final String ONE = "competitions/view";
    static final String DRAFT = "competitions/draft";
    static final String TEAM = "competitions/team";

    private CompetitionPaths() {
    }
}
