package org.adversarialarena.base.ui;

import com.vaadin.flow.component.UI;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers and times written the way the reader's language writes them (the UI's locale), for the
 * values a view puts into its texts. A percentage is given as its number only: the texts place the
 * sign, since languages place it differently.
 */
public final class LocalFormat {

    private LocalFormat() {
    }

    /** {@code value} with exactly {@code fractionDigits} decimals, in the current UI's locale. */
    public static String decimal(double value, int fractionDigits) {
        return decimal(current(), value, fractionDigits);
    }

    public static String decimal(Locale locale, double value, int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }

    /** A share in [0, 1] as a number of percent, e.g. 0.873 → "87.3" with one decimal. */
    public static String percent(double share, int fractionDigits) {
        return decimal(100 * share, fractionDigits);
    }

    /** A moment as a date and a time of day in {@code zone}, in the current UI's locale. */
    public static String dateTime(Instant moment, ZoneId zone) {
        return dateTime(current(), moment, zone);
    }

    public static String dateTime(Locale locale, Instant moment, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(moment);
    }

    /** The locale of the UI being answered; English outside any UI (a background thread without access). */
    static Locale current() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
