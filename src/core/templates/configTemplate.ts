/** A recipe in the template gallery: a complete, commented config for otelcol-contrib v0.159. */
export interface ConfigTemplate {
  /** Stable, URL-safe id, e.g. `tail-sampling`. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what it does and when to use it. */
  readonly description: string;
  readonly tags: readonly string[];
  /** The YAML, with comments that explain the choices. */
  readonly config: string;
}
