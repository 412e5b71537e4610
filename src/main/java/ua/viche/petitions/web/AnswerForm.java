package ua.viche.petitions.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.viche.petitions.domain.Petition;

/** The council's answer to a petition. */
public class AnswerForm {

    @NotNull(message = "{petition.answer.outcomeRequired}")
    private Petition.Outcome outcome;

    @NotBlank(message = "{validation.required}")
    @Size(max = 20_000, message = "{validation.tooLong}")
    private String text = "";

    @Size(max = 500, message = "{validation.tooLong}")
    @Pattern(regexp = "|https?://\\S+", message = "{petition.answer.url}")
    private String documentUrl = "";

    public Petition.Outcome getOutcome() { return outcome; }
    public void setOutcome(Petition.Outcome outcome) { this.outcome = outcome; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getDocumentUrl() { return documentUrl; }
    public void setDocumentUrl(String documentUrl) { this.documentUrl = documentUrl; }
}
