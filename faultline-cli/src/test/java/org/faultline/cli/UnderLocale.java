package org.faultline.cli;

import java.util.Locale;

/** Runs test code with another default locale (both categories) and puts the old one back, whatever happens. */
public final class UnderLocale {
    /** Test code that may throw. */
    public interface Body {
        void run() throws Exception;
    }

    private UnderLocale() {
    }

    public static void run(Locale locale, Body body) throws Exception {
        Locale before = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(locale);
            body.run();
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
