package org.adversarialarena.workshop.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.adversarialarena.workshop.WorkshopService;

/** The CSV export of a run as a download; the service checks, at download time, that the run is the asker's. */
final class ExportDownload {

    /** Spreadsheet programs read a UTF-8 file as such only with this mark first (nicknames are not all ASCII). */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ExportDownload() {
    }

    static DownloadHandler of(WorkshopService workshops, long runId) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] csv = (BYTE_ORDER_MARK + workshops.exportCsv(runId)).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "workshop-" + runId + ".csv",
                    "text/csv; charset=utf-8", csv.length);
        });
    }
}
