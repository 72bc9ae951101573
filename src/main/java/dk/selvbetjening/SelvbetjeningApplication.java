package dk.selvbetjening;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SelvbetjeningApplication {

    public static void main(String[] args) {
        SpringApplication.run(SelvbetjeningApplication.class, args);
    }
}
