package ua.viche.archive;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.TestPropertySource;

/**
 * The archive's judged queries ({@link ArchiveSearchTest}) on the OpenSearch backend with the
 * project's Ukrainian analysis plugin: they must find the same documents as on the embedded Lucene
 * index (decision 0058). Runs when {@code VICHE_TEST_OPENSEARCH_URL} names a running OpenSearch 2.19
 * with the plugin ({@code scripts/opensearch.sh start}; {@code .ci/run} does it), else is skipped.
 */
@EnabledIfEnvironmentVariable(named = "VICHE_TEST_OPENSEARCH_URL", matches = ".+",
        disabledReason = "no OpenSearch: set VICHE_TEST_OPENSEARCH_URL (scripts/opensearch.sh start) to run the archive's judged queries on it")
@TestPropertySource(properties = {
        "viche.search.url=${VICHE_TEST_OPENSEARCH_URL}",
        // every test JVM starts from an empty database: indexes left by an earlier run are dropped
        "viche.search.schema-management=drop-and-create"})
class ArchiveSearchOnOpenSearchTest extends ArchiveSearchTest {
}
