package ua.viche.opendata.domain;

/** A dataset's licence: its CKAN id, title, address and the EU licence vocabulary's URI. */
public enum Licence {
    CC_BY_4_0("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA_4_0("CC-BY-SA-4.0", "Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC0("CC0-1.0", "Creative Commons CCZero", "https://creativecommons.org/publicdomain/zero/1.0/");

    private final String id;
    private final String title;
    private final String url;

    Licence(String id, String title, String url) {
        this.id = id;
        this.title = title;
        this.url = url;
    }

    public String id() { return id; }

    public String title() { return title; }

    public String url() { return url; }

    /** The licence's type in the ADMS licence-type vocabulary (attribution, share-alike, public domain). */
    public String typeUri() {
        return "http://purl.org/adms/licencetype/" + switch (this) {
            case CC_BY_4_0 -> "Attribution";
            case CC_BY_SA_4_0 -> "ShareAlike";
            case CC0 -> "PublicDomain";
        };
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/licence/" + (this == CC0 ? "CC0" : name());
    }
}
