/** The claims of MODEL.md §9 as ensemble experiments: run them, judge them, report them. */
export { runClaims, CLAIMS } from './runClaims';
export type { Claim, ClaimResult, Control, Channel } from './claim';
export { claimsMarkdown, claimsText, verdict, mechanismsChecked, regionText, type Verdict } from './report';
export type { ExperimentOptions, ScenarioLoader } from './experiment';
export { meanCI, pairedDiff, proportionCI, type Estimate } from './stats';
