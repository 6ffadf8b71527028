/** Which component types the preview engine models; every other one passes data through, marked. */
import { findComponent, type CatalogLookup } from '../catalog/catalog';
import type { ComponentKind } from '../config/componentId';

const PROCESSORS = new Set([
  'filter',
  'transform',
  'attributes',
  'resource',
  'span',
  'batch',
  'groupbytrace',
  'memory_limiter',
  'redaction',
  'probabilistic_sampler',
  'tail_sampling',
]);
const CONNECTORS = new Set(['forward', 'routing', 'span_metrics', 'spanmetrics', 'count', 'service_graph', 'servicegraph']);

/** Whether the engine models this component (exporters are always modelled as sinks that count). */
export function isSimulatedType(kind: ComponentKind | string, type: string): boolean {
  if (kind === 'processor') return PROCESSORS.has(type);
  if (kind === 'connector') return CONNECTORS.has(type);
  return kind === 'exporter' || kind === 'receiver';
}

export function findCatalogComponent(kind: string, type: string): CatalogLookup | null {
  return findComponent(kind as ComponentKind, type);
}
