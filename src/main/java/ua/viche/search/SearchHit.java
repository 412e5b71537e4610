package ua.viche.search;

/**
 * One search result: title (plain text), a snippet that is HTML-escaped text in which the matches
 * are wrapped in {@code <mark>} (safe to insert as HTML), the link and the relevance score.
 */
public record SearchHit(String title, String snippet, String url, double score) {}
