package ua.viche.search;

import org.springframework.stereotype.Component;
import ua.viche.platform.ModuleDescriptor;

/** Search appears in every community's navigation. */
@Component
class SearchModule implements ModuleDescriptor {

    @Override public String name() { return "search"; }

    @Override public int order() { return 1000; }

    @Override public String path() { return "search"; }
}
