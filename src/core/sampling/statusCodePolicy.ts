import { STATUS_CODE_NAMES, type StatusCode } from '../telemetry/pdata';
import { SamplingConfigError } from './samplingConfigError';
import { someSpan, type PolicyEvaluator, type PolicyResult } from './samplingPolicy';

const CODES: Readonly<Record<string, StatusCode>> = { UNSET: 0, OK: 1, ERROR: 2 };

/**
 * `status_code` (sampling-spec §2.4.7): Sampled if any span's status code is listed. An empty list
 * or an unknown name is a configuration error (upstream wording).
 */
export function statusCodePolicy(name: string, statusCodes: readonly string[]): PolicyEvaluator {
  if (statusCodes.length === 0) throw new SamplingConfigError('expected at least one status code to filter on');
  const wanted = new Set<StatusCode>();
  for (const s of statusCodes) {
    const code = CODES[s];
    if (code === undefined) throw new SamplingConfigError(`unknown status code "${s}", supported: OK, ERROR, UNSET`);
    wanted.add(code);
  }
  const list = statusCodes.join(', ');
  // Every verdict text there can be, made once (a run keeps one per trace).
  const notSampled: PolicyResult = { decision: 'NotSampled', detail: `no span has status in ${list}` };
  const sampledBy = ([0, 1, 2] as const).map((code): PolicyResult => ({ decision: 'Sampled', detail: `a span has status ${STATUS_CODE_NAMES[code].slice(12)} (in ${list})` }));
  return {
    name,
    type: 'status_code',
    stateful: false,
    evaluate(trace) {
      let found: StatusCode | undefined;
      const hit = someSpan(trace, (span) => {
        if (wanted.has(span.status.code)) {
          found = span.status.code;
          return true;
        }
        return false;
      });
      return hit && found !== undefined ? sampledBy[found]! : notSampled;
    },
  };
}
