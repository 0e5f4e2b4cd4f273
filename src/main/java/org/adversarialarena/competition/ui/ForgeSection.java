package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.adversarialarena.base.ui.PixelImage;
import org.adversarialarena.competition.forgetrack.ForgeContestService;
import org.adversarialarena.competition.forgetrack.ForgeStanding;
import org.adversarialarena.competition.ForgeTrack;
import org.adversarialarena.competition.Viewing;

/**
 * A competition's Forge track: the prompt and a link to the Forge game; for an entrant, how many of
 * their forgeries count so far; after the end, the board of each entrant's best forgery as the detective
 * judged it again (rank, name or "anonymous", points, the image). Hidden for a competition without one.
 */
class ForgeSection extends VerticalLayout {

    final Paragraph prompt = new Paragraph();
    final Paragraph own = new Paragraph();
    final Paragraph boardNote = new Paragraph();
    final Grid<ForgeStanding.Row> board = new Grid<>();
    private final ForgeContestService forgeContests;

    ForgeSection(ForgeContestService forgeContests) {
        this.forgeContests = forgeContests;
        setId("competition-forge");
        setPadding(false);
        board.setId("competition-forge-board");
        board.setAllRowsVisible(true);
        board.addColumn(ForgeStanding.Row::rank).setHeader("#").setFlexGrow(0);
        board.addColumn(row -> row.name() == null ? getTranslation("competition.board.anonymous") : row.name())
                .setHeader(getTranslation("competition.board.name"));
        board.addColumn(row -> String.format("%.1f", row.score())).setHeader(getTranslation("competition.forge.score"));
        board.addComponentColumn(row -> {
            PixelImage image = new PixelImage(row.pixels(), PixelImage.Palette.GRAY,
                    getTranslation("competition.forge.image", row.rank()));
            image.setDisplaySize("56px");
            return image;
        }).setHeader(getTranslation("competition.forge.forgery"));
        add(new H3(getTranslation("competition.forge.title")), prompt, own, boardNote, board);
    }

    void show(Viewing now) {
        ForgeStanding standing = forgeContests.standing(now).orElse(null);
        setVisible(standing != null);
        if (standing == null) {
            return;
        }
        ForgeTrack track = standing.track();
        prompt.setText(getTranslation("competition.forge.prompt", track.dataset().slug(),
                track.dataset().classNames().get(track.prompt())));
        Long counted = standing.ownForgeries();
        own.setVisible(counted != null);
        own.setText(counted == null ? "" : getTranslation("competition.forge.own", counted));
        boardNote.setText(!standing.over() ? getTranslation("competition.forge.before-end")
                : standing.judged() ? "" : getTranslation("competition.forge.judging"));
        board.setVisible(standing.over());
        board.setItems(standing.rows());
    }
}
