package ua.viche.certificates.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import ua.viche.certificates.domain.CertificateOrder;

/**
 * The order form. Years and the decision date arrive as text and are read leniently: what cannot be
 * read counts as missing, and the order's rules say which facts the chosen topic needs.
 */
public class CertificateForm {

    private CertificateOrder.@Nullable Output output;
    private CertificateOrder.@Nullable Topic topic;
    private String organisation = "";
    private String position = "";
    private String yearFrom = "";
    private String yearTo = "";
    private String decisionNumber = "";
    private String decisionDate = "";
    private String land = "";
    private String details = "";
    private CertificateOrder.@Nullable Delivery delivery;
    private String email = "";

    CertificateOrder.Request request() {
        return new CertificateOrder.Request(output, topic, new CertificateOrder.Facts(organisation, position, year(yearFrom),
                year(yearTo), decisionNumber, date(decisionDate), land, details), delivery, email);
    }

    private static @Nullable Integer year(String s) {
        String t = s.strip();
        return t.matches("\\d{1,4}") ? Integer.valueOf(t) : null;
    }

    private static @Nullable LocalDate date(String s) {
        try {
            return s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s.strip(), DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    public CertificateOrder.@Nullable Output getOutput() { return output; }
    public void setOutput(CertificateOrder.@Nullable Output output) { this.output = output; }
    public CertificateOrder.@Nullable Topic getTopic() { return topic; }
    public void setTopic(CertificateOrder.@Nullable Topic topic) { this.topic = topic; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getYearFrom() { return yearFrom; }
    public void setYearFrom(String yearFrom) { this.yearFrom = yearFrom; }
    public String getYearTo() { return yearTo; }
    public void setYearTo(String yearTo) { this.yearTo = yearTo; }
    public String getDecisionNumber() { return decisionNumber; }
    public void setDecisionNumber(String decisionNumber) { this.decisionNumber = decisionNumber; }
    public String getDecisionDate() { return decisionDate; }
    public void setDecisionDate(String decisionDate) { this.decisionDate = decisionDate; }
    public String getLand() { return land; }
    public void setLand(String land) { this.land = land; }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = details; }
    public CertificateOrder.@Nullable Delivery getDelivery() { return delivery; }
    public void setDelivery(CertificateOrder.@Nullable Delivery delivery) { this.delivery = delivery; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
