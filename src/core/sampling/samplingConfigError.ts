/**
 * A configuration problem found while decoding a sampling component's config. Factories rethrow it
 * as the shared `ComponentConfigError` with the component id attached.
 */
export class SamplingConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamplingConfigError';
  }
}
