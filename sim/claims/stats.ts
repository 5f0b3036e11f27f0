/*
 * The claims' interval estimates are the shared ones of sim/stats (exact Student t, Wilson), under
 * the names the claims were written with.
 */
export { above, meanCI, pairedDiff, type Estimate } from '../stats/index';
export { wilson as proportionCI } from '../stats/index';
