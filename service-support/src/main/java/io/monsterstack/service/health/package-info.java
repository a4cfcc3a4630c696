/**
 * What both services share for their health: their own warm-up before they report healthy, and
 * the event-loop heartbeats their liveness reads.
 * <p>
 * Who asks which endpoint, and what it checks. {@code /healthz} is an application route (frontend
 * 5000, image backend 8080); {@code /q/*} is on the management interface (frontend 9000, image
 * backend 9001), never published.
 * <table>
 * <caption>The probes of both services</caption>
 * <tr><th>probe (where it is set)</th><th>endpoint</th><th>frontend checks</th><th>image backend checks</th></tr>
 * <tr><td>Swarm's healthcheck, every 10 s; a task joins DNS at its first 200, five failures in a row restart it
 *     (stack/docker-compose.swarm.yml)</td>
 *     <td>{@code GET /healthz?wait=3}: held up to 3 s while warming up ({@link ReplicaHealth#within})</td>
 *     <td>503 while warming up ({@link SelfWarmUp}) or with an event loop stalled
 *     ({@link EventLoopHealthCheck}); Redis and the backend are data only (health/HealthzResource)</td>
 *     <td>503 while warming up, with an event loop stalled or the renderer failing (IndexResource)</td></tr>
 * <tr><td>HAProxy edge, every 1 s: sends requests only to tasks that answer 200 (images/haproxy/haproxy.cfg)</td>
 *     <td>{@code GET /q/health/group/edge}</td>
 *     <td>{@link WarmUpHealthCheck}, health/ShutdownHealthCheck (DOWN from SIGTERM on)</td>
 *     <td>(not behind the edge)</td></tr>
 * <tr><td>readiness: scripts/lib/local-processes.sh and scripts/bench.sh wait for it, so do the jar ITs</td>
 *     <td>{@code GET /q/health/ready}</td>
 *     <td>{@link WarmUpHealthCheck}, health/RedisHealthCheck (PING), health/ImageBackendHealthCheck
 *     (a 12 px monster, {@code 200 image/png})</td>
 *     <td>{@link WarmUpHealthCheck}, RendererHealthCheck (draws a monster)</td></tr>
 * <tr><td>liveness: no probe asks it; for an orchestrator that restarts on liveness</td>
 *     <td>{@code GET /q/health/live}</td>
 *     <td>{@link EventLoopHealthCheck}</td>
 *     <td>{@link EventLoopHealthCheck}, RendererHealthCheck</td></tr>
 * <tr><td>Prometheus, every task found through the Swarm API (images/prometheus/prometheus.yml)</td>
 *     <td>{@code GET /q/metrics}</td><td colspan="2">no check: the series of docs/monitoring.md</td></tr>
 * </table>
 * {@code GET /q/health} answers every check above at once.
 */
package io.monsterstack.service.health;
