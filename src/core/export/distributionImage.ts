import { COLLECTOR_VERSION, CUSTOM_DISTRIBUTION, type DistributionId } from '../catalog/catalog';

export interface DistributionImage {
  /** Docker Hub repository of the official image, e.g. `otel/opentelemetry-collector-contrib`. */
  readonly repository: string;
  /** The binary inside the image (its entrypoint), e.g. `otelcol-contrib`. */
  readonly binary: string;
  /** The Collector release the catalogue describes, e.g. `0.159.0`. */
  readonly tag: string;
  /** False for `custom`: the repository is a placeholder the user must replace. */
  readonly official: boolean;
}

// The release images of open-telemetry/opentelemetry-collector-releases, one per distribution.
const IMAGES: Readonly<Record<string, { repository: string; binary: string }>> = {
  core: { repository: 'otel/opentelemetry-collector', binary: 'otelcol' },
  contrib: { repository: 'otel/opentelemetry-collector-contrib', binary: 'otelcol-contrib' },
  k8s: { repository: 'otel/opentelemetry-collector-k8s', binary: 'otelcol-k8s' },
  otlp: { repository: 'otel/opentelemetry-collector-otlp', binary: 'otelcol-otlp' },
  'ebpf-profiler': { repository: 'otel/opentelemetry-collector-ebpf-profiler', binary: 'otelcol-ebpf-profiler' },
};

/** `v0.159.0+27 commits (…)` → `0.159.0`, the form image tags use. */
function releaseTag(): string {
  return /\d+\.\d+\.\d+/.exec(COLLECTOR_VERSION)?.[0] ?? 'latest';
}

/** The container image for a distribution; `custom` (or an unknown id) gets a placeholder. */
export function distributionImage(distribution: DistributionId): DistributionImage {
  const known = distribution === CUSTOM_DISTRIBUTION ? undefined : IMAGES[distribution];
  if (!known) return { repository: 'registry.example.com/otelcol-custom', binary: 'otelcol-custom', tag: releaseTag(), official: false };
  return { ...known, tag: releaseTag(), official: true };
}
