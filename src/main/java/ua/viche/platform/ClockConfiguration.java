package ua.viche.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for all rules, so that tests can fix the time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    ThreadClock clock() {
        return new ThreadClock();
    }
}
