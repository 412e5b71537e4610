package ua.viche.opendata.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;

/**
 * The community's register as a DCAT-AP 3.0 catalogue, built as an RDF graph with Apache Jena:
 * the catalogue, each published dataset and each of its resources as a distribution, with every
 * mandatory and recommended property of the three classes, and controlled vocabularies by their EU
 * URIs (data themes, frequencies, file types, licences, languages, countries, planned availability).
 */
public final class Dcat {

    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String DCATAP = "http://data.europa.eu/r5r/";
    public static final String ADMS = "http://www.w3.org/ns/adms#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String EU = "http://publications.europa.eu/resource/authority/";

    private Dcat() {}

    /** What the catalogue needs to say about the community and where its pages are. */
    public record Site(Community community, String catalogueUri, String homepage, String datasetBase) {}

    private static Property dcat(Model m, String local) { return m.createProperty(DCAT, local); }

    private static Property dct(Model m, String local) { return m.createProperty(DCT, local); }

    public static Model build(Site site, List<Register.Entry> entries, @Nullable Instant modified) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT);
        m.setNsPrefix("dct", DCT);
        m.setNsPrefix("foaf", FOAF);
        m.setNsPrefix("vcard", VCARD);
        m.setNsPrefix("spdx", SPDX);
        m.setNsPrefix("dcatap", DCATAP);
        m.setNsPrefix("skos", SKOS);
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        Community c = site.community();
        Resource publisher = m.createResource(site.homepage() + "#publisher")
                .addProperty(RDF.type, m.createResource(FOAF + "Agent"))
                .addProperty(m.createProperty(FOAF, "name"), c.nameUk(), "uk")
                .addProperty(m.createProperty(FOAF, "name"), c.nameEn(), "en")
                .addProperty(dct(m, "type"), m.createResource("http://purl.org/adms/publishertype/LocalAuthority"));
        Resource ukraine = m.createResource(EU + "country/UKR").addProperty(RDF.type, m.createResource(DCT + "Location"));
        Resource ukrainian = m.createResource(EU + "language/UKR").addProperty(RDF.type, m.createResource(DCT + "LinguisticSystem"));
        Resource catalogue = m.createResource(site.catalogueUri())
                .addProperty(RDF.type, m.createResource(DCAT + "Catalog"))
                .addProperty(dct(m, "title"), "Відкриті дані: " + c.nameUk(), "uk")
                .addProperty(dct(m, "title"), "Open data: " + c.nameEn(), "en")
                .addProperty(dct(m, "description"), "Набори відкритих даних, які оприлюднює " + c.nameUk() + ".", "uk")
                .addProperty(dct(m, "description"), "Open datasets published by " + c.nameEn() + ".", "en")
                .addProperty(dct(m, "publisher"), publisher)
                .addProperty(m.createProperty(FOAF, "homepage"), m.createResource(site.homepage()).addProperty(RDF.type, m.createResource(FOAF + "Document")))
                .addProperty(dct(m, "language"), ukrainian)
                .addProperty(dct(m, "license"), licence(m, Licence.CC_BY_4_0))
                .addProperty(dct(m, "spatial"), ukraine)
                .addProperty(dcat(m, "themeTaxonomy"), m.createResource(EU + "data-theme"));
        Instant issued = entries.stream().map(e -> e.dataset().getIssuedAt()).filter(x -> x != null).min(Instant::compareTo).orElse(null);
        if (issued != null) {
            catalogue.addLiteral(dct(m, "issued"), dateTime(m, issued));
        }
        if (modified != null) {
            catalogue.addLiteral(dct(m, "modified"), dateTime(m, modified));
        }
        for (Register.Entry e : entries) {
            catalogue.addProperty(dcat(m, "dataset"), dataset(m, site, e, publisher, ukraine, ukrainian));
        }
        return m;
    }

    private static Resource licence(Model m, Licence l) {
        return m.createResource(l.uri()).addProperty(RDF.type, m.createResource(DCT + "LicenseDocument"))
                .addProperty(dct(m, "type"), m.createResource(l.typeUri()));
    }

    private static Resource dataset(Model m, Site site, Register.Entry e, Resource publisher, Resource ukraine, Resource ukrainian) {
        Dataset d = e.dataset();
        String uri = site.datasetBase() + d.getName();
        Resource r = m.createResource(uri)
                .addProperty(RDF.type, m.createResource(DCAT + "Dataset"))
                .addProperty(dct(m, "title"), d.getTitleUk(), "uk")
                .addProperty(dct(m, "description"), d.getDescriptionUk(), "uk")
                .addProperty(dct(m, "identifier"), d.getIdentifier())
                .addProperty(dct(m, "publisher"), publisher)
                .addProperty(dct(m, "spatial"), ukraine)
                .addProperty(dct(m, "language"), ukrainian)
                .addProperty(dcat(m, "theme"), m.createResource(d.getTheme().uri()).addProperty(RDF.type, m.createResource(SKOS + "Concept")))
                .addProperty(dct(m, "accrualPeriodicity"), m.createResource(d.getFrequency().uri())
                        .addProperty(RDF.type, m.createResource(DCT + "Frequency")))
                .addProperty(dcat(m, "landingPage"), m.createResource(uri));
        if (!d.getTitleEn().isBlank()) {
            r.addProperty(dct(m, "title"), d.getTitleEn(), "en");
        }
        if (!d.getDescriptionEn().isBlank()) {
            r.addProperty(dct(m, "description"), d.getDescriptionEn(), "en");
        }
        for (String k : d.keywordList()) {
            r.addProperty(dcat(m, "keyword"), k, "uk");
        }
        Resource contact = m.createResource()
                .addProperty(RDF.type, m.createResource(VCARD + "Organization"))
                .addProperty(m.createProperty(VCARD, "fn"), e.department() == null ? site.community().nameUk() : e.department().nameUk(), "uk");
        if (d.getContactEmail() != null) {
            contact.addProperty(m.createProperty(VCARD, "hasEmail"), m.createResource("mailto:" + d.getContactEmail()));
        }
        r.addProperty(dcat(m, "contactPoint"), contact);
        Resource temporal = m.createResource().addProperty(RDF.type, m.createResource(DCT + "PeriodOfTime"));
        LocalDate from = d.getTemporalFrom() != null ? d.getTemporalFrom()
                : d.getIssuedAt() != null ? Dates.day(d.getIssuedAt()) : null;
        if (from != null) {
            temporal.addLiteral(dcat(m, "startDate"), m.createTypedLiteral(from.toString(), XSDDatatype.XSDdate));
        }
        // the data runs to the end of its coverage as typed, else to its last update
        LocalDate to = d.getTemporalTo() != null ? d.getTemporalTo() : d.getUpdatedAt() != null ? Dates.day(d.getUpdatedAt()) : null;
        if (to != null && from != null && to.isBefore(from)) {
            to = from;
        }
        if (to != null) {
            temporal.addLiteral(dcat(m, "endDate"), m.createTypedLiteral(to.toString(), XSDDatatype.XSDdate));
        }
        if (from != null || to != null) {
            r.addProperty(dct(m, "temporal"), temporal);
        }
        if (d.getIssuedAt() != null) {
            r.addLiteral(dct(m, "issued"), dateTime(m, d.getIssuedAt()));
        }
        r.addLiteral(dct(m, "modified"), dateTime(m, d.getModifiedAt()));
        for (DatasetResource res : e.resources()) {
            r.addProperty(dcat(m, "distribution"), distribution(m, uri, d, res));
        }
        return r;
    }

    private static Resource distribution(Model m, String datasetUri, Dataset d, DatasetResource res) {
        String download = datasetUri + "/resources/" + res.getId() + "/download";
        Resource r = m.createResource(datasetUri + "/resources/" + res.getId())
                .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                .addProperty(dcat(m, "accessURL"), m.createResource(download))
                .addProperty(dcat(m, "downloadURL"), m.createResource(download))
                .addProperty(dct(m, "title"), res.getName(), "uk")
                .addProperty(dct(m, "description"), res.getDescription().isBlank()
                        ? res.getName() + " (" + res.getFormat().name() + ")" : res.getDescription(), "uk")
                .addProperty(dct(m, "format"), m.createResource(res.getFormat().uri()).addProperty(RDF.type, m.createResource(DCT + "MediaTypeOrExtent")))
                .addProperty(dcat(m, "mediaType"), m.createResource(res.getFormat().mediaTypeUri()).addProperty(RDF.type, m.createResource(DCT + "MediaType")))
                .addProperty(dct(m, "license"), licence(m, d.getLicence()))
                .addProperty(m.createProperty(DCATAP, "availability"), m.createResource(EU + "planned-availability/STABLE")
                        .addProperty(RDF.type, m.createResource(SKOS + "Concept")))
                .addLiteral(dct(m, "issued"), dateTime(m, res.getCreatedAt()))
                .addLiteral(dct(m, "modified"), dateTime(m, res.getModifiedAt()));
        if (res.getSizeBytes() != null) {
            r.addLiteral(dcat(m, "byteSize"), m.createTypedLiteral(res.getSizeBytes().toString(), XSDDatatype.XSDnonNegativeInteger));
        }
        if (res.getSha256() != null) {
            r.addProperty(m.createProperty(SPDX, "checksum"), m.createResource()
                    .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                    .addProperty(m.createProperty(SPDX, "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"))
                    .addLiteral(m.createProperty(SPDX, "checksumValue"), m.createTypedLiteral(res.getSha256(), XSDDatatype.XSDhexBinary)));
        }
        return r;
    }

    private static Literal dateTime(Model m, Instant at) {
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(at.toEpochMilli());
        return m.createTypedLiteral(new XSDDateTime(cal));
    }
}
