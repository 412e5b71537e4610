package ua.viche.platform;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, once the platform is ready, how long the start took and how much processor time the
 * process used for it: on a shared, loaded machine the wall time alone says little.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        String cpu = "";
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            cpu = String.format(", processor time %.1f s", os.getProcessCpuTime() / 1e9);
        }
        log.info("Ready {} ms after the JVM started{}", uptime, cpu);
    }
}
