/**
 * The mail outbox: e-mails written in the same transaction as the change that causes them, sent in the
 * background with retries and backoff, visible to editors. A leaf: uses no other domain module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dk.selvbetjening.notification;
