/**
 * Component factories of the in-browser Collector engine, keyed by YAML type id (deprecated
 * aliases included as extra keys). The pipeline runner looks processors, connectors and the
 * debug exporter up here; each factory throws `ComponentConfigError` for start-up rejections.
 */
import type { TracesComponent } from '../simulation/component';
import type { ComponentOptions } from './componentOptions';
import { createAttributesProcessor } from './attributesProcessor';
import { createBatchProcessor } from './batchProcessor';
import { createCountConnector } from './countConnector';
import { createDebugExporter } from './debugExporter';
import { createFilterProcessor } from './filterProcessor';
import { createGroupByTraceProcessor } from './groupByTraceProcessor';
import { createForwardConnector, createMemoryLimiterProcessor } from './passThroughComponents';
import { createRedactionProcessor } from './redactionProcessor';
import { createResourceProcessor } from './resourceProcessor';
import { createRoutingConnector } from './routingConnector';
import { createServiceGraphConnector } from './serviceGraphConnector';
import { createSpanMetricsConnector } from './spanMetricsConnector';
import { createSpanProcessor } from './spanProcessor';
import { createTransformProcessor } from './transformProcessor';

export type ComponentFactory = (id: string, config: unknown, options?: ComponentOptions) => TracesComponent;

export const processorFactories: Readonly<Record<string, ComponentFactory>> = {
  filter: createFilterProcessor,
  transform: createTransformProcessor,
  attributes: createAttributesProcessor,
  resource: createResourceProcessor,
  span: createSpanProcessor,
  routing: createRoutingConnector,
  batch: createBatchProcessor,
  groupbytrace: createGroupByTraceProcessor,
  memory_limiter: createMemoryLimiterProcessor,
  redaction: createRedactionProcessor,
  forward: createForwardConnector,
  debug: createDebugExporter,
  span_metrics: createSpanMetricsConnector,
  spanmetrics: createSpanMetricsConnector,
  count: createCountConnector,
  service_graph: createServiceGraphConnector,
  servicegraph: createServiceGraphConnector,
};
