package ua.viche.platform;

import java.time.Instant;

/**
 * A stored file attached to something a module owns (a petition, an appeal or its answer, a problem
 * report, a budget project or one of its updates), as {@link Attachments} keeps it: the name the
 * user gave (made safe, shown and offered on download), the type detected from the stored bytes,
 * the size and SHA-256 of those bytes. The module that owns it decides who may see it.
 */
public final class Attachment {

    private final long id;
    private final Attachments.Owner owner;
    private final int position;
    private final String name;
    private final String contentType;
    private final long size;
    private final String sha256;
    private final Instant createdAt;
    private final String key;

    Attachment(long id, Attachments.Owner owner, int position, String name, String contentType, long size, String sha256,
               Instant createdAt, String key) {
        this.id = id;
        this.owner = owner;
        this.position = position;
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.createdAt = createdAt;
        this.key = key;
    }

    public long getId() { return id; }
    public Attachments.Owner getOwner() { return owner; }
    /** The owner's kind ({@code "answer"}, {@code "update"}…), for pages that show one kind apart. */
    public String getOwnerKind() { return owner.kind(); }
    public long getOwnerId() { return owner.id(); }
    /** Place among the owner's files, from 0 in the order they were added. */
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getContentType() { return contentType; }
    public long getSize() { return size; }
    /** Hex SHA-256 of the stored bytes; empty for a file kept from before checksums until it is filled in at start. */
    public String getSha256() { return sha256; }
    public Instant getCreatedAt() { return createdAt; }

    /** Where the bytes are in the file store; the platform's own. */
    String key() { return key; }
}
