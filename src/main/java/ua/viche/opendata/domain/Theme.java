package ua.viche.opendata.domain;

import java.util.Locale;

/**
 * A dataset's theme: the EU data themes ({@code http://publications.europa.eu/resource/authority/data-theme/…}),
 * which are also the groups of the CKAN API, named in Ukrainian as the national portal names its
 * categories after them.
 */
public enum Theme {
    AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN;

    public String uri() {
        return "http://publications.europa.eu/resource/authority/data-theme/" + name();
    }

    /** The CKAN group's name. */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
