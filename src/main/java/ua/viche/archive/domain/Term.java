package ua.viche.archive.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** An index term (покажчик) linked to files: a subject, a person's name or a place. */
@Entity
@Table(name = "archive_term")
public class Term {

    public enum Kind { SUBJECT, PERSON, PLACE }

    public static final int MAX_NAME = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String name;

    protected Term() {}

    public Term(Kind kind, String name) {
        this.kind = kind;
        this.name = name.strip();
    }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public String getName() { return name; }
}
