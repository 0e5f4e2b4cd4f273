package org.adversarialarena.competition;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Competition limits (docs/competitions.md): the largest upload, how long a personal access token
 * lives, and how many API calls a token may make per window.
 */
@ConfigurationProperties("arena.competitions")
public record CompetitionProperties(
        @DefaultValue("2MB") org.springframework.util.unit.DataSize maxUpload,
        @DefaultValue("30d") Duration tokenValidity,
        @DefaultValue("60") int apiCallsPerWindow,
        @DefaultValue("1m") Duration apiWindow,
        @DefaultValue("5") int tokensPerEntrant,
        @DefaultValue("30") int codeLookupsPerAddress,
        @DefaultValue("10m") Duration codeLookupWindow) {
}
