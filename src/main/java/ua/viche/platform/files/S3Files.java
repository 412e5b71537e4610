package ua.viche.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import ua.viche.platform.VicheSettings;

/**
 * Files as objects of one bucket of an S3-compatible object store (Amazon S3, MinIO, Ceph, Garage,
 * a cloud's object storage), under the same keys as in the local directory. The client is the AWS
 * SDK's over the JDK's {@code HttpURLConnection}; the SHA-256 of each file goes with its upload
 * ({@code x-amz-checksum-sha256}), so the server refuses a file damaged on the way. Checksums the
 * SDK would add on its own are left off: not every S3-compatible server knows them.
 */
public final class S3Files implements FileBackend, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String where;

    public S3Files(VicheSettings.FilesS3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!settings.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.where = "bucket " + settings.bucket() + (settings.endpoint().isEmpty() ? "" : " at " + settings.endpoint());
    }

    private static AwsCredentialsProvider credentials(VicheSettings.FilesS3 settings) {
        if (settings.accessKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public void put(String key, byte[] content, String sha256) throws IOException {
        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
        call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) content.length).checksumSHA256(checksum),
                RequestBody.fromBytes(content)), key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key)), key);
    }

    @Override
    public long size(String key) throws IOException {
        return call(() -> s3.headObject(b -> b.bucket(bucket).key(key)).contentLength(), key);
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)), key);
    }

    @Override
    public Stream<String> keys() throws IOException {
        return call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key), "");
    }

    /** Whether the bucket answers. */
    @Override
    public void check() throws IOException {
        call(() -> s3.headBucket(b -> b.bucket(bucket)), "");
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }

    private interface Call<T> {
        T run();
    }

    /** Runs a request; a missing object is {@link NoSuchFileException}, any other failure an {@link IOException}. */
    private <T> T call(Call<T> request, String key) throws IOException {
        try {
            return request.run();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("S3 " + where + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 " + where + ": " + e.getMessage(), e);
        }
    }
}
