package ua.viche.appeals.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import ua.viche.appeals.domain.AppealService;

/** Multipart files to the service's uploads, skipping empty file inputs. */
final class AppealUploads {

    private AppealUploads() {}

    static List<AppealService.Upload> of(@Nullable List<MultipartFile> files) throws IOException {
        List<AppealService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new AppealService.Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(),
                            f.getBytes()));
                }
            }
        }
        return uploads;
    }
}
