package org.adversarialarena.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountLinkRepository extends JpaRepository<AccountLink, Long> {

    Optional<AccountLink> findByTokenHash(String tokenHash);

    /** A new link of the same purpose replaces the account's earlier ones. */
    @Modifying
    @Query("update AccountLink l set l.used = ?3 where l.accountId = ?1 and l.purpose = ?2 and l.used is null")
    void retire(long accountId, LinkPurpose purpose, java.time.Instant now);
}
