package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A decision taken at a meeting: its number within the meeting and its text (a PDF is an attachment). */
@Entity
@Table(name = "civic_body_decision")
public class BodyDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long meetingId;
    private int number;
    private String text;

    protected BodyDecision() {}

    BodyDecision(long meetingId, int number, String text) {
        this.meetingId = meetingId;
        this.number = number;
        this.text = text;
    }

    public Long getId() { return id; }
    public long getMeetingId() { return meetingId; }
    public int getNumber() { return number; }
    public String getText() { return text; }
}
