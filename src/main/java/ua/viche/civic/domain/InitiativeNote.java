package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/** A dated note on an initiative's progress, with the stage it reached. */
@Entity
@Table(name = "civic_initiative_note")
public class InitiativeNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long initiativeId;
    private LocalDate notedOn;
    @Enumerated(EnumType.STRING)
    private InitiativeStage stage;
    private String text;
    private Instant createdAt;

    protected InitiativeNote() {}

    InitiativeNote(long initiativeId, LocalDate notedOn, InitiativeStage stage, String text, Instant now) {
        this.initiativeId = initiativeId;
        this.notedOn = notedOn;
        this.stage = stage;
        this.text = text;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getInitiativeId() { return initiativeId; }
    public LocalDate getNotedOn() { return notedOn; }
    public InitiativeStage getStage() { return stage; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
