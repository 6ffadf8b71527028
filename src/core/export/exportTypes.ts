import type { DistributionId } from '../catalog/catalog';

export type ExportFormat = 'yaml' | 'helm-values' | 'configmap' | 'operator' | 'docker-compose';

export interface ExportOptions {
  readonly distribution: DistributionId;
  /** Resource, release or service name; default `otel-collector`. */
  readonly name?: string;
  /** Kubernetes namespace for the ConfigMap and the OpenTelemetryCollector; omitted when unset. */
  readonly namespace?: string;
  /** Workload kind for Helm and the Operator; default `deployment`. */
  readonly mode?: 'deployment' | 'daemonset' | 'statefulset';
  /** Sample values for `${env:NAME}`; docker compose writes them into `environment:`. */
  readonly env?: Readonly<Record<string, string>>;
  /** docker compose: embed the config with `configs.content` instead of a separate file. */
  readonly inlineConfig?: boolean;
}

export interface ExportFile {
  readonly name: string;
  readonly content: string;
}

export type ExportResult =
  | {
      readonly ok: true;
      readonly format: ExportFormat;
      /** The main file first; docker compose adds the config file it mounts. */
      readonly files: readonly ExportFile[];
      /** What the user should know about this export. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly message: string };
