/**
 * The validator's public types. `validateConfig` and `validateFiles` return these; the UI turns
 * diagnostics into markers and rows and variable uses into the Environment panel.
 */
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic';

export interface ValidationOptions {
  /** A distribution id from the catalogue (`core`, `contrib`, `k8s`, `otlp`, ... or `custom`). Default `contrib`. */
  readonly distribution?: string;
  /** Sample values for environment variables; used for typed checks when given. */
  readonly env?: Readonly<Record<string, string>>;
  /** Feature gates; unset gates take their default (e.g. `service.profilesSupport` off). */
  readonly featureGates?: Readonly<Record<string, boolean>>;
}

/** One `${env:NAME}` / `${NAME}` / `${env:NAME:-default}` in a value. */
export interface EnvVariableUse {
  readonly name: string;
  readonly defaultValue: string | null;
  /** The range of the whole `${...}` reference. */
  readonly range: SourceRange | null;
  /** The file it appears in (validateFiles) or the single file's name. */
  readonly file: string;
  readonly componentId?: string;
}

/** A diagnostic and the file it belongs to (several `--config` files, config-semantics §4.1). */
export type ValidationDiagnostic = Diagnostic & { readonly file: string };

export interface ValidationResult {
  readonly diagnostics: ValidationDiagnostic[];
  /** No error-severity diagnostics. */
  readonly valid: boolean;
  readonly variables: EnvVariableUse[];
}

/** Feature gates the validator reads, with the Collector's defaults. */
export const DEFAULT_FEATURE_GATES: Readonly<Record<string, boolean>> = {
  'service.profilesSupport': false,
  'service.AllowNoPipelines': false,
};
