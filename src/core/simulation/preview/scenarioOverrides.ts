/**
 * The few scenario settings the Data panel lets a user change. Defaults leave the preset
 * untouched, so the app's default run equals `pipeline-studio simulate --seed 1 --traces-count 1000`.
 */
import type { ScenarioSettings } from '../../generate/scenario';

export interface ScenarioOverrides {
  /** Arrival rate; absent or equal to the preset's: unchanged. */
  readonly tracesPerSecond?: number;
  /** Multiplies every service's and operation's error rate (capped at 1); 1 = unchanged. */
  readonly errorRateScale?: number;
}

/** `settings` with the overrides applied (the same object when nothing changes). */
export function applyScenarioOverrides(settings: ScenarioSettings, overrides: ScenarioOverrides): ScenarioSettings {
  let out = settings;
  const tps = overrides.tracesPerSecond;
  if (tps !== undefined && Number.isFinite(tps) && tps > 0 && tps !== settings.tracesPerSecond) out = { ...out, tracesPerSecond: tps };
  const scale = overrides.errorRateScale;
  if (scale !== undefined && Number.isFinite(scale) && scale >= 0 && scale !== 1) {
    const scaled = (r: number) => Math.min(1, r * scale);
    out = {
      ...out,
      services: out.services.map((s) => ({
        ...s,
        errorRate: scaled(s.errorRate),
        operations: s.operations.map((o) => (o.errorRate === undefined ? o : { ...o, errorRate: scaled(o.errorRate) })),
      })),
    };
  }
  return out;
}
