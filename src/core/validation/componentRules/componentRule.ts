/**
 * A component's own checks, by stage: `decode` (U, extra decode hooks), `validate` (V, the
 * config's `Validate()`), `build` (B, factory checks, only for components used in a pipeline)
 * and `start` (S, only at start-up). Config-semantics §6.3, §6.4.
 */
import type { Signal } from '../../config/componentId';
import type { Issue, RuleReader } from './ruleReader';

export interface PipelineUse {
  readonly pipelineId: string;
  readonly signal: Signal;
}

export interface ComponentRule {
  decode?(cfg: RuleReader, issue: Issue): void;
  validate?(cfg: RuleReader, issue: Issue): void;
  build?(cfg: RuleReader, issue: Issue, use: PipelineUse): void;
  start?(cfg: RuleReader, issue: Issue): void;
}
