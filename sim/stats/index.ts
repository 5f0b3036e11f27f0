/** Interval estimates for ensembles and their comparisons, shared by the claims, the CLI and the page. */
export { above, type Estimate } from './estimate';
export { meanCI, pairedDiff } from './meanCI';
export { newcombePaired, pairedCounts, type PairedCounts } from './newcombePaired';
export { regularizedBeta } from './regularizedBeta';
export { tCritical, tTwoSidedTail } from './studentT';
export { wilson, Z95 } from './wilson';
