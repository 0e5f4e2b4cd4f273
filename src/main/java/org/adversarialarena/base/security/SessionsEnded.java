package org.adversarialarena.base.security;

/**
 * This node has just ended the sessions it held of one group, because the group's topic announced it
 * (a Spring event, so the feature that owns the group audits it without this package knowing it).
 *
 * @param topic   the group's live topic, e.g. {@code account-sessions}
 * @param key     which group of that topic, e.g. an account's id
 * @param version what the announcement carried (the id of the audit line that asked for it)
 * @param count   how many sessions this node ended
 * @param node    this node's name
 */
public record SessionsEnded(String topic, String key, long version, int count, String node) {
}
