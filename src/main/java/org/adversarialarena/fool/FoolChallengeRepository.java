package org.adversarialarena.fool;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FoolChallengeRepository extends JpaRepository<FoolChallenge, UUID> {

    /** The player's latest challenge on a dataset, so the next one can be a different image. */
    Optional<FoolChallenge> findFirstByPlayerIdAndDatasetOrderByIssuedDesc(long playerId, String dataset);
}
