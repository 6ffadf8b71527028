/** Options every component factory receives besides its id and config. */
export interface ComponentOptions {
  /** Feature gates by id → enabled; unlisted gates keep their newest default (processors-spec §0). */
  readonly featureGates?: Readonly<Record<string, boolean>>;
}
