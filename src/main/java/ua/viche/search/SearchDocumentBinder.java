package ua.viche.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Writes a {@link SearchDocument} into its entity's index as the fields the site search reads
 * (decision 0041). Its parameter {@code uses} lists, comma-separated, the entity's properties that
 * the document is made of (paths such as {@code file.dateFrom} included), so that a change to any
 * of them re-indexes the entity when its transaction commits.
 */
public class SearchDocumentBinder implements TypeBinder {

    /** Field names; every index of a searchable entity has all of them, with the same types. */
    public static final String KIND = "site_kind";
    public static final String TITLE = "site_title";
    public static final String TITLE_EN = "site_title_en";
    public static final String TEXT = "site_text";
    /** The title's and the text's words as written (lower-cased), positions only: an exact phrase ranks first. */
    public static final String WORDS = "site_words";
    public static final String SUMMARY = "site_summary";
    public static final String STATUS = "site_status";
    public static final String OPEN = "site_open";
    public static final String YEAR = "site_year";
    public static final String DATE = "site_date";
    public static final String PUBLIC_FROM = "site_public_from";
    public static final String PATH = "site_path";
    /** When the status changes by time alone (see {@link SearchDocument#searchStatusChanges()}). */
    public static final String STATUS_CHANGES = "site_status_changes";
    /** The item's community: every search filters on it (decision 0061). */
    public static final String COMMUNITY = "site_community";

    /** The length of the summary shown when the text holds none of the words (a title match). */
    public static final int SUMMARY_LENGTH = 220;

    @Override
    public void bind(TypeBindingContext context) {
        String uses = context.paramOptional("uses", String.class).orElse("");
        List<String> paths = List.of(uses.split("\\s*,\\s*")).stream().filter(p -> !p.isBlank()).toList();
        if (paths.isEmpty()) {
            context.dependencies().useRootOnly();
        } else {
            paths.forEach(context.dependencies()::use);
        }
        IndexSchemaElement schema = context.indexSchemaElement();
        var f = context.typeFactory();
        Fields fields = new Fields(
                schema.field(COMMUNITY, f.asLong()).toReference(),
                schema.field(KIND, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(TITLE, f.asString().analyzer(SearchAnalysis.UKRAINIAN).projectable(Projectable.YES)
                        .termVector(TermVector.WITH_POSITIONS_OFFSETS).highlightable(List.of(Highlightable.FAST_VECTOR))).toReference(),
                schema.field(TITLE_EN, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                // the plain highlighter too: the archive's reading room marks a page's whole text with it
                schema.field(TEXT, f.asString().analyzer(SearchAnalysis.UKRAINIAN).termVector(TermVector.WITH_POSITIONS_OFFSETS)
                        .highlightable(List.of(Highlightable.PLAIN, Highlightable.FAST_VECTOR))).toReference(),
                schema.field(WORDS, f.asString().analyzer(SearchAnalysis.WORDS).norms(Norms.NO)).multiValued().toReference(),
                schema.field(SUMMARY, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(STATUS, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(OPEN, f.asBoolean()).toReference(),
                schema.field(YEAR, f.asInteger().aggregable(Aggregable.YES)).toReference(),
                schema.field(DATE, f.asLocalDate().projectable(Projectable.YES).sortable(Sortable.YES)).toReference(),
                schema.field(PUBLIC_FROM, f.asLocalDate()).toReference(),
                schema.field(PATH, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(STATUS_CHANGES, f.asInstant()).toReference());
        context.bridge(SearchDocument.class, new Bridge(fields));
    }

    private record Fields(IndexFieldReference<Long> community, IndexFieldReference<String> kind, IndexFieldReference<String> title, IndexFieldReference<String> titleEn,
                          IndexFieldReference<String> text, IndexFieldReference<String> words, IndexFieldReference<String> summary,
                          IndexFieldReference<String> status, IndexFieldReference<Boolean> open,
                          IndexFieldReference<Integer> year, IndexFieldReference<LocalDate> date,
                          IndexFieldReference<LocalDate> publicFrom, IndexFieldReference<String> path,
                          IndexFieldReference<Instant> statusChanges) {}

    private record Bridge(Fields fields) implements TypeBridge<SearchDocument> {

        @Override
        public void write(DocumentElement target, SearchDocument doc, TypeBridgeWriteContext context) {
            String text = doc.searchText();
            target.addValue(fields.community(), doc.getCommunityId());
            target.addValue(fields.kind(), doc.searchKind());
            target.addValue(fields.title(), doc.searchTitle());
            String titleEn = doc.searchTitleEn();
            if (titleEn != null && !titleEn.isBlank()) {
                target.addValue(fields.titleEn(), titleEn);
            }
            target.addValue(fields.text(), text);
            target.addValue(fields.words(), doc.searchTitle());
            target.addValue(fields.words(), text);
            target.addValue(fields.summary(), summary(text));
            target.addValue(fields.status(), doc.searchStatus().name());
            target.addValue(fields.open(), doc.searchStatus() == SearchStatus.OPEN);
            LocalDate date = doc.searchDate();
            if (date != null) {
                target.addValue(fields.year(), date.getYear());
                target.addValue(fields.date(), date);
            }
            LocalDate publicFrom = doc.searchPublicFrom();
            if (publicFrom != null) {
                target.addValue(fields.publicFrom(), publicFrom);
            }
            target.addValue(fields.path(), doc.searchPath());
            Instant changes = doc.searchStatusChanges();
            if (changes != null) {
                target.addValue(fields.statusChanges(), changes);
            }
        }
    }

    /** The text's beginning, cut at a word boundary, with an ellipsis when cut. */
    static String summary(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= SUMMARY_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SUMMARY_LENGTH);
        return flat.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH) + "…";
    }
}
