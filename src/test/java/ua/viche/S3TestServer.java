package ua.viche;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A real S3-compatible server for the tests: S3Mock's executable jar (decision 0056), copied from
 * Maven Central to {@code target/s3mock/} by the build, run as a process of its own on a free
 * loopback port with one bucket.
 */
public final class S3TestServer implements AutoCloseable {

    public static final Path JAR = Path.of(System.getProperty("viche.test.s3mock-jar", "target/s3mock/s3mock.jar"));
    public static final String WHERE = "S3Mock's executable jar is not at " + JAR.toAbsolutePath()
            + ": `./mvnw generate-test-resources` copies it from Maven Central (com.adobe.testing:s3mock:exec)";

    private final Process process;
    private final int port;
    private final String bucket;

    private S3TestServer(Process process, int port, String bucket) {
        this.process = process;
        this.port = port;
        this.bucket = bucket;
    }

    public static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /** Starts the server with the bucket and waits until it accepts connections. */
    public static S3TestServer start(String bucket) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path root = Files.createDirectories(Path.of("target/s3mock/data-" + UUID.randomUUID()));
        Path log = root.resolveSibling(root.getFileName() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString(), "--server.port=0", "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket,
                "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(), "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new S3TestServer(process, port, bucket);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    process.destroyForcibly();
                    throw new IllegalStateException("S3Mock did not start; see " + log.toAbsolutePath());
                }
                Thread.sleep(200);
            }
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
