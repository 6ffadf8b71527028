/** Which traces the preview runs on: a generated scenario, uploaded files or a bundled sample; and when spans arrive. */
import { useCallback, useRef } from 'react';
import { SCENARIO_PRESETS } from '../../core/generate/scenarioPresets';
import { MAX_TRACES } from '../../state/simulationStore';
import { useSimulation, useStores } from '../app/StoreContext';
import { formatCount } from './format';
import { BUNDLED_SAMPLES, sampleUrl } from './samples';

function NumberField({ label, value, onChange, min, max, step, id }: { label: string; value: number | null; onChange: (v: number | null) => void; min: number; max: number; step: number; id: string }) {
  return (
    <label className="pv-field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    </label>
  );
}

export function DataPanel() {
  const { simulation } = useStores();
  const scenario = useSimulation((s) => s.scenario);
  const source = useSimulation((s) => s.source);
  const dataset = useSimulation((s) => s.dataset);
  const loading = useSimulation((s) => s.loading);
  const loadError = useSimulation((s) => s.loadError);
  const arrival = useSimulation((s) => s.arrival);
  const fileInput = useRef<HTMLInputElement>(null);
  const preset = SCENARIO_PRESETS.find((p) => p.id === scenario.presetId) ?? SCENARIO_PRESETS[0]!;

  const upload = useCallback((files: File[]) => void simulation.getState().loadFiles(files.map((f) => ({ name: f.name, blob: f }))), [simulation]);

  return (
    <div className="pv-data">
      <fieldset className="pv-card">
        <legend>
          <label>
            <input type="radio" name="pv-source" checked={source === 'scenario'} onChange={() => void simulation.getState().useScenario()} /> Generated scenario
          </label>
        </legend>
        <label className="pv-field" htmlFor="pv-preset">
          <span id="pv-preset-label">Scenario</span>
          <select id="pv-preset" aria-labelledby="pv-preset-label" value={scenario.presetId} onChange={(e) => simulation.getState().setScenario({ presetId: e.target.value, tracesPerSecond: null })}>
            {SCENARIO_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <p className="pv-muted pv-description">{preset.description}</p>
        <div className="pv-row">
          <NumberField id="pv-traces" label="Traces" value={scenario.traceCount} min={1} max={MAX_TRACES} step={100} onChange={(v) => v !== null && simulation.getState().setScenario({ traceCount: v })} />
          <NumberField id="pv-tps" label="Traces per second" value={scenario.tracesPerSecond ?? preset.settings.tracesPerSecond} min={0.1} max={100000} step={10} onChange={(v) => simulation.getState().setScenario({ tracesPerSecond: v })} />
          <NumberField id="pv-errors" label="Error rate ×" value={scenario.errorRateScale} min={0} max={50} step={0.5} onChange={(v) => simulation.getState().setScenario({ errorRateScale: v ?? 1 })} />
          <NumberField id="pv-seed" label="Seed" value={scenario.seed} min={0} max={4294967295} step={1} onChange={(v) => v !== null && simulation.getState().setScenario({ seed: v })} />
        </div>
      </fieldset>

      <fieldset className="pv-card">
        <legend>
          <span>Trace files</span>
        </legend>
        <p className="pv-muted">Drop files onto the window, or pick several at once. They are read here, in this browser; nothing is uploaded.</p>
        <input ref={fileInput} type="file" multiple hidden aria-label="Trace files" onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) upload(files);
        }} />
        <div className="pv-row">
          <button type="button" className="pv-button" onClick={() => fileInput.current?.click()}>
            Choose trace files…
          </button>
          <label className="pv-field" htmlFor="pv-sample">
            <span id="pv-sample-label">Bundled sample</span>
            <select id="pv-sample" aria-labelledby="pv-sample-label" value="" onChange={(e) => {
              const s = BUNDLED_SAMPLES.find((x) => x.file === e.target.value);
              if (s) void simulation.getState().loadSample(s.file, sampleUrl(s.file));
            }}>
              <option value="">Choose a sample…</option>
              {BUNDLED_SAMPLES.map((s) => (
                <option key={s.file} value={s.file}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        {loading && (
          <div className="pv-loading" role="status">
            <span>
              Loading {loading.label}
              {loading.progress ? `: ${loading.progress.unit === 'bytes' ? `${formatCount(Math.round(loading.progress.done / 1024))} of ${formatCount(Math.round(loading.progress.total / 1024))} KiB` : `${formatCount(loading.progress.done)} of ${formatCount(loading.progress.total)} traces`}, ${formatCount(loading.progress.spans)} spans` : '…'}
            </span>
            <progress max={1} value={loading.progress ? loading.progress.done / Math.max(1, loading.progress.total) : 0} aria-label="Loading progress" />
            <button type="button" className="pv-button" onClick={() => simulation.getState().cancel()}>
              Cancel loading
            </button>
          </div>
        )}
        {loadError && <p className="pv-error" role="alert">{loadError}</p>}
      </fieldset>

      <fieldset className="pv-card">
        <legend>Arrival</legend>
        <p className="pv-muted">A span reaches the Collector when it ends plus the export delay (SDK batching, agent hops). Uploaded data replays at its own timestamps, sped up by the factor.</p>
        <div className="pv-row">
          <NumberField id="pv-delay" label="Export delay (ms)" value={arrival.exportDelayMs} min={0} max={600000} step={100} onChange={(v) => simulation.getState().setArrival({ exportDelayMs: Math.max(0, v ?? 0) })} />
          <NumberField id="pv-speed" label="Replay speed ×" value={arrival.speed} min={0.01} max={1000} step={1} onChange={(v) => simulation.getState().setArrival({ speed: v && v > 0 ? v : 1 })} />
        </div>
      </fieldset>

      {dataset && (
        <section className="pv-card pv-dataset" aria-label="Loaded traces">
          <h3>Loaded: {dataset.label}</h3>
          <p>
            {formatCount(dataset.spans)} spans in {formatCount(dataset.traces)} traces
          </p>
          {dataset.files.map((f) => (
            <div key={f.name} className="pv-file">
              <p>
                <strong>{f.name}</strong> — {f.format ?? 'unknown format'}, {formatCount(f.bytes)} bytes, {formatCount(f.spans)} spans
                {f.errorCount + f.warningCount > 0 ? `, ${f.errorCount} errors, ${f.warningCount} warnings` : ''}
              </p>
              {f.fatal && <p className="pv-error">{f.fatal}</p>}
              {f.issues.length > 0 && (
                <ul className="pv-issues" aria-label={`Issues in ${f.name}`}>
                  {f.issues.map((issue, i) => (
                    <li key={i} className={`pv-issue pv-issue--${issue.severity}`}>
                      <span className="pv-issue__where">{issue.line !== undefined ? `line ${issue.line}` : issue.offset !== undefined ? `byte ${issue.offset}` : ''}</span> {issue.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
