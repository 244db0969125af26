package app.partnersync.accountdata;

import java.util.UUID;

/**
 * Removes or anonymises one kind of data of an account being deleted, inside the deletion's transaction. Every
 * package that stores personal data provides one; a test searches the whole database afterwards.
 */
public interface AccountErasure {

    void erase(UUID accountId);
}
