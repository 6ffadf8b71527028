/**
 * A problem found in a config, from any stage. Errors are values (style.md #8): parsing,
 * validation and advice all return `Diagnostic[]`, and the UI turns them into markers and rows.
 */

/** 1-based line and column, as editors show them; `offset` is the 0-based UTF-16 index in the text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Which stage found it, mirroring the Collector (config-semantics §1): parse (YAML), resolve (R),
 * decode (U), validate (V), build (B); `advice` is ours, never the Collector's.
 */
export type DiagnosticStage = 'parse' | 'resolve' | 'decode' | 'validate' | 'build' | 'advice';

/** A text edit in the config's own coordinates (0-based offsets into the text). */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly severity: Severity;
  /** In the Collector's own wording where the Collector reports it, so users can search for it. */
  readonly message: string;
  readonly range: SourceRange | null;
  readonly stage: DiagnosticStage;
  /** `collector`: `otelcol validate` or start-up would report it; `studio`: our own advice. */
  readonly origin: 'collector' | 'studio';
  /** Stable rule id, e.g. `yaml-syntax`, `unknown-type`, `advice/memory-limiter-first`. */
  readonly code: string;
  readonly componentId?: string;
  readonly pipelineId?: string;
  /** True when the Collector would only hit this at start-up, not in `otelcol validate`. */
  readonly atStartup?: boolean;
  readonly docsUrl?: string;
  /** Why the advice matters and where it comes from (advice only). */
  readonly explanation?: string;
  readonly fixes?: readonly QuickFix[];
}
