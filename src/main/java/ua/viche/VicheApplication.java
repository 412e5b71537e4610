package ua.viche;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Viche platform: one process serving many territorial communities. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VicheApplication {

    public static void main(String[] args) {
        SpringApplication.run(VicheApplication.class, args);
    }
}
