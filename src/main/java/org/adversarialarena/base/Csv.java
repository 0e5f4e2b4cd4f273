package org.adversarialarena.base;

import org.jspecify.annotations.Nullable;

/**
 * CSV (RFC 4180) for exports people open in a spreadsheet: a cell that a spreadsheet would read as a
 * formula (starting with =, +, -, @) is prefixed with an apostrophe, since nicknames and ids are typed
 * by students; rows end with CRLF.
 */
public final class Csv {

    private Csv() {
    }

    public static void row(StringBuilder csv, @Nullable String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
