package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.S3TestServer;
import ua.viche.platform.files.S3Files;
import ua.viche.problems.domain.ProblemService;

/**
 * Uploaded files in S3-compatible object storage, against a real S3 server: Adobe's S3Mock, its
 * executable jar from Maven Central (copied to {@code target/s3mock/s3mock.jar} by the build),
 * started here as a process of its own on a free loopback port (decision 0056). The application (node
 * A, with the demo, whose generated photos go to the bucket too) stores an upload in the bucket,
 * never in its data directory; the bytes read back from the bucket and their SHA-256 are those
 * recorded and served over HTTP; a file written by another node (its own client, the same bucket
 * and database) is served by this one; an object changed behind the store's back fails its check.
 */
@IntegrationTest
@DirtiesContext
class FileStoreS3Test {

    static final String BUCKET = "viche-files";
    static S3TestServer server;

    @BeforeAll
    static void startS3Server() throws Exception {
        Assumptions.assumeTrue(S3TestServer.available(), S3TestServer.WHERE);
        server = S3TestServer.start(BUCKET);
    }

    @AfterAll
    static void stopS3Server() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    static VicheSettings.FilesS3 bucket() {
        return new VicheSettings.FilesS3(server.endpoint(), BUCKET, "eu-central-1", "test-key", "test-secret", true);
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("viche.files.s3.endpoint", server::endpoint);
        registry.add("viche.files.s3.bucket", () -> BUCKET);
        registry.add("viche.files.s3.region", () -> "eu-central-1");
        registry.add("viche.files.s3.access-key", () -> "test-key");
        registry.add("viche.files.s3.secret-key", () -> "test-secret");
        registry.add("viche.files.s3.path-style", () -> "true");
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired FileStore files;
    @Autowired VicheSettings settings;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @LocalServerPort int serverPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private Community k() {
        return communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    /** Reports a problem with the photo through the form; returns the photo's path. */
    private String report(byte[] photo) throws Exception {
        long category = jdbc.queryForObject("select c.id from problem_category c join community m on m.id = c.community_id"
                + " where m.slug = 'kropyvnytskyi' and c.code = 'lighting'", Long.class);
        String location = mvc.perform(multipart("/kropyvnytskyi/problems").file(new MockMultipartFile("photos", "IMG_0412.jpg",
                                "image/jpeg", photo))
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("categoryId", String.valueOf(category))
                        .param("latitude", String.valueOf(48.455 + Math.random() * 0.02))
                        .param("longitude", String.valueOf(32.155 + Math.random() * 0.02))
                        .param("address", "вул. Тестова, 9").param("description", "Ліхтар у дворі не світить.")
                        .param("confirmDuplicates", "true").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("(?s).*src=\"(/kropyvnytskyi/problems/\\d+/photos/\\d+)\".*", "$1");
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long last(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static byte[] object(S3Files bucket, String key) throws IOException {
        try (InputStream in = bucket.open(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anUploadIsKeptInTheBucketAndServedOverHttpWithItsChecksum() throws Exception {
        String photo = report(UploadsTest.jpegWithGpsTurnedRight());
        String key = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, last(photo));
        String recorded = jdbc.queryForObject("select sha256 from attachment where id = ?", String.class, last(photo));

        try (S3Files bucket = new S3Files(bucket())) {
            byte[] stored = object(bucket, key);
            assertThat(FileStore.sha256(stored)).isEqualTo(recorded)
                    .isEqualTo(jdbc.queryForObject("select sha256 from stored_file where storage_key = ?", String.class, key));

            HttpResponse<byte[]> served = fetch(photo);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(stored);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("ETag")).hasValue("\"" + recorded + "\"");
            assertThat(fetch(photo, "If-None-Match", "\"" + recorded + "\"").statusCode()).isEqualTo(304);
        }
        // nothing in the data directory
        assertThat(Files.exists(settings.dataDir().resolve("files").resolve(key))).isFalse();
        // the demo's generated photos went to the bucket as well
        assertThat(jdbc.queryForObject("select count(*) from stored_file", Long.class)).isGreaterThan(1);
    }

    @Test
    void aFileWrittenByAnotherNodeIsServedByThisOne() throws Exception {
        String first = report(UploadsTest.jpegWithGpsTurnedRight());
        long reportId = Long.parseLong(first.replaceAll(".*/problems/(\\d+)/photos/.*", "$1"));
        byte[] png = AttachmentsTest.PNG;
        try (S3Files bucketB = new S3Files(bucket())) {
            FileStore filesB = new FileStore(bucketB, jdbc);
            Attachments attachmentsB = new Attachments(jdbc, filesB, clock);
            Attachment written = tx.execute(status -> CurrentCommunity.callAs(k(), () -> attachmentsB.store(
                    ProblemService.owner(reportId), Attachments.Policy.PHOTOS, List.of(new FileStore.Upload("b.png", png))).get(0)));

            HttpResponse<byte[]> served = fetch("/kropyvnytskyi/problems/" + reportId + "/photos/" + written.getId());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(FileStore.sha256(served.body())).isEqualTo(written.getSha256());
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
            // and node A reads it through its own store
            byte[] read = CurrentCommunity.callAs(k(), () -> {
                try (InputStream in = files.open(written.key())) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(read).isEqualTo(served.body());
        }
    }

    @Test
    void anObjectChangedBehindTheStoresBackFailsItsCheck() throws Exception {
        String key = CurrentCommunity.callAs(k(), () -> {
            try {
                return files.put(AttachmentsTest.PDF);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (S3Files bucket = new S3Files(bucket())) {
            assertThat(object(bucket, key)).isEqualTo(AttachmentsTest.PDF);
            byte[] other = AttachmentsTest.PDF.clone();
            other[other.length - 2] = 'X';
            bucket.put(key, other, FileStore.sha256(other));
        }
        CurrentCommunity.runAs(k(), () -> assertThatThrownBy(() -> {
            try (InputStream in = files.open(key)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("does not match its SHA-256"));
    }
}
