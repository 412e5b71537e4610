package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/** A meeting of an advisory body: its day, place, agenda and minutes (text; a signed PDF is an attachment). */
@Entity
@Table(name = "civic_body_meeting")
public class BodyMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long bodyId;
    private LocalDate heldOn;
    private String place;
    private String agenda;
    private String minutes;
    private Instant createdAt;

    protected BodyMeeting() {}

    BodyMeeting(long bodyId, Instant now) {
        this.bodyId = bodyId;
        this.createdAt = now;
    }

    void apply(LocalDate heldOn, String place, String agenda, String minutes) {
        this.heldOn = heldOn;
        this.place = place;
        this.agenda = agenda;
        this.minutes = minutes;
    }

    public String path() {
        return "advisory-bodies/" + bodyId + "/meetings/" + id;
    }

    public Long getId() { return id; }
    public long getBodyId() { return bodyId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getPlace() { return place; }
    public String getAgenda() { return agenda; }
    public String getMinutes() { return minutes; }
    public Instant getCreatedAt() { return createdAt; }
}
