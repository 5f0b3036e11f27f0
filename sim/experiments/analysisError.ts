/** Data that cannot be analysed as asked (too few points with values, a constant metric): the message says why. */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}
