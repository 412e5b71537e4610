package ua.viche.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import ua.viche.S3TestServer;
import ua.viche.platform.database.EmbeddedDatabase;

/**
 * A cluster on this machine, each part a real server in a process of its own: PostgreSQL (the same
 * binaries the embedded mode uses, started as a server of its own), an S3-compatible object store
 * for the files (S3Mock, decision 0056), application nodes from the built jar with the deployment's
 * JVM settings, and nginx sending requests to them in turn. Logs and
 * data stay under {@code target/cluster/} for a look after a failure.
 */
final class Cluster implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String JVM = "-Xmx320m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxMetaspaceSize=200m";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path work;
    final EmbeddedDatabase database;
    final int balancerPort = freePort();
    final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    final List<Node> nodes = new ArrayList<>();
    private final S3TestServer files;
    /** The cluster's own OpenSearch (scripts/opensearch.sh), when this machine has one prepared; else null. */
    final Search search;
    private Process nginx;

    /** PostgreSQL and the S3-compatible server that both nodes will share. */
    Cluster(Path work) throws IOException, InterruptedException {
        this.work = work;
        Files.createDirectories(work);
        this.database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
        this.files = S3TestServer.start("viche-cluster");
        extraEnvironment.put("VICHE_FILES_S3_ENDPOINT", files.endpoint());
        extraEnvironment.put("VICHE_FILES_S3_BUCKET", files.bucket());
        extraEnvironment.put("VICHE_FILES_S3_REGION", "eu-central-1");
        extraEnvironment.put("VICHE_FILES_S3_ACCESS_KEY", "cluster-key");
        extraEnvironment.put("VICHE_FILES_S3_SECRET_KEY", "cluster-secret");
        extraEnvironment.put("VICHE_FILES_S3_PATH_STYLE", "true");
        this.search = System.getenv("VICHE_TEST_OPENSEARCH_URL") == null ? null : new Search(freePort());
        if (search != null) {
            search.start();
            extraEnvironment.put("VICHE_SEARCH_URL", search.url());
        }
    }

    /** The jar built by the package phase, or empty. */
    static Optional<Path> jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("viche-.*\\.jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String balancer() {
        return "http://127.0.0.1:" + balancerPort;
    }

    /** A node on a port of its own, with its own data directory; started and ready when this returns. */
    Node start(String name) throws Exception {
        Node node = new Node(name, freePort());
        nodes.add(node);
        node.start();
        return node;
    }

    /** nginx in front of the nodes, round-robin; a node that refuses connections is skipped for a few seconds. */
    void startBalancer() throws Exception {
        Path temp = work.resolve("nginx-temp");
        Files.createDirectories(temp);
        temp.toFile().setWritable(true, false);
        StringBuilder upstream = new StringBuilder();
        for (Node n : nodes) {
            upstream.append("    server 127.0.0.1:").append(n.port).append(" max_fails=1 fail_timeout=5s;\n");
        }
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %2$s/body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  client_max_body_size 60m;
                  upstream viche {
                %3$s  }
                  server {
                    listen 127.0.0.1:%4$d;
                    location / {
                      proxy_pass http://viche;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Forwarded-Host $http_host;
                      proxy_set_header X-Forwarded-Port $server_port;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 60s;
                    }
                  }
                }
                """.formatted(work, temp, upstream, balancerPort);
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-p", work.toString(), "-c", file.toString(), "-e",
                work.resolve("nginx-error.log").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.log").toFile()).start();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (status(balancer() + "/actuator/health/readiness") != 200) {
            if (System.nanoTime() > until || !nginx.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.log")));
            }
            Thread.sleep(200);
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        for (Node n : nodes) {
            n.kill();
        }
        if (nginx != null) {
            nginx.destroy(); // TERM: the master stops its workers (a killed master would leave them listening)
            try {
                nginx.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
        if (search != null) {
            search.stop();
            FileSystemUtils.deleteRecursively(search.home);
        }
        try {
            files.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * OpenSearch of the cluster alone, on a port and in a directory of its own, started and stopped by
     * the project's script (the one {@code .ci/run} uses for the other tests' OpenSearch).
     */
    final class Search {
        private final int port;
        private final Path home;

        Search(int port) {
            this.port = port;
            this.home = Path.of("/tmp", "viche-cluster-opensearch-" + port); // in /tmp: the account OpenSearch runs as must be able to enter it
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder("bash", "scripts/opensearch.sh", "start").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("opensearch.log").toFile()));
            pb.environment().put("VICHE_OPENSEARCH_DIR", home.toString());
            pb.environment().put("OPENSEARCH_PORT", String.valueOf(port));
            if (pb.start().waitFor() != 0) {
                throw new IllegalStateException("OpenSearch did not start; see " + work.resolve("opensearch.log"));
            }
        }

        /** Stops it and waits until it no longer answers. */
        void stop() throws IOException {
            ProcessBuilder pb = new ProcessBuilder("bash", "scripts/opensearch.sh", "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("opensearch.log").toFile()));
            pb.environment().put("VICHE_OPENSEARCH_DIR", home.toString());
            try {
                pb.start().waitFor();
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (status(url()) > 0 && System.nanoTime() < until) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One application node: the jar in a JVM of its own. */
    final class Node {
        final String name;
        final int port;
        private Process process;

        Node(String name, int port) {
            this.name = name;
            this.port = port;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Starts the node (again, after a kill, on the same data) and waits until it is ready. */
        void start() throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(JVM.split(" ")));
            command.addAll(List.of("-jar", jar().orElseThrow().toAbsolutePath().toString(), "--server.port=" + port));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("node-" + name + ".log").toFile()));
            Map<String, String> env = pb.environment();
            env.put("VICHE_DB_URL", database.jdbcUrl());
            env.put("VICHE_DB_USER", database.user());
            env.put("VICHE_DB_PASSWORD", "");
            env.put("VICHE_DEMO", "true");
            env.put("VICHE_BASE_URL", balancer());
            env.put("VICHE_TRUSTED_PROXIES", "127.0.0.1");
            env.put("VICHE_TAX_HASH_KEY", "cluster-test-tax-hash-key-0123456789abcdef");
            env.put("VICHE_NOTIFICATIONS_LINK_KEY", "cluster-test-link-key-0123456789abcdef");
            env.put("VICHE_DATA_DIR", work.resolve("node-" + name).toString());
            env.putAll(extraEnvironment);
            process = pb.start();
            long until = System.nanoTime() + Duration.ofMinutes(12).toNanos();
            while (status(url() + "/actuator/health/readiness") != 200) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " stopped during its start; see " + work.resolve("node-" + name + ".log"));
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("node " + name + " not ready in 12 minutes");
                }
                Thread.sleep(500);
            }
        }

        /** kill -9: no shutdown hook, no graceful end of requests. */
        void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }
    }
}
