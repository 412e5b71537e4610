package ua.viche.petitions.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ua.viche.petitions.domain.Petition;

/** The draft form: title and Markdown text. */
public class PetitionForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = Petition.MAX_TITLE, message = "{petition.title.tooLong}")
    private String title = "";

    @NotBlank(message = "{validation.required}")
    @Size(min = 50, max = Petition.MAX_TEXT, message = "{petition.text.size}")
    private String text = "";

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
