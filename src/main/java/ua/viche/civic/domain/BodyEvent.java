package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/** A dated event in an advisory body's history: its founding, an election, a rotation or another. */
@Entity
@Table(name = "civic_body_event")
public class BodyEvent {

    public enum Kind { FOUNDED, ELECTION, ROTATION, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long bodyId;
    private LocalDate happenedOn;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String text;

    protected BodyEvent() {}

    BodyEvent(long bodyId, LocalDate happenedOn, Kind kind, String text) {
        this.bodyId = bodyId;
        this.happenedOn = happenedOn;
        this.kind = kind;
        this.text = text;
    }

    public Long getId() { return id; }
    public long getBodyId() { return bodyId; }
    public LocalDate getHappenedOn() { return happenedOn; }
    public Kind getKind() { return kind; }
    public String getText() { return text; }
}
