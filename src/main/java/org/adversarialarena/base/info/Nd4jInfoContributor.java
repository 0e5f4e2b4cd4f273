package org.adversarialarena.base.info;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Adds to /actuator/info which ND4J backend and devices the networks run on (CPU now, CUDA when
 * built with it), so an operator can tell at a glance what serves the games.
 */
@Component
class Nd4jInfoContributor implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("nd4j", describeBackend());
    }

    static Map<String, Object> describeBackend() {
        Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", String.valueOf(environment.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName())));
        details.put("backendClass", Nd4j.getBackend().getClass().getName());
        details.put("devices", Nd4j.getAffinityManager().getNumberOfDevices());
        details.put("dataType", Nd4j.dataType().name());
        copy(environment, details, "blas.vendor", "blasVendor");
        copy(environment, details, "omp.threads", "ompThreads");
        copy(environment, details, "cores", "cores");
        copy(environment, details, "memory.available", "memoryAvailable");
        return details;
    }

    private static void copy(Properties from, Map<String, Object> to, String key, String name) {
        Object value = from.get(key);
        if (value != null) {
            to.put(name, String.valueOf(value));
        }
    }
}
