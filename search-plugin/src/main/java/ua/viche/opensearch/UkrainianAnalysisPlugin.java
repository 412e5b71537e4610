package ua.viche.opensearch;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Adds the analyzer type {@value #NAME}: Lucene's {@code UkrainianMorfologikAnalyzer} with the
 * Ukrainian dictionary, the analyzer the Viche application's embedded index uses.
 */
public class UkrainianAnalysisPlugin extends Plugin implements AnalysisPlugin {

    public static final String NAME = "viche_ukrainian";

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(NAME, UkrainianAnalyzerProvider::new);
    }
}
