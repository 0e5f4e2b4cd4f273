package org.adversarialarena.competition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.competition.CrossEvaluationService;
import org.adversarialarena.competition.Matrix;
import org.adversarialarena.competition.MatrixStatus;
import org.adversarialarena.competition.Viewing;
import org.adversarialarena.quota.LimitReachedException;
import org.jspecify.annotations.Nullable;

/**
 * The cross-evaluation on a competition's page: final attacks as rows, the fixed target and the final
 * defenses as columns, each cell the images misclassified; the attacks' totals in the last column, the
 * defenses' totals (images still classified correctly) in the footer. Everyone sees it once the
 * competition is over; the host at any time, with "compute now" and the matrix's CSV.
 */
class MatrixSection extends VerticalLayout {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final CrossEvaluationService matrices;
    private final Runnable reload;
    final Paragraph status = new Paragraph();
    final Button computeNow = new Button();
    final Anchor export = new Anchor();
    Grid<Matrix.Row> grid = new Grid<>();
    private long competitionId = -1;

    MatrixSection(CrossEvaluationService matrices, Runnable reload) {
        this.matrices = matrices;
        this.reload = reload;
        setId("matrix-section");
        setPadding(false);
        status.setId("matrix-status");
        computeNow.setText(getTranslation("competition.matrix.compute"));
        computeNow.setId("matrix-compute");
        computeNow.addClickListener(click -> computeNow());
        export.setText(getTranslation("competition.matrix.export"));
        export.setId("matrix-export");
        grid.setId("matrix-grid");
        add(new H3(getTranslation("competition.matrix.title")),
                new Paragraph(getTranslation("competition.matrix.text")), status, new HorizontalLayout(computeNow, export),
                grid);
    }

    void show(Viewing now) {
        competitionId = now.competition().id();
        setVisible(now.host() || now.over());
        if (!isVisible()) {
            return;
        }
        Matrix matrix = matrices.matrix(now);
        computeNow.setVisible(now.host());
        export.setVisible(now.host() && matrix.done());
        if (now.host() && matrix.done()) {
            export.setHref(DownloadHandler.fromInputStream(event -> {
                byte[] csv = (BYTE_ORDER_MARK + matrices.exportCsv(competitionId)).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(csv), "competition-" + competitionId + "-matrix.csv",
                        "text/csv; charset=utf-8", csv.length);
            }));
        }
        MatrixStatus state = matrix.status();
        status.setText(state == null ? getTranslation("competition.matrix.none")
                : state == MatrixStatus.DONE && matrix.computedAt() != null
                        ? getTranslation("competition.matrix.done", Notices.time(matrix.computedAt()), matrix.images(),
                                matrix.rows().size(), matrix.columns().size())
                : state == MatrixStatus.FAILED ? getTranslation("competition.matrix.failed", String.valueOf(matrix.failure()))
                : getTranslation("competition.matrix.computing"));
        Grid<Matrix.Row> fresh = table(matrix);
        replace(grid, fresh);
        grid = fresh;
    }

    private Grid<Matrix.Row> table(Matrix matrix) {
        Grid<Matrix.Row> table = new Grid<>();
        table.setId("matrix-grid");
        table.setVisible(matrix.done() && !matrix.rows().isEmpty());
        FooterRow footer = table.appendFooterRow();
        Grid.Column<Matrix.Row> rank = table.addColumn(Matrix.Row::rank).setHeader("#").setFlexGrow(0);
        Grid.Column<Matrix.Row> attacker = table.addColumn(row -> name(row.name()))
                .setHeader(getTranslation("competition.matrix.attack"));
        footer.getCell(rank).setText("");
        footer.getCell(attacker).setText(getTranslation("competition.matrix.defense-score"));
        for (int c = 0; c < matrix.columns().size(); c++) {
            int index = c;
            Matrix.Column column = matrix.columns().get(c);
            String header = column.defenseId() == null
                    ? getTranslation("competition.matrix.target", column.name())
                    : getTranslation("competition.matrix.defense", name(column.name()), column.rank());
            Grid.Column<Matrix.Row> added = table.addColumn(row -> row.misclassified().get(index)).setHeader(header);
            footer.getCell(added).setText(Integer.toString(column.score()));
        }
        Grid.Column<Matrix.Row> total = table.addColumn(Matrix.Row::score)
                .setHeader(getTranslation("competition.matrix.attack-score"));
        footer.getCell(total).setText("");
        table.setItems(matrix.rows());
        table.setAllRowsVisible(true);
        return table;
    }

    private String name(@Nullable String name) {
        return name == null ? getTranslation("competition.board.anonymous") : name;
    }

    void computeNow() {
        try {
            matrices.computeNow(competitionId);
        } catch (CompetitionRefusedException e) {
            Notices.refused(this, e);
        } catch (LimitReachedException e) {
            Notices.refused(this, CompetitionRefusedException.invalid("competition.refused.rate", "Too many requests"));
        }
        reload.run();
    }
}
