package org.adversarialarena.workshop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How workshops behave (docs/workshops.md).
 *
 * @param joinsPerAddress join attempts from one client address per window (a class behind one NAT address shares it)
 * @param joinsPerCode    join attempts with one code per window, whoever makes them
 * @param joinWindow      the window both are counted in
 * @param challengeTtl    how long a workshop's Fool challenge stays valid; the round's own deadline is what counts
 * @param closeCheck      how often each node closes rounds whose deadline has passed
 * @param exportMaxBytes  the largest ZIP of submitted images an export builds (in memory)
 */
@ConfigurationProperties("arena.workshops")
public record WorkshopProperties(
        @DefaultValue("300") int joinsPerAddress,
        @DefaultValue("400") int joinsPerCode,
        @DefaultValue("10m") Duration joinWindow,
        @DefaultValue("3h") Duration challengeTtl,
        @DefaultValue("500ms") Duration closeCheck,
        @DefaultValue("32MB") DataSize exportMaxBytes) {
}
