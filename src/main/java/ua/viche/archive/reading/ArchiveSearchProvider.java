package ua.viche.archive.reading;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** The archive in the community's search: file descriptions and page texts of open files. */
@Component
class ArchiveSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("archive_file", "archive_page");
    }
}
