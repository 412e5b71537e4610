package ua.viche.platform.files;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.viche.platform.VicheSettings;

/** The backend of the file store: S3-compatible storage when a bucket is configured, else {@code <data-dir>/files}. */
@Configuration(proxyBeanMethods = false)
class FileBackends {

    private static final Logger log = LoggerFactory.getLogger(FileBackends.class);

    @Bean
    FileBackend fileBackend(VicheSettings settings) {
        FileBackend backend = settings.filesS3().<FileBackend>map(S3Files::new)
                .orElseGet(() -> new LocalFiles(settings.dataDir().resolve("files")));
        try {
            backend.check();
        } catch (IOException e) {
            log.error("Stored files: the {} does not answer ({}); uploads and downloads fail until it does",
                    backend.describe(), e.getMessage());
        }
        log.info("Stored files are kept in the {}", backend.describe());
        return backend;
    }
}
