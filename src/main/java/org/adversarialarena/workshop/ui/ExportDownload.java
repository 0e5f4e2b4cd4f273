package org.adversarialarena.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.adversarialarena.workshop.WorkshopRefusedException;
import org.adversarialarena.workshop.WorkshopService;

/**
 * A run's exports as downloads: the CSV of results and the ZIP of submitted images. The service checks,
 * at download time, that the run is the asker's; a refusal reaches the page as a message.
 */
final class ExportDownload {

    /** Spreadsheet programs read a UTF-8 file as such only with this mark first (nicknames are not all ASCII). */
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final int CONFLICT = 409;

    private ExportDownload() {
    }

    static DownloadHandler of(WorkshopService workshops, long runId) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] csv = (BYTE_ORDER_MARK + workshops.exportCsv(runId)).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "workshop-" + runId + ".csv",
                    "text/csv; charset=utf-8", csv.length);
        });
    }

    static DownloadHandler images(WorkshopService workshops, long runId) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                byte[] zip = workshops.exportImages(runId);
                return new DownloadResponse(new ByteArrayInputStream(zip), "workshop-" + runId + "-images.zip",
                        "application/zip", zip.length);
            } catch (WorkshopRefusedException e) {
                tell(event, e);
                return DownloadResponse.error(CONFLICT, e.getMessage());
            }
        });
    }

    private static void tell(DownloadEvent event, WorkshopRefusedException refusal) {
        UI ui = event.getUI();
        if (ui != null) {
            ui.access(() -> Texts.refused(ui, refusal));
        }
    }
}
