package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionService;

/**
 * The platform's attachments: what is stored is decided by the content, images lose their metadata,
 * limits refuse before anything is stored, every file has its checksum, downloads carry safe
 * headers, a deletion removes the bytes only once it commits; the migration that moved the four
 * modules' file tables into one keeps every row, its stored file and its old link.
 */
@IntegrationTest
class AttachmentsTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired Attachments attachments;
    @Autowired FileStore files;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Communities communities;
    @Autowired VicheSettings settings;
    @Autowired MockMvc mvc;
    @Autowired PetitionDrafting drafting;
    @Autowired Identity identity;
    @Autowired AccountRepository accounts;

    private Community k() {
        return communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static Attachments.Owner someOwner() {
        return new Attachments.Owner("tests", "thing", ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
    }

    private List<Attachment> store(Attachments.Owner owner, Attachments.Policy policy, FileStore.Upload... uploads) {
        return CurrentCommunity.callAs(k(), () -> tx.execute(s -> attachments.store(owner, policy, List.of(uploads))));
    }

    private Path path(Attachment a) {
        return settings.dataDir().resolve("files").resolve(a.key());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theTypeComesFromTheContentAndEveryFileHasItsChecksum() throws Exception {
        Attachments.Owner owner = someOwner();
        List<Attachment> stored = store(owner, Attachments.Policy.DOCUMENTS,
                new FileStore.Upload("звіт.pdf", PNG), new FileStore.Upload("C:\\docs\\рішення.pdf", PDF));
        assertThat(stored).extracting(Attachment::getContentType).containsExactly("image/png", "application/pdf");
        assertThat(stored).extracting(Attachment::getName).containsExactly("звіт.pdf", "C:_docs_рішення.pdf");
        assertThat(stored).extracting(Attachment::getPosition).containsExactly(0, 1);
        Attachment pdf = stored.get(1);
        assertThat(pdf.getSize()).isEqualTo(PDF.length);
        assertThat(pdf.getSha256()).isEqualTo(sha256(PDF)).isEqualTo(sha256(Files.readAllBytes(path(pdf))));
        assertThat(stored.get(0).getSha256()).isEqualTo(sha256(Files.readAllBytes(path(stored.get(0)))));

        List<Attachment> listed = CurrentCommunity.callAs(k(), () -> attachments.list(owner));
        assertThat(listed).extracting(Attachment::getId).containsExactly(stored.get(0).getId(), pdf.getId());
        assertThat(listed.get(1).getSha256()).isEqualTo(pdf.getSha256());
        // another community sees nothing of it
        Community other = communities.bySlug("dmytrivka").orElseThrow();
        assertThat(CurrentCommunity.callAs(other, () -> attachments.list(owner))).isEmpty();
        assertThat(CurrentCommunity.callAs(other, () -> attachments.find(List.of(owner), pdf.getId()))).isEmpty();
    }

    @Test
    void anImageIsStoredWithoutItsMetadata() throws Exception {
        byte[] original = UploadsTest.jpegWithGpsTurnedRight();
        Attachment a = store(someOwner(), Attachments.Policy.PHOTOS.anonymousNames(),
                new FileStore.Upload("IMG_0412 вул. Шкільна 3.jpg", original)).get(0);
        byte[] kept = Files.readAllBytes(path(a));
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(kept));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(a.getContentType()).isEqualTo("image/jpeg");
        assertThat(a.getName()).as("a name that could tell about the person is not kept").isEqualTo("photo.jpg");
        assertThat(a.getSha256()).isEqualTo(sha256(kept)).isNotEqualTo(sha256(original));
        assertThat(a.getSize()).isEqualTo(kept.length);
    }

    @Test
    void limitsRefuseBeforeAnythingIsStored() throws Exception {
        Attachments.Policy policy = new Attachments.Policy(Set.of("image/png"), 2, 100, true);
        Attachments.Owner owner = someOwner();
        FileStore.Upload png = new FileStore.Upload("a.png", PNG);
        assertThat(policy.refusal(List.of(png, png, png), 0)).contains(FileStore.Refusal.TOO_MANY);
        assertThat(policy.refusal(List.of(png), 2)).contains(FileStore.Refusal.TOO_MANY);
        assertThat(policy.refusal(List.of(new FileStore.Upload("big.png", new byte[101])), 0))
                .contains(FileStore.Refusal.TOO_LARGE);
        assertThat(policy.refusal(List.of(new FileStore.Upload("a.png", PDF)), 0)).contains(FileStore.Refusal.TYPE);
        assertThat(policy.refusal(List.of(png, png), 0)).isEmpty();
        assertThat(FileStore.Refusal.TOO_MANY.key()).isEqualTo("tooManyFiles");

        long rows = jdbc.queryForObject("select count(*) from attachment", Long.class);
        long stored = countFiles();
        assertThatThrownBy(() -> store(owner, policy, png, new FileStore.Upload("a.png", PDF)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from attachment", Long.class)).isEqualTo(rows);
        assertThat(countFiles()).isEqualTo(stored);

        store(owner, policy, png, png);
        assertThatThrownBy(() -> store(owner, policy, png)).as("the owner's files are counted").isInstanceOf(IllegalArgumentException.class);
        assertThat(CurrentCommunity.callAs(k(), () -> attachments.count(owner))).isEqualTo(2);
    }

    private long countFiles() throws Exception {
        try (var walk = Files.walk(settings.dataDir().resolve("files").resolve(String.valueOf(k().id())))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFileWrittenForATransactionThatRollsBackIsDeletedAgain() throws Exception {
        Attachments.Owner owner = someOwner();
        long stored = countFiles();
        assertThatThrownBy(() -> CurrentCommunity.runAs(k(), () -> tx.executeWithoutResult(s -> {
            attachments.store(owner, Attachments.Policy.DOCUMENTS, List.of(new FileStore.Upload("a.pdf", PDF)));
            throw new IllegalStateException("rolled back");
        }))).hasMessage("rolled back");
        assertThat(countFiles()).isEqualTo(stored);
        assertThat(CurrentCommunity.callAs(k(), () -> attachments.count(owner))).isZero();
    }

    @Test
    void aDownloadHasSafeHeaders() throws Exception {
        Attachments.Owner owner = someOwner();
        Attachment pdf = store(owner, Attachments.Policy.DOCUMENTS, new FileStore.Upload("../Заява\r\n\";.pdf", PDF)).get(0);
        ResponseEntity<InputStreamResource> response = CurrentCommunity.callAs(k(), () -> {
            try {
                return attachments.download(attachments.find(List.of(owner), pdf.getId()).orElseThrow(), CacheControl.noStore());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getContentLength()).isEqualTo(PDF.length);
        String disposition = response.getHeaders().getFirst("Content-Disposition");
        assertThat(disposition).startsWith("inline; filename=\"").doesNotContain("\r").doesNotContain("\n").doesNotContain("/")
                .contains("filename*=UTF-8''").contains("%D0%97%D0%B0%D1%8F%D0%B2%D0%B0");
        assertThat(disposition.substring(disposition.indexOf('"') + 1, disposition.lastIndexOf('"'))).doesNotContain("\"")
                .doesNotContain(";");
        try (var in = response.getBody().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        // a file that is not a raster image or PDF is only ever a download, whatever its row says
        String html = CurrentCommunity.callAs(k(), () -> {
            try {
                return files.put("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        jdbc.update("update attachment set storage_key = ? where id = ?", html, pdf.getId());
        ResponseEntity<InputStreamResource> served = CurrentCommunity.callAs(k(), () -> {
            try {
                return attachments.download(attachments.find(List.of(owner), pdf.getId()).orElseThrow(), CacheControl.noStore());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(served.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(served.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        served.getBody().getInputStream().close();
    }

    @Test
    void deletingRemovesTheFileOnlyOnceTheDeletionCommits() throws Exception {
        Attachments.Owner owner = someOwner();
        Attachment a = store(owner, Attachments.Policy.DOCUMENTS, new FileStore.Upload("a.pdf", PDF)).get(0);
        Path file = path(a);

        // rolled back: the row and the file stay
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            assertThat(attachments.deleteAll(List.of(owner))).isEqualTo(1);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(file).exists();
        assertThat(CurrentCommunity.callAs(k(), () -> attachments.count(owner))).isEqualTo(1);

        // committed: the file is still there until the commit, and gone after it
        tx.executeWithoutResult(s -> {
            attachments.deleteAll(List.of(owner));
            assertThat(file).as("kept until the commit").exists();
        });
        assertThat(file).doesNotExist();
        assertThat(CurrentCommunity.callAs(k(), () -> attachments.count(owner))).isZero();
    }

    @Test
    void aMovedFileIsServedAtItsOldLink() throws Exception {
        Community k = k();
        Petition p = CurrentCommunity.callAs(k, () -> identity.callAs("olena.kovalenko@example.org",
                () -> drafting.draft("Петиція зі старим додатком " + UUID.randomUUID(), "Текст петиції, що має старий додаток "
                        + "з тих часів, коли додатки петицій мали свою таблицю.", List.of())));
        String key = CurrentCommunity.callAs(k, () -> {
            try {
                return files.put(PDF);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // as the migration left a petition's attachment: the old id kept as legacy_id, the checksum to be filled in
        long oldId = 9_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        long id = jdbc.queryForObject("""
                insert into attachment (community_id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes,
                                        sha256, storage_key, created_at, legacy_id)
                values (?, 'petitions', 'petition', ?, 0, 'стара заява.pdf', 'application/pdf', ?, '', ?, now(), ?) returning id""",
                Long.class, k.id(), p.getId(), PDF.length, key, oldId);
        String url = CurrentCommunity.callAs(k, () -> PetitionService.url(p));
        var olena = TestAccounts.as(accounts, "olena.kovalenko@example.org");
        for (long shown : new long[] {oldId, id}) {
            mvc.perform(get(url + "/attachments/" + shown).with(olena)).andExpect(status().isOk())
                    .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(PDF))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
        mvc.perform(get(url + "/attachments/" + oldId)).andExpect(status().isNotFound());
        attachments.fillChecksums();
        assertThat(jdbc.queryForObject("select sha256 from attachment where id = ?", String.class, id)).isEqualTo(sha256(PDF));
    }

    @Test
    void theMigrationMovesEveryRowWithItsStoredFile() throws Exception {
        String database = "attach_migration_" + UUID.randomUUID().toString().replace("-", "");
        String url;
        try (Connection c = jdbc.getDataSource().getConnection()) {
            url = c.getMetaData().getURL();
            c.createStatement().execute("create database " + database);
        }
        String scratch = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        SingleConnectionDataSource ds = new SingleConnectionDataSource(scratch, "postgres", "", true);
        try {
            // the schema as it was just before this migration
            MigrationVersion before = Arrays.stream(Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                            .load().info().all()).map(m -> m.getVersion())
                    .filter(v -> v.compareTo(MigrationVersion.fromVersion("45")) < 0).max(MigrationVersion::compareTo).orElseThrow();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(before).load().migrate();
            JdbcTemplate old = new JdbcTemplate(ds);
            old.execute("set session_replication_role = replica"); // rows without their owners: no foreign keys checked
            old.update("insert into petition_attachment (id, community_id, petition_id, file_key, file_name, content_type, size_bytes,"
                    + " uploaded_at) values (7, 1, 70, '1/p7', 'заява.pdf', 'application/pdf', 11, now()),"
                    + " (8, 1, 70, '1/p8', 'план.png', 'image/png', 12, now())");
            old.update("insert into appeal_attachment (id, community_id, appeal_id, answer, file_key, file_name, content_type,"
                    + " size_bytes, created_at) values (7, 1, 71, false, '1/a7', 'скарга.pdf', 'application/pdf', 13, now()),"
                    + " (9, 1, 71, true, '1/a9', 'відповідь.pdf', 'application/pdf', 14, now())");
            old.update("insert into problem_photo (id, community_id, report_id, file_key, content_type, size_bytes, uploaded_at)"
                    + " values (12, 2, 72, '2/r12', 'image/png', 15, now())");
            old.update("insert into budget_photo (id, community_id, project_id, update_id, file_key, file_name, content_type,"
                    + " size_bytes, created_at) values (3, 1, 73, null, '1/b3', 'сквер.jpg', 'image/jpeg', 16, now()),"
                    + " (4, 1, 73, 5, '1/b4', 'роботи.jpg', 'image/jpeg', 17, now())");
            old.execute("set session_replication_role = origin");

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            List<Map<String, Object>> rows = old.queryForList("select owner_module, owner_kind, owner_id, position, name,"
                    + " content_type, size_bytes, sha256, storage_key, community_id, legacy_id, id from attachment order by storage_key");
            assertThat(rows).extracting(r -> r.get("storage_key") + " " + r.get("owner_module") + "/" + r.get("owner_kind") + "/"
                            + r.get("owner_id") + "#" + r.get("position") + " " + r.get("name") + " " + r.get("legacy_id"))
                    .containsExactly(
                            "1/a7 appeals/appeal/71#0 скарга.pdf 7",
                            "1/a9 appeals/answer/71#0 відповідь.pdf 9",
                            "1/b3 budget/project/73#0 сквер.jpg 3",
                            "1/b4 budget/update/5#0 роботи.jpg 4",
                            "1/p7 petitions/petition/70#0 заява.pdf 7",
                            "1/p8 petitions/petition/70#1 план.png 8",
                            "2/r12 problems/report/72#0 photo-12.png 12");
            assertThat(rows).allSatisfy(r -> {
                assertThat(((Number) r.get("id")).longValue()).as("new ids above every old one").isGreaterThan(12);
                assertThat(r.get("sha256")).isEqualTo("");
            });
            assertThat(rows).extracting(r -> ((Number) r.get("size_bytes")).longValue()).containsExactlyInAnyOrder(11L, 12L, 13L, 14L,
                    15L, 16L, 17L);
            assertThat(old.queryForList("select table_name from information_schema.tables where table_name in"
                    + " ('petition_attachment', 'appeal_attachment', 'problem_photo', 'budget_photo')", String.class)).isEmpty();
        } finally {
            ds.destroy();
            jdbc.execute("drop database if exists " + database);
        }
        assertThat(Optional.ofNullable(url)).isPresent();
    }
}
