package ua.viche.search;

/** One search result: title, a plain-text snippet (already safe to show) and the link. */
public record SearchHit(String title, String snippet, String url, double score) {}
