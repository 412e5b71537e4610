package ua.viche.archive.manage;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The file page's small forms: access, an index term, scans, a page's text. */
final class SmallForms {

    private SmallForms() {}

    /** Access: RULE (back to the 75-year rule), OPEN or CLOSED, with a reason. */
    public static class AccessForm {
        private String decision = "RULE";
        private String reason = "";

        public String getDecision() { return decision; }
        public void setDecision(String decision) { this.decision = decision; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class TermForm {
        private String termKind = "SUBJECT";
        private String termName = "";

        public String getTermKind() { return termKind; }
        public void setTermKind(String termKind) { this.termKind = termKind; }
        public String getTermName() { return termName; }
        public void setTermName(String termName) { this.termName = termName; }
    }

    public static class ScanForm {
        private List<MultipartFile> scans = new ArrayList<>();

        public List<MultipartFile> getScans() { return scans; }
        public void setScans(List<MultipartFile> scans) { this.scans = scans; }
    }

    public static class TextForm {
        private String text = "";

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class ImportForm {
        private @Nullable MultipartFile csv;
        private @Nullable MultipartFile zip;

        public @Nullable MultipartFile getCsv() { return csv; }
        public void setCsv(@Nullable MultipartFile csv) { this.csv = csv; }
        public @Nullable MultipartFile getZip() { return zip; }
        public void setZip(@Nullable MultipartFile zip) { this.zip = zip; }
    }
}
