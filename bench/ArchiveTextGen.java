import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Deterministic synthetic text of Ukrainian archive pages (аркуші), built from the word forms of the
 * morfologik Ukrainian dictionary that the application's analyzer uses.
 *
 * <p>Words: every lemma of the dictionary (except abbreviations, interjections, onomatopoeia, foreign
 * and Latin entries, and personal names, which have their own pools) is ranked and drawn with a Zipf
 * distribution (s = 1.0) over the ranks; the form is drawn uniformly among the lemma's forms. The
 * dictionary has no frequencies, so the rank is a documented proxy: function words (conjunctions,
 * prepositions, particles, pronouns) first, then every lemma by length (shorter is more frequent,
 * Zipf's law of abbreviation), ties broken by a seeded hash.
 *
 * <p>Archive vocabulary (decisions, orders, payrolls, land plots, certificates ...) is mixed in as
 * hand-written phrases in several inflections, and people as surname + first name + patronymic in
 * an agreeing case, drawn from the dictionary's surname and name lemmas (surnames Zipf-distributed
 * too, so some are rare). Half of the pages write the apostrophe as ’ (U+2019), half as '.
 *
 * <p>Page {@code i} depends only on the seed and {@code i}, so the Lucene and PostgreSQL runs see
 * exactly the same pages without storing them. A few pages carry planted sentences for the recall
 * table ({@link #RECALL}).
 */
public final class ArchiveTextGen {

    /** One page: keyword fields as the archive's page document has them, and the text. */
    public record Page(long id, long community, String fond, String decade, String language, boolean closed, String text) {}

    /** An inflected query and the sentence planted in its target pages. */
    public record Recall(String label, String query, String planted) {}

    public static final long QUERIED_COMMUNITY = 1;
    static final int RECALL_COPIES = 2;

    /** Query → text that a morphological search should connect (and one control with the same form). */
    public static final List<Recall> RECALL = List.of(
            new Recall("adjective + noun, plural genitive", "архівна довідка", "Розглянуто питання про видачу архівних довідок громадянам"),
            new Recall("land plot, plural genitive", "земельна ділянка", "Надати дозвіл на розроблення проєкту відведення земельних ділянок"),
            new Recall("payroll, locative plural", "відомість нарахування заробітної плати", "Дані зберігаються у відомостях нарахування заробітної плати за 1987 рік"),
            new Recall("instrumental vs nominative", "рішенням виконкому", "Згідно з текстом рішення виконкому від 12 квітня 1985 року"),
            new Recall("abbreviation vs full name", "рішенням виконкому", "Копія рішення виконавчого комітету надіслана до сільради"),
            new Recall("phrase in quotes, other case", "\"виконавчого комітету\"", "Виконавчий комітет міської ради вирішив затвердити план"),
            new Recall("apostrophe ' in query, ’ in text", "сім'я", "Багатодітна сім’я отримала квартиру в новому будинку"),
            new Recall("apostrophe ’ in query, ' in text", "сім’я", "Матеріальна допомога надана родині, сім'я проживає на вулиці Миру"),
            new Recall("apostrophe ʼ (U+02BC) + inflection", "сімʼя", "До складу сім’ї входять четверо дітей"),
            new Recall("stress mark in text", "довідка", "Видана дові́дка про склад родини"),
            new Recall("stress mark in query", "земля́", "Під забудову відведено землю колишнього радгоспу"),
            new Recall("surname and name, other case", "Ковальчука Івана", "Ковальчук Іван Петрович прийнятий на посаду слюсаря"),
            new Recall("surname, dative in text", "Мельник Петро", "Виплатити премію Мельникові Петру Степановичу"),
            new Recall("ґ in query, г in text", "ґрунтів", "Обстеження грунту на ділянці не проводилося"),
            new Recall("place adjective, other case", "Кропивницький", "Лист до виконкому у місті Кропивницькому"),
            new Recall("protocol, plural genitive", "протокол засідання", "Книга протоколів засідань постійної комісії"),
            new Recall("control: the same form", "заробітної плати", "Розмір заробітної плати встановлено згідно зі штатним розписом"));

    /** Archive concepts, each in several inflections (written for this benchmark). */
    static final String[][] VOCABULARY = {
            {"рішення виконавчого комітету", "рішенням виконавчого комітету", "рішень виконавчого комітету", "рішенні виконавчого комітету", "рішення виконкому", "рішенням виконкому"},
            {"розпорядження міського голови", "розпорядженням міського голови", "розпоряджень міського голови", "розпорядженні голови", "розпорядження голови райдержадміністрації"},
            {"виконавчий комітет", "виконавчого комітету", "виконавчому комітету", "виконавчим комітетом", "виконкому", "виконком"},
            {"відомість нарахування заробітної плати", "відомості нарахування заробітної плати", "відомостях нарахування заробітної плати", "відомостями нарахування зарплати", "відомість нарахування зарплати"},
            {"земельна ділянка", "земельної ділянки", "земельну ділянку", "земельних ділянок", "земельними ділянками", "земельній ділянці"},
            {"архівна довідка", "архівної довідки", "архівну довідку", "архівних довідок", "архівними довідками"},
            {"сесія міської ради", "сесії міської ради", "сесією міської ради", "сесій районної ради"},
            {"протокол засідання", "протоколу засідання", "протоколом засідання", "протоколи засідань", "протоколів засідань"},
            {"наказ по особовому складу", "наказом по особовому складу", "наказів по особовому складу", "накази з основної діяльності"},
            {"трудова книжка", "трудової книжки", "трудову книжку", "трудових книжок"},
            {"стаж роботи", "стажу роботи", "трудового стажу", "загальний трудовий стаж"},
            {"на посаду", "з посади", "посадою", "посадовий оклад", "посадового окладу", "посадових окладів"},
            {"особова справа", "особової справи", "особових справ", "особовій справі"},
            {"клопотання", "клопотанням", "заява громадянина", "заяви громадян", "заявою", "заяв громадян"},
            {"будівництво школи", "будівництва школи", "ремонт дороги", "ремонту доріг", "капітального ремонту"},
            {"сім'я", "сім'ї", "членів сім'ї", "багатодітна сім'я", "багатодітних сімей"},
            {"житловий будинок", "житлового будинку", "житлових будинків", "житловому будинку"},
            {"квартирна черга", "квартирної черги", "квартирний облік", "квартирного обліку"},
            {"пенсія за віком", "пенсії за віком", "призначення пенсії", "пенсійного забезпечення"},
            {"колгосп", "колгоспу", "колгоспників", "радгосп", "радгоспу", "радгоспів"},
            {"відділ освіти", "відділу освіти", "відділом охорони здоров'я", "відділу культури"},
            {"штатний розпис", "штатного розпису", "штатним розписом", "штатних розписів"},
    };

    private static final java.util.Set<String> FIRST_M = java.util.Set.of("Іван", "Петро", "Микола", "Василь", "Михайло",
            "Олександр", "Володимир", "Григорій", "Степан", "Андрій", "Сергій", "Юрій", "Павло", "Федір", "Олексій", "Дмитро",
            "Віктор", "Анатолій", "Богдан", "Тарас", "Ярослав", "Роман", "Євген", "Леонід", "Борис", "Костянтин", "Ігор");
    private static final java.util.Set<String> FIRST_F = java.util.Set.of("Марія", "Ганна", "Олена", "Ольга", "Наталія",
            "Тетяна", "Галина", "Надія", "Людмила", "Валентина", "Катерина", "Оксана", "Ніна", "Віра", "Любов", "Світлана",
            "Лідія", "Раїса", "Зінаїда", "Євдокія", "Парасковія", "Софія", "Ірина", "Лариса", "Алла", "Інна", "Ярослава");
    private static final String[] CASES = {"v_naz", "v_naz", "v_naz", "v_naz", "v_naz", "v_rod", "v_rod", "v_dav", "v_dav", "v_oru", "v_zna"};
    private static final String[] MONTHS = {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"};

    private final long seed;
    private final String[] forms;
    private final int[] formTag;
    private final String[] tags;
    private final int[] lemmaStart; // forms of lemma i: [lemmaStart[i], lemmaStart[i + 1])
    private final String[] lemmaText;
    private final int[] ranked;     // lemma ids by rank (rank 0 = most frequent)
    private final int functionWords; // ranks [0, functionWords) are function words
    private final double[] wordCdf;
    private final int[] surnames;   // lemma ids, in Zipf rank order
    private final double[] surnameCdf;
    private final int[] firstM, firstF, patronymicM, patronymicF;
    public final long loadMillis;
    public final int entries;

    private ArchiveTextGen(long seed) throws IOException {
        long t0 = System.nanoTime();
        this.seed = seed;
        Dictionary dictionary = Dictionary.read(ArchiveTextGen.class.getResource("/ua/net/nlp/ukrainian.dict"));
        Map<String, Integer> lemmaIds = new HashMap<>();
        Map<String, Integer> tagIds = new HashMap<>();
        List<String> tagList = new ArrayList<>();
        List<String> lemmaList = new ArrayList<>();
        List<String> formList = new ArrayList<>(3_600_000);
        int[] formLemma = new int[3_600_000];
        int[] formTagTmp = new int[3_600_000];
        int n = 0;
        for (WordData w : new DictionaryLookup(dictionary)) {
            String tag = w.getTag() == null ? "" : w.getTag().toString();
            if (tag.contains("abbr") || tag.startsWith("intj") || tag.contains("onomat") || tag.contains("foreign")
                    || tag.contains("latin") || tag.contains("number") || tag.contains("noninfl")) {
                continue;
            }
            String word = w.getWord().toString();
            String lemma = w.getStem().toString();
            int colon = tag.indexOf(':');
            String pos = colon < 0 ? tag : tag.substring(0, colon);
            Integer id = lemmaIds.get(lemma + '|' + pos);
            if (id == null) {
                id = lemmaList.size();
                lemmaIds.put(lemma + '|' + pos, id);
                lemmaList.add(lemma);
            }
            Integer t = tagIds.get(tag);
            if (t == null) {
                t = tagList.size();
                tagIds.put(tag, t);
                tagList.add(tag);
            }
            if (n == formLemma.length) {
                formLemma = Arrays.copyOf(formLemma, n * 2);
                formTagTmp = Arrays.copyOf(formTagTmp, n * 2);
            }
            formList.add(word);
            formLemma[n] = id;
            formTagTmp[n] = t;
            n++;
        }
        entries = n;
        int lemmas = lemmaList.size();
        // group the forms by lemma (counting sort)
        lemmaStart = new int[lemmas + 1];
        for (int i = 0; i < n; i++) lemmaStart[formLemma[i] + 1]++;
        for (int i = 0; i < lemmas; i++) lemmaStart[i + 1] += lemmaStart[i];
        int[] next = Arrays.copyOf(lemmaStart, lemmas);
        forms = new String[n];
        formTag = new int[n];
        for (int i = 0; i < n; i++) {
            int at = next[formLemma[i]]++;
            forms[at] = formList.get(i);
            formTag[at] = formTagTmp[i];
        }
        formList.clear();
        tags = tagList.toArray(new String[0]);
        lemmaText = lemmaList.toArray(new String[0]);

        // pools: names apart, the rest ranked
        List<Integer> words = new ArrayList<>();
        List<Integer> lnames = new ArrayList<>(), fm = new ArrayList<>(), ff = new ArrayList<>(), pm = new ArrayList<>(), pf = new ArrayList<>();
        for (int l = 0; l < lemmas; l++) {
            String tag = tags[formTag[lemmaStart[l]]];
            String lemma = lemmaText[l];
            if (!Character.isUpperCase(lemma.charAt(0))) {
                words.add(l);
            } else if (tag.startsWith("noun:anim")) {
                // this dictionary has no name tags: first names from a short list, patronymics and surnames by ending
                if (FIRST_M.contains(lemma)) fm.add(l);
                else if (FIRST_F.contains(lemma)) ff.add(l);
                else if (lemma.matches(".+(ович|йович)")) pm.add(l);
                else if (lemma.matches(".+(івна|ївна)")) pf.add(l);
                else if (lemma.matches("[А-ЯІЇЄ][а-яіїє']+(енко|чук|ук|юк|ський|цький|ишин|як|ак|ик|ець|ко|ар|ій)")) lnames.add(l);
            }
            // other proper nouns (places, organisations) are left out of the word pool
        }
        Integer[] order = words.toArray(new Integer[0]);
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(wordClass(a), wordClass(b));
            if (c != 0) return c;
            c = Integer.compare(lemmaText[a].length(), lemmaText[b].length());
            if (c != 0) return c;
            return Long.compare(hash(lemmaText[a] + a), hash(lemmaText[b] + b));
        });
        ranked = new int[order.length];
        int fw = 0;
        for (int i = 0; i < order.length; i++) {
            ranked[i] = order[i];
            if (wordClass(order[i]) == 0) fw = i + 1;
        }
        functionWords = fw;
        wordCdf = zipf(ranked.length);
        Integer[] sn = lnames.toArray(new Integer[0]);
        Arrays.sort(sn, (a, b) -> Long.compare(hash(lemmaText[a] + a), hash(lemmaText[b] + b)));
        surnames = Arrays.stream(sn).mapToInt(Integer::intValue).toArray();
        surnameCdf = zipf(surnames.length);
        firstM = fm.stream().mapToInt(Integer::intValue).toArray();
        firstF = ff.stream().mapToInt(Integer::intValue).toArray();
        patronymicM = pm.stream().mapToInt(Integer::intValue).toArray();
        patronymicF = pf.stream().mapToInt(Integer::intValue).toArray();
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public static ArchiveTextGen load(long seed) throws IOException {
        return new ArchiveTextGen(seed);
    }

    public String describe() {
        return String.format("dictionary: %,d word forms kept (of the morfologik-ukrainian-search dictionary), %,d ranked lemmas"
                        + " (%,d function words first), %,d surnames, %,d/%,d first names (m/f), %,d/%,d patronymics; loaded in %,d ms",
                entries, ranked.length, functionWords, surnames.length, firstM.length, firstF.length, patronymicM.length,
                patronymicF.length, loadMillis);
    }

    private int wordClass(int lemma) {
        String tag = tags[formTag[lemmaStart[lemma]]];
        return tag.startsWith("conj") || tag.startsWith("prep") || tag.startsWith("part") || tag.contains("pron") ? 0 : 1;
    }

    private long hash(String s) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) h = mix(h + s.charAt(i));
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double[] zipf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / (k + 1);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) cdf[k] /= sum;
        return cdf;
    }

    private static int draw(double[] cdf, SplittableRandom r) {
        int i = Arrays.binarySearch(cdf, r.nextDouble());
        return Math.min(i < 0 ? -i - 1 : i, cdf.length - 1);
    }

    // ---- access for the query mix

    public int rankedCount() { return ranked.length; }
    public int functionWordCount() { return functionWords; }
    public int surnameCount() { return surnames.length; }

    /** A random form of the lemma at this rank (proper nouns capitalised). */
    public String formAtRank(int rank, SplittableRandom r) {
        return randomForm(ranked[rank], r);
    }

    /** A random case form of the surname at this rank, optionally with a first name in the same case. */
    public String surnameQuery(int rank, boolean withFirstName, SplittableRandom r) {
        String c = CASES[r.nextInt(CASES.length)];
        boolean male = r.nextInt(3) > 0;
        String g = male ? ":m:" : ":f:";
        String s = capitalise(form(surnames[rank], g, c));
        if (!withFirstName) return s;
        int[] first = male ? firstM : firstF;
        return s + " " + capitalise(form(first[r.nextInt(first.length)], g, c));
    }

    // ---- pages

    public Page page(long id) {
        SplittableRandom r = new SplittableRandom(mix(seed * 31 + id));
        int recall = recallIndex(id);
        long community;
        boolean closed;
        if (recall >= 0) {
            community = QUERIED_COMMUNITY;
            closed = false;
        } else {
            int c = r.nextInt(100);
            community = c < 50 ? 1 : c < 75 ? 2 : c < 90 ? 3 : 4;
            closed = r.nextInt(100) < 8;
        }
        int fondNo = 1 + r.nextInt(60);
        String fond = (fondNo % 3 == 0 ? "Р-" : "П-") + (100 + fondNo * 7);
        String decade = Integer.toString(1920 + 10 * ((fondNo + r.nextInt(4)) % 11));
        int l = r.nextInt(100);
        String language = l < 90 ? "uk" : l < 98 ? "ru" : "pl";
        StringBuilder text = new StringBuilder(4096);
        boolean plain = recall >= 0;
        if (plain) text.append(RECALL.get(recall).planted()).append(". ");
        int words = 250 + r.nextInt(151);
        int written = 0, sentences = 0;
        while (written < words) {
            written += sentence(text, r, decade, plain);
            if (++sentences % 5 == 0) text.append('\n');
        }
        String t = text.toString().trim();
        if (!plain && r.nextBoolean()) t = t.replace('\'', '’');
        return new Page(id, community, fond, decade, language, closed, t);
    }

    /** Pages that carry a planted recall sentence: two per case, spread over the first 100,000. */
    public static long[] recallTargets(int recallCase) {
        long[] ids = new long[RECALL_COPIES];
        for (int j = 0; j < RECALL_COPIES; j++) ids[j] = (long) (recallCase * RECALL_COPIES + j) * 2_111 + 17;
        return ids;
    }

    private static int recallIndex(long id) {
        if (id % 2_111 != 17) return -1;
        long k = id / 2_111;
        return k < (long) RECALL.size() * RECALL_COPIES ? (int) (k / RECALL_COPIES) : -1;
    }

    private int sentence(StringBuilder out, SplittableRandom r, String decade, boolean plain) {
        int len = 6 + r.nextInt(13);
        int start = out.length();
        int count = 0;
        int phraseAt = !plain && r.nextInt(100) < 35 ? r.nextInt(len) : -1;
        int nameAt = !plain && r.nextInt(100) < 12 ? r.nextInt(len) : -1;
        int dateAt = !plain && r.nextInt(100) < 10 ? r.nextInt(len) : -1;
        for (int i = 0; i < len; i++) {
            if (i > 0) out.append(r.nextInt(12) == 0 ? ", " : " ");
            if (i == phraseAt) {
                String[] concept = VOCABULARY[r.nextInt(VOCABULARY.length)];
                out.append(concept[r.nextInt(concept.length)]);
                count += 2;
            } else if (i == nameAt) {
                out.append(person(r));
                count += 3;
            } else if (i == dateAt) {
                int year = Integer.parseInt(decade) + r.nextInt(10);
                out.append("від ").append(1 + r.nextInt(28)).append(' ').append(MONTHS[r.nextInt(12)]).append(' ')
                        .append(year).append(" року № ").append(1 + r.nextInt(400));
                count += 6;
            } else {
                out.append(randomForm(ranked[draw(wordCdf, r)], r));
                count++;
            }
        }
        out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
        out.append(". ");
        return count;
    }

    private String person(SplittableRandom r) {
        String c = CASES[r.nextInt(CASES.length)];
        boolean male = r.nextInt(3) > 0;
        String g = male ? ":m:" : ":f:";
        int surname = surnames[draw(surnameCdf, r)];
        int[] first = male ? firstM : firstF;
        int[] patronymic = male ? patronymicM : patronymicF;
        StringBuilder s = new StringBuilder(capitalise(form(surname, g, c)));
        if (first.length > 0) s.append(' ').append(capitalise(form(first[r.nextInt(Math.min(first.length, 400))], g, c)));
        if (patronymic.length > 0) s.append(' ').append(capitalise(form(patronymic[r.nextInt(Math.min(patronymic.length, 300))], g, c)));
        return s.toString();
    }

    private String randomForm(int lemma, SplittableRandom r) {
        int from = lemmaStart[lemma], to = lemmaStart[lemma + 1];
        String f = forms[from + r.nextInt(to - from)];
        return Character.isUpperCase(lemmaText[lemma].charAt(0)) ? capitalise(f) : f;
    }

    /** The first form of the lemma whose tag has all the given parts (else the first form). */
    private String form(int lemma, String... parts) {
        int from = lemmaStart[lemma], to = lemmaStart[lemma + 1];
        outer:
        for (int i = from; i < to; i++) {
            String tag = tags[formTag[i]];
            for (String p : parts) if (!tag.contains(p)) continue outer;
            return forms[i];
        }
        return forms[from];
    }

    static String capitalise(String s) {
        if (s.isEmpty()) return s;
        StringBuilder b = new StringBuilder(s);
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        for (int i = 1; i < b.length(); i++) if (b.charAt(i - 1) == '-') b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
        return b.toString();
    }

    /** Prints a few pages: {@code java ArchiveTextGen [count] [seed]}. */
    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ArchiveTextGen gen = load(args.length > 1 ? Long.parseLong(args[1]) : 20261124L);
        System.out.println(gen.describe());
        for (int i = 0; i < count; i++) {
            Page p = gen.page(i);
            System.out.printf("--- page %d: community %d, fond %s, decade %s, %s, closed %s, %d chars%n%s%n",
                    p.id(), p.community(), p.fond(), p.decade(), p.language(), p.closed(), p.text().length(), p.text());
        }
        System.out.println("--- planted: " + gen.page(recallTargets(0)[0]).text().substring(0, 120));
    }
}
