package ua.viche.opensearch;

import java.security.AccessController;
import java.security.PrivilegedAction;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** One analyzer per index that uses it; the dictionary is read once, from this plugin's jar. */
public class UkrainianAnalyzerProvider extends AbstractIndexAnalyzerProvider<UkrainianMorfologikAnalyzer> {

    private final UkrainianMorfologikAnalyzer analyzer;

    @SuppressWarnings("removal")
    public UkrainianAnalyzerProvider(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(indexSettings, name, settings);
        // the dictionary is a resource of the plugin's own jar: read with the plugin's permissions
        analyzer = AccessController.doPrivileged((PrivilegedAction<UkrainianMorfologikAnalyzer>) UkrainianMorfologikAnalyzer::new);
    }

    @Override
    public UkrainianMorfologikAnalyzer get() {
        return analyzer;
    }
}
