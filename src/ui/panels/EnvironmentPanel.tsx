/**
 * The `${env:VAR}` references the config uses, with a sample value per variable. Validation and
 * the preview use the values; exports keep the placeholders (the text is never rewritten).
 */
import { useMemo } from 'react';
import type { EnvVariableUse } from '../../core/validation/validationTypes';
import { useDocument, useStores } from '../app/StoreContext';

const NONE: readonly EnvVariableUse[] = [];

export function EnvironmentPanel() {
  const { document } = useStores();
  const uses = useDocument((s) => s.lastGood?.variables ?? NONE);
  const env = useDocument((s) => s.env);
  const variables = useMemo(() => {
    const byName = new Map<string, { name: string; defaultValue: string | null; count: number }>();
    for (const use of uses) {
      const v = byName.get(use.name) ?? { name: use.name, defaultValue: use.defaultValue, count: 0 };
      v.count++;
      if (v.defaultValue === null) v.defaultValue = use.defaultValue;
      byName.set(use.name, v);
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [uses]);

  if (variables.length === 0) return null;
  const set = (name: string, value: string) => {
    const next = { ...document.getState().env };
    if (value === '') delete next[name];
    else next[name] = value;
    document.getState().setEnv(next);
  };

  return (
    <section className="environment" aria-label="Environment variables">
      <h2>Environment</h2>
      <p className="environment__hint">Sample values for validation and the preview; exports keep the placeholders.</p>
      <ul>
        {variables.map((v) => (
          <li key={v.name}>
            <label>
              <span className="environment__name">{v.name}</span>
              <input
                type="text"
                value={env[v.name] ?? ''}
                placeholder={v.defaultValue !== null ? `default: ${v.defaultValue}` : 'unset'}
                onChange={(e) => set(v.name, e.target.value)}
                aria-label={`Sample value for ${v.name}`}
              />
            </label>
            <span className="environment__uses">{v.count === 1 ? '1 use' : `${v.count} uses`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
