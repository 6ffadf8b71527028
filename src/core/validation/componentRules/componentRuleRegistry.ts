/** Which component has which rules, by kind and canonical type (aliases resolved by the catalogue). */
import type { ComponentKind } from '../../config/componentId';
import { attributesProcessorRule } from './attributesProcessorRule';
import { batchProcessorRule } from './batchProcessorRule';
import type { ComponentRule } from './componentRule';
import { debugExporterRule } from './debugExporterRule';
import { filterProcessorRule } from './filterProcessorRule';
import { memoryLimiterRule } from './memoryLimiterRule';
import { otlpGrpcExporterRule } from './otlpGrpcExporterRule';
import { otlpHttpExporterRule } from './otlpHttpExporterRule';
import { otlpReceiverRule } from './otlpReceiverRule';
import { probabilisticSamplerRule } from './probabilisticSamplerRule';
import { resourceProcessorRule } from './resourceProcessorRule';
import { tailSamplingRule } from './tailSamplingRule';
import { zpagesExtensionRule } from './zpagesExtensionRule';

const RULES: Record<string, ComponentRule> = {
  'receiver:otlp': otlpReceiverRule,
  'processor:batch': batchProcessorRule,
  'processor:memory_limiter': memoryLimiterRule,
  'extension:memory_limiter': memoryLimiterRule,
  'processor:attributes': attributesProcessorRule,
  'processor:resource': resourceProcessorRule,
  'processor:filter': filterProcessorRule,
  'processor:probabilistic_sampler': probabilisticSamplerRule,
  'processor:tail_sampling': tailSamplingRule,
  'exporter:otlp_grpc': otlpGrpcExporterRule,
  'exporter:otlp_http': otlpHttpExporterRule,
  'exporter:debug': debugExporterRule,
  'extension:zpages': zpagesExtensionRule,
};

/** The rules of a component type, or undefined when it has none beyond its schema. */
export function componentRuleFor(kind: ComponentKind, type: string): ComponentRule | undefined {
  return RULES[`${kind}:${type}`];
}
