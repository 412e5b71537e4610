package ua.viche.opendata.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.opendata.domain.Dcat;
import ua.viche.opendata.domain.Register;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * The community's DCAT-AP 3.0 catalogue at {@code /{community}/catalog}: Turtle, JSON-LD or RDF/XML
 * by the {@code Accept} header, or by the suffix ({@code .ttl}, {@code .jsonld}, {@code .rdf}).
 */
@RestController
class CatalogController {

    enum Syntax {
        TURTLE("text/turtle", RDFFormat.TURTLE_PRETTY), JSONLD("application/ld+json", RDFFormat.JSONLD11_PLAIN),
        RDFXML("application/rdf+xml", RDFFormat.RDFXML_PLAIN);

        final String mediaType;
        final RDFFormat format;

        Syntax(String mediaType, RDFFormat format) {
            this.mediaType = mediaType;
            this.format = format;
        }

        /** The syntax an Accept header asks for first; Turtle when it names none of them. */
        static Syntax of(String accept) {
            Syntax best = TURTLE;
            double bestQ = -1;
            for (String part : accept.split(",")) {
                String[] p = part.strip().split(";");
                String type = p[0].strip().toLowerCase(Locale.ROOT);
                double q = 1;
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip();
                    if (param.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(param.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                for (Syntax s : values()) {
                    if ((s.mediaType.equals(type) || (s == JSONLD && type.equals("application/json"))) && q > bestQ) {
                        best = s;
                        bestQ = q;
                    }
                }
            }
            return best;
        }
    }

    private final Register register;
    private final VicheSettings settings;

    CatalogController(Register register, VicheSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    @GetMapping("/{community}/catalog")
    ResponseEntity<byte[]> negotiated(@PathVariable("community") String slug,
                                      @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "text/turtle") String accept) {
        return answer(Syntax.of(accept), true);
    }

    @GetMapping("/{community}/catalog.ttl")
    ResponseEntity<byte[]> turtle(@PathVariable("community") String slug) {
        return answer(Syntax.TURTLE, false);
    }

    @GetMapping("/{community}/catalog.jsonld")
    ResponseEntity<byte[]> jsonld(@PathVariable("community") String slug) {
        return answer(Syntax.JSONLD, false);
    }

    @GetMapping("/{community}/catalog.rdf")
    ResponseEntity<byte[]> rdfxml(@PathVariable("community") String slug) {
        return answer(Syntax.RDFXML, false);
    }

    /** The catalogue's graph of the current community. */
    Model model() {
        Community c = CurrentCommunity.require();
        List<Register.Entry> entries = register.published();
        Instant modified = entries.stream().map(e -> e.dataset().getModifiedAt()).max(Instant::compareTo).orElse(null);
        String base = settings.absolute("/" + c.slug());
        return Dcat.build(new Dcat.Site(c, base + "/catalog", base + "/opendata", base + "/opendata/"), entries, modified);
    }

    private ResponseEntity<byte[]> answer(Syntax syntax, boolean negotiated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model(), syntax.format);
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(syntax.mediaType + ";charset=UTF-8"));
        if (negotiated) {
            b.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return b.body(out.toByteArray());
    }
}
