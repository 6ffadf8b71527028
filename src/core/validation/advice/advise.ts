/** Shared shape of advice: our own warnings, visually distinct from the Collector's (config-semantics §8). */
import type { QuickFix, SourceRange } from '../../diagnostics/diagnostic';
import { report, type ComponentNode, type FileInput, type ValidationContext } from '../validationContext';

export interface AdviceRule {
  /** Stable code, `advice/<rule>`. */
  readonly code: string;
  run(ctx: ValidationContext, used: ReadonlySet<ComponentNode>): void;
}

export interface Advice {
  readonly code: string;
  readonly message: string;
  readonly explanation: string;
  /** Where the advice comes from (Collector docs). */
  readonly docsUrl: string;
  readonly file: FileInput;
  readonly range: SourceRange | null;
  readonly componentId?: string;
  readonly pipelineId?: string;
  readonly fixes?: readonly QuickFix[];
  readonly severity?: 'warning' | 'info';
}

/** Reports one piece of advice. */
export function advise(ctx: ValidationContext, a: Advice): void {
  report(ctx, { ...a, severity: a.severity ?? 'warning', stage: 'advice', origin: 'studio' });
}
