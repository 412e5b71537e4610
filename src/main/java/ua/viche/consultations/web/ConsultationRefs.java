package ua.viche.consultations.web;

/** A consultation's reference in an address: its id, optionally followed by a slug of its title. */
final class ConsultationRefs {

    static final String REF = "{ref:\\d+(?:-[a-z0-9-]*)?}";

    private ConsultationRefs() {}

    static long id(String ref) {
        int dash = ref.indexOf('-');
        return Long.parseLong(dash < 0 ? ref : ref.substring(0, dash));
    }
}
