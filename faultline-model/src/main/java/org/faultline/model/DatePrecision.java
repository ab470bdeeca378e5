package org.faultline.model;

/** How precisely an event date is known; {@link #ARTICLE} means the article date was used as a fallback. */
public enum DatePrecision {
    DAY, WEEK, MONTH, YEAR, ARTICLE;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
