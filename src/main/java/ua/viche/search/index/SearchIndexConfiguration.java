package ua.viche.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchAnalysis;

/**
 * Hibernate Search configuration (decision 0058).
 * <ul>
 *   <li>Backend: the embedded Lucene index in {@code <data-dir>/index} by default; with
 *   {@code viche.search.url} ({@code VICHE_SEARCH_URL}) the Elasticsearch backend pointed at
 *   OpenSearch 2.19, which several nodes share.</li>
 *   <li>Coordination: outbox polling. A change to an indexed entity is written to
 *   {@code hsearch_outbox_event} in its own transaction and applied to the index by a background
 *   processor every {@value #POLLING_MS} ms, so that nothing committed is lost when the process dies
 *   right after a commit, and every node's changes reach the shared index once.</li>
 *   <li>One outbox processor for every community (decision 0061): Hibernate ORM's multi-tenancy is
 *   on, and the outbox would otherwise need a processor per community, listed at start (a community
 *   created later would wait for a restart). The only tenant Hibernate Search knows is the platform's
 *   root ({@value #ROOT_TENANT}), which sees every community's rows; each document carries its
 *   community as a field and as its routing key ({@code ua.viche.search.CommunityRouting}), and every
 *   search filters on it ({@code ua.viche.search.SharedIndex}).</li>
 *   <li>Analysis: the Ukrainian analyzer is Lucene's morfologik-based one with the Ukrainian
 *   dictionary (on OpenSearch the same analyzer, from this project's analysis plugin,
 *   {@value #OPENSEARCH_UKRAINIAN}); the words analyzer only splits and lower-cases (the standard
 *   tokenizer, no stop words).</li>
 * </ul>
 */
@Component
class SearchIndexConfiguration implements HibernatePropertiesCustomizer {

    static final int POLLING_MS = 100;
    /** The analyzer's name in the OpenSearch plugin (search-plugin/). */
    static final String OPENSEARCH_UKRAINIAN = "viche_ukrainian";
    /** The root tenant of the platform's tenant resolver (no community). */
    static final String ROOT_TENANT = "0";

    private final VicheSettings settings;
    private final String url;
    private final String user;
    private final String password;
    private final String schemaManagement;

    SearchIndexConfiguration(VicheSettings settings,
                             @Value("${viche.search.url:}") String url,
                             @Value("${viche.search.user:}") String user,
                             @Value("${viche.search.password:}") String password,
                             @Value("${viche.search.schema-management:create-or-validate}") String schemaManagement) {
        this.schemaManagement = schemaManagement;
        this.settings = settings;
        this.url = url.strip();
        this.user = user;
        this.password = password;
    }

    /** Whether the index is on an external OpenSearch rather than the embedded Lucene directory. */
    boolean external() {
        return !url.isEmpty();
    }

    @Override
    public void customize(Map<String, Object> properties) {
        if (external()) {
            opensearch(properties);
        } else {
            lucene(properties);
        }
        properties.put("hibernate.search.coordination.strategy", "outbox-polling");
        OutboxTenancy.configure(properties);
        properties.put("hibernate.search.coordination.event_processor.polling_interval", POLLING_MS);
        // a node killed without stopping leaves its agent row: the others take its share after this long
        properties.put("hibernate.search.coordination.event_processor.pulse_interval", 2000);
        properties.put("hibernate.search.coordination.event_processor.pulse_expiration", 10000);
        properties.put("hibernate.search.multi_tenancy.tenant_ids", ROOT_TENANT);
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

    private void lucene(Map<String, Object> properties) {
        Path index = settings.dataDir().resolve("index");
        if (Files.exists(index) && !SearchIndexBootstrap.MAPPING.equals(SearchIndexBootstrap.written(SearchIndexBootstrap.marker(index)))) {
            // written by a version with other fields: it starts empty, and SearchIndexBootstrap, finding no
            // marker, rebuilds it in full (documents of an older layout would otherwise stay behind)
            try {
                FileSystemUtils.deleteRecursively(index);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the outdated search index " + index, e);
            }
        } else if (!Files.exists(index)) {
            // a new index is written with the current fields (see SearchIndexBootstrap)
            SearchIndexBootstrap.write(SearchIndexBootstrap.marker(index));
        }
        properties.put("hibernate.search.backend.type", "lucene");
        properties.put("hibernate.search.backend.directory.root", index.toString());
        properties.put("hibernate.search.backend.analysis.configurer", (LuceneAnalysisConfigurer) context -> {
            context.analyzer(SearchAnalysis.UKRAINIAN).instance(new UkrainianMorfologikAnalyzer());
            context.analyzer(SearchAnalysis.WORDS).instance(new StandardAnalyzer(CharArraySet.EMPTY_SET));
        });
        // the index format follows the Lucene on the classpath; an index of an older format is rebuilt by deleting it
        properties.put("hibernate.search.backend.lucene_version", "LATEST");
    }

    private void opensearch(Map<String, Object> properties) {
        URI uri = URI.create(url);
        properties.put("hibernate.search.backend.type", "elasticsearch");
        properties.put("hibernate.search.backend.uris", uri.toString());
        properties.put("hibernate.search.backend.version", "opensearch:2.19");
        properties.put("hibernate.search.backend.version_check.enabled", false);
        if (!user.isBlank()) {
            properties.put("hibernate.search.backend.username", user);
            properties.put("hibernate.search.backend.password", password);
        }
        // the indexes are created (or checked) at start; fields added later need a full reindex
        properties.put("hibernate.search.schema_management.strategy", schemaManagement);
        properties.put("hibernate.search.backend.analysis.configurer", (ElasticsearchAnalysisConfigurer) context -> {
            context.analyzer(SearchAnalysis.UKRAINIAN).type(OPENSEARCH_UKRAINIAN);
            context.analyzer(SearchAnalysis.WORDS).custom().tokenizer("standard").tokenFilters("lowercase");
        });
    }
}
