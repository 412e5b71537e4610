package ua.viche.petitions.web;

import ua.viche.platform.NotFoundException;

/** Petition references in URLs: {@code 42} or {@code 42-bezkoshtovnyi-wi-fi}. */
final class PetitionRefs {

    private PetitionRefs() {}

    static long id(String ref) {
        int end = 0;
        while (end < ref.length() && Character.isDigit(ref.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18 || (end < ref.length() && ref.charAt(end) != '-')) {
            throw new NotFoundException("petition.error.notFound");
        }
        return Long.parseLong(ref.substring(0, end));
    }
}
