package ua.viche.consultations.domain;

/** A section of one version of a draft: its place, heading (empty for a preamble) and Markdown text. */
public record Section(long id, int draftVersion, int position, String heading, String body) {

    DraftSections.Part part() {
        return new DraftSections.Part(heading, body);
    }
}
