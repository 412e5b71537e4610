package ua.viche.search.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchAnalysis;

/**
 * Hibernate Search with the embedded Lucene backend: the index lives in {@code <data-dir>/index};
 * documents carry the community (tenant) of their entity, as Hibernate ORM's multi-tenancy is on, so
 * one community never finds another's;
 * the Ukrainian analyzer is Lucene's morfologik-based one with the Ukrainian dictionary; the words
 * analyzer only splits and lower-cases (the standard tokenizer, no stop words).
 */
@Component
class SearchIndexConfiguration implements HibernatePropertiesCustomizer {

    private final VicheSettings settings;

    SearchIndexConfiguration(VicheSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(Map<String, Object> properties) {
        Path index = settings.dataDir().resolve("index");
        if (!Files.exists(index)) {
            // a new index is written with the current fields (see SearchIndexBootstrap)
            SearchIndexBootstrap.write(SearchIndexBootstrap.marker(index));
        }
        properties.put("hibernate.search.backend.directory.root", index.toString());
        properties.put("hibernate.search.backend.analysis.configurer", (LuceneAnalysisConfigurer) context -> {
            context.analyzer(SearchAnalysis.UKRAINIAN).instance(new UkrainianMorfologikAnalyzer());
            context.analyzer(SearchAnalysis.WORDS).instance(new StandardAnalyzer(CharArraySet.EMPTY_SET));
        });
        // the index format follows the Lucene on the classpath; an index of an older format is rebuilt by deleting it
        properties.put("hibernate.search.backend.lucene_version", "LATEST");
        // the indexed entities are all Hibernate ORM entities, found without scanning the jar: building
        // a Jandex index of the application jar at every start took a tenth of the start's processor time
        properties.put("hibernate.search.mapping.build_missing_discovered_jandex_indexes", false);
        properties.put("hibernate.search.mapping.discover_annotated_types_from_root_mapping_annotations", false);
        properties.put("hibernate.search.multi_tenancy.tenant_identifier_converter", new TenantIdentifierConverter() {
            @Override
            public String toStringValue(Object tenantId) {
                return String.valueOf(tenantId);
            }

            @Override
            public Object fromStringValue(String value) {
                return Long.valueOf(value);
            }
        });
    }
}
