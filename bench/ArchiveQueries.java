import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * The query mix of the archive search benchmark, deterministic for a seed. What people type into an
 * archive search box, by share of the mix:
 * <ul>
 * <li>30 % one word: a random form of a lemma of rank 300–50,000 (log-uniform);</li>
 * <li>20 % two words, each as above (all words must match);</li>
 * <li>15 % an archive term in some inflection («рішенням виконкому», «земельних ділянок»);</li>
 * <li>10 % a phrase in quotes: an archive term in some inflection, quoted;</li>
 * <li>15 % a person: a surname (Zipf rank ≥ 200 in the surname pool, so mostly rare) in some case,
 *     half of them with a first name;</li>
 * <li>10 % one frequent word: a content lemma among the 300 most frequent content lemmas.</li>
 * </ul>
 * Queries the Ukrainian analyzer reduces to nothing (only stop words) are drawn again.
 */
public final class ArchiveQueries {

    public record Query(String category, String text) {}

    public static List<Query> mix(ArchiveTextGen gen, Analyzer analyzer, long seed, int count) {
        SplittableRandom r = new SplittableRandom(ArchiveTextGen.mix(seed));
        List<Query> queries = new ArrayList<>(count);
        while (queries.size() < count) {
            Query q = draw(gen, r);
            if (tokens(analyzer, q.text()) > 0) queries.add(q);
        }
        return queries;
    }

    private static Query draw(ArchiveTextGen gen, SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 30) return new Query("one word", word(gen, r));
        if (roll < 50) return new Query("two words", word(gen, r) + " " + word(gen, r));
        if (roll < 65) return new Query("archive term", term(r));
        if (roll < 75) return new Query("phrase in quotes", "\"" + term(r) + "\"");
        if (roll < 90) {
            int rank = 200 + r.nextInt(Math.max(1, gen.surnameCount() - 200));
            return new Query("person (rare surname)", gen.surnameQuery(rank, r.nextBoolean(), r));
        }
        return new Query("frequent word", gen.formAtRank(gen.functionWordCount() + r.nextInt(300), r));
    }

    private static String word(ArchiveTextGen gen, SplittableRandom r) {
        int hi = Math.min(50_000, gen.rankedCount() - 1);
        int rank = (int) Math.round(Math.exp(Math.log(300) + r.nextDouble() * (Math.log(hi) - Math.log(300))));
        return gen.formAtRank(rank, r);
    }

    private static String term(SplittableRandom r) {
        String[] concept = ArchiveTextGen.VOCABULARY[r.nextInt(ArchiveTextGen.VOCABULARY.length)];
        return concept[r.nextInt(concept.length)];
    }

    static int tokens(Analyzer analyzer, String text) {
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            ts.reset();
            while (ts.incrementToken()) n++;
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }
}
