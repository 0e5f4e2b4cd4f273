package org.adversarialarena.competition.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description (served at /v3/api-docs, Swagger UI at /swagger-ui.html): bearer tokens. */
@ConditionalOnWebApplication
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI arenaOpenApi() {
        return new OpenAPI().info(new Info().title("Adversarial Arena API").version("1")
                .description("Competitions: submit adversarial sets and read statuses and boards. See docs/competitions.md."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal access token made on the competition's page")));
    }
}
