package ua.viche.archive.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A fond (фонд): the records of one creator, numbered with an optional prefix (Р-123). */
@Entity
@BatchSize(size = 32)
@Table(name = "archive_fond")
public class Fond {

    public static final int MAX_NUMBER = 20;
    public static final int MAX_TITLE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String number;
    private String title;
    private @Nullable Integer yearFrom;
    private @Nullable Integer yearTo;
    private String creator = "";
    private String history = "";
    private Instant createdAt;
    private Instant updatedAt;

    /** The inverse side, for the search index: a renumbered fond reindexes its files' ciphers. */
    @BatchSize(size = 32)
    @OneToMany(mappedBy = "fond")
    private List<Inventory> inventories = new ArrayList<>();

    protected Fond() {}

    public Fond(Description d, Instant now) {
        this.createdAt = now;
        change(d, now);
    }

    /** What an archivist writes about a fond. */
    public record Description(String number, String title, @Nullable Integer yearFrom, @Nullable Integer yearTo,
                              String creator, String history) {}

    public void change(Description d, Instant now) {
        this.number = d.number().strip();
        this.title = d.title().strip();
        this.yearFrom = d.yearFrom();
        this.yearTo = d.yearTo();
        this.creator = d.creator().strip();
        this.history = d.history().strip();
        this.updatedAt = now;
    }

    public Description description() {
        return new Description(number, title, yearFrom, yearTo, creator, history);
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public @Nullable Integer getYearFrom() { return yearFrom; }
    public @Nullable Integer getYearTo() { return yearTo; }
    public String getCreator() { return creator; }
    public String getHistory() { return history; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** «Ф. Р-123». */
    public String cipher() {
        return Cipher.of(number, null, null, null);
    }
}
