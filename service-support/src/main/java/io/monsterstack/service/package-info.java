/**
 * What both services share as processes: their entry point ({@link ServiceMain}, a port in use
 * named in one line), their management port's check and their shutdown settings. Beside it, in
 * this module: {@code health} (warm-up, event-loop liveness, the table of probes), {@code metrics}
 * (the series every service records) and {@code http} (the filters against hostile clients and
 * their order).
 */
package io.monsterstack.service;
