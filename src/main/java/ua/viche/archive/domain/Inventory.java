package ua.viche.archive.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An inventory (опис) of a fond: the numbered list of its files. */
@Entity
@BatchSize(size = 32)
@Table(name = "archive_inventory")
public class Inventory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "fond_id")
    private Fond fond;

    private String number;
    private String title;
    private @Nullable Integer yearFrom;
    private @Nullable Integer yearTo;

    /** The inverse side, for the search index: a renumbered inventory reindexes its files' ciphers. */
    @BatchSize(size = 32)
    @OneToMany(mappedBy = "inventory")
    private List<ArchiveFile> files = new ArrayList<>();

    protected Inventory() {}

    public Inventory(Fond fond, Description d) {
        this.fond = fond;
        change(d);
    }

    /** What an archivist writes about an inventory. */
    public record Description(String number, String title, @Nullable Integer yearFrom, @Nullable Integer yearTo) {}

    public void change(Description d) {
        this.number = d.number().strip();
        this.title = d.title().strip();
        this.yearFrom = d.yearFrom();
        this.yearTo = d.yearTo();
    }

    public Description description() {
        return new Description(number, title, yearFrom, yearTo);
    }

    public Long getId() { return id; }
    public Fond getFond() { return fond; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public @Nullable Integer getYearFrom() { return yearFrom; }
    public @Nullable Integer getYearTo() { return yearTo; }

    /** «Ф. Р-123, оп. 1». */
    public String cipher() {
        return Cipher.of(fond.getNumber(), number, null, null);
    }
}
