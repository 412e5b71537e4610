package ua.viche.search;

/**
 * Names of the analyzers modules use in their index mappings. {@value #UKRAINIAN} lemmatises
 * Ukrainian words (so that «архівна довідка» finds «архівних довідок»), treats the apostrophe
 * variants (' ’ ʼ) as one and ignores stress marks.
 */
public final class SearchAnalysis {

    public static final String UKRAINIAN = "ukrainian";
    /** The words as written, lower-cased, nothing dropped: for preferring an exact phrase over its inflected forms. */
    public static final String WORDS = "words";

    private SearchAnalysis() {}
}
