package org.adversarialarena.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.email) = lower(?1)")
    Optional<Account> findByEmail(String email);

    long countByRoleAndStatus(AccountRole role, AccountStatus status);

    List<Account> findAllByOrderByEmail();
}
