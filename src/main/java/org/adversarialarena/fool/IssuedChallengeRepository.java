package org.adversarialarena.fool;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedChallengeRepository extends JpaRepository<IssuedChallenge, UUID> {

    /** The player's latest challenge on a dataset, so the next one can be a different image. */
    Optional<IssuedChallenge> findFirstByPlayerIdAndDatasetOrderByIssuedDesc(long playerId, String dataset);
}
