package org.adversarialarena.modelstore;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredModelRepository extends JpaRepository<StoredModel, Long> {

    Optional<StoredModel> findByNameAndVersion(String name, String version);
}
