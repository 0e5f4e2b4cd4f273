package org.adversarialarena.leaderboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.adversarialarena.base.ui.LastShown;
import org.adversarialarena.base.ui.LocalFormat;
import org.adversarialarena.base.ui.UiUpdates;
import org.adversarialarena.leaderboard.BoardRanking;
import org.adversarialarena.leaderboard.LeaderboardFeed;
import org.adversarialarena.leaderboard.LeaderboardService;
import org.adversarialarena.leaderboard.Standing;
import org.adversarialarena.player.Player;
import org.adversarialarena.round.Board;
import org.jspecify.annotations.Nullable;

/**
 * A board's top players, updated live for everyone watching whenever anyone's score lands, with the
 * viewing player's own line and personal best marked. Games put one next to their play area.
 */
public class LeaderboardPanel extends Div {

    private final LeaderboardService leaderboards;
    private final LeaderboardFeed feed;
    private final UiUpdates<BoardRanking> updates = new UiUpdates<>(this, this::show);
    private final H4 title = new H4();
    private final OrderedList rows = new OrderedList();
    private final Paragraph personalBest = new Paragraph();
    private Board board;
    /** Read by the feed off the UI thread, when it gathers the places to load. */
    private volatile @Nullable Long playerId;
    private final LastShown<Shown> shown = new LastShown<>();

    LeaderboardPanel(LeaderboardService leaderboards, LeaderboardFeed feed, Board board) {
        this.leaderboards = leaderboards;
        this.feed = feed;
        this.board = board;
        follow(board);
        addClassName("arena-leaderboard");
        rows.addClassName("arena-leaderboard-rows");
        personalBest.addClassName("arena-leaderboard-best");
        add(title, rows, personalBest);
    }

    /** Follows another board, e.g. when the player switches level or dataset. */
    public void showBoard(Board newBoard) {
        this.board = newBoard;
        follow(newBoard);
        refresh();
    }

    /** Marks this player's line and shows their personal best. */
    public void setPlayer(@Nullable Long id) {
        this.playerId = id;
        refresh();
    }

    public Board board() {
        return board;
    }

    /** Reloads the ranking from the database (e.g. right after this player's own submission). */
    public void refresh() {
        Long viewer = playerId;
        show(leaderboards.ranking(board, viewer == null ? List.of() : List.of(viewer)));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    private void follow(Board followed) {
        updates.follow(listener -> feed.follow(followed, () -> playerId, listener));
    }

    private void show(BoardRanking ranking) {
        Long viewer = playerId;
        List<Standing> standings = ranking.top();
        // Most scores change no line of the top: the page is then left as it is and nothing is sent to it.
        shown.showIfChanged(new Shown(board, viewer, standings), () -> showRows(standings, viewer));
        // The feed loaded the viewer's place with the top, unless the viewer joined after it did.
        Optional<Standing> best = viewer == null ? Optional.empty()
                : ranking.knows(viewer) ? ranking.placeOf(viewer) : leaderboards.personalBest(board, viewer);
        personalBest.setText(best.map(b -> getTranslation("leaderboard.personal-best", points(b.points()), b.rank()))
                .orElse(""));
    }

    private record Shown(Board board, @Nullable Long playerId, List<Standing> standings) {
    }

    private void showRows(List<Standing> standings, @Nullable Long viewer) {
        title.setText(getTranslation("leaderboard.top", LeaderboardService.TOP, getTranslation(board.titleKey())));
        rows.removeAll();
        Map<String, Long> sameName = standings.stream()
                .collect(Collectors.groupingBy(s -> Player.sameNameKey(s.nickname()), Collectors.counting()));
        for (Standing standing : standings) {
            // Two players may share a name on screen ("alice", "ALICE", "ａｌｉｃｅ"): their tags tell them apart.
            String name = sameName.get(Player.sameNameKey(standing.nickname())) > 1
                    ? standing.nickname() + " " + Player.tagOf(standing.playerId()) : standing.nickname();
            boolean mine = viewer != null && viewer == standing.playerId();
            Span nickname = new Span(mine ? getTranslation("leaderboard.you", name) : name);
            ListItem row = new ListItem(nickname, new Span(points(standing.points())));
            row.addClassName("arena-leaderboard-row");
            if (mine) {
                row.addClassName("arena-leaderboard-mine");
            }
            rows.add(row);
        }
        if (standings.isEmpty()) {
            rows.add(new ListItem(getTranslation("leaderboard.empty")));
        }
    }

    private static String points(double points) {
        return LocalFormat.decimal(points, 1);
    }
}
