/**
 * The inspector: settings of the selected component as a form generated from its JSON schema,
 * next to the raw YAML of its body. Both write into the document through the byte-preserving
 * intents (`setComponentValue`, `replaceComponentBody`), so each change is one undo step and the
 * rest of the text is untouched. A value the Collector would reject at that setting is refused
 * and explained beside the field; the validator's diagnostics are shown beside the setting they
 * are written at.
 */
import { useEffect, useMemo, useState } from 'react';
import { sectionOf, type ComponentKind } from '../../core/config/componentId';
import { findDefinition } from '../../core/config/configModel';
import { addComponent } from '../../core/config/edits/addComponent';
import { componentFieldSpans } from '../../core/config/edits/componentFieldSpans';
import { replaceComponentBody } from '../../core/config/edits/replaceComponentBody';
import { setComponentValue } from '../../core/config/edits/setComponentValue';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import componentSchemas from '../../core/validation/generated/componentSchemas.json';
import { selectShownAnalysis } from '../../state/documentStore';
import { useDocument, useStores, useUi } from '../app/StoreContext';
import { applyCanvasEdit } from '../canvas/applyCanvasEdit';
import { showStatus } from '../canvas/canvasStatus';
import { checkFieldValue } from './checkFieldValue';
import { formFields, parseFieldValue, type FormField } from './formFields';
import './inspector.css';

const schemas = componentSchemas as Record<string, Record<string, unknown>>;

/** `lane:<p>:<role>:<id>`, `connector:<id>`, `extension:<id>`, `unplaced:<kind>:<id>` → kind and id. */
function componentOfKey(key: string, kindOfLane: (role: string) => ComponentKind): { kind: ComponentKind; id: string } | null {
  const parts = key.split(':');
  if (parts[0] === 'lane' && parts.length >= 4) return { kind: kindOfLane(parts[2]!), id: parts.slice(3).join(':') };
  if (parts[0] === 'connector' || parts[0] === 'extension') return { kind: parts[0], id: parts.slice(1).join(':') };
  if (parts[0] === 'unplaced' && parts.length >= 3) return { kind: parts[1] as ComponentKind, id: parts.slice(2).join(':') };
  return null;
}

const ROLE_KIND: Record<string, ComponentKind> = { receivers: 'receiver', processors: 'processor', exporters: 'exporter' };

interface FieldProps {
  readonly field: FormField;
  /** Why the last value typed here was not written (the form's own check), if it was refused. */
  readonly refusal: string | null;
  /** The validator's findings about what is written at this setting. */
  readonly problems: readonly Diagnostic[];
  readonly onCommit: (field: FormField, raw: string) => void;
}

function Field({ field, refusal, problems, onCommit }: FieldProps) {
  const [draft, setDraft] = useState(field.value);
  useEffect(() => setDraft(field.value), [field.value]);
  const id = `inspector-field-${field.name}`;
  const messages = [...(refusal ? [{ text: refusal, severity: 'error' as const }] : []), ...problems.map((d) => ({ text: d.message, severity: d.severity }))];
  const describedBy = [messages.length > 0 ? `${id}-msg` : '', field.description ? `${id}-desc` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = refusal !== null || problems.some((d) => d.severity === 'error');
  let control;
  if (field.control === 'nested') {
    control = <span className="inspector__nested">{field.value || 'not set'} — edit in the YAML below</span>;
  } else if (field.control === 'enum' || field.control === 'boolean') {
    const options = field.control === 'boolean' ? ['true', 'false'] : field.options;
    control = (
      <select
        id={id}
        value={draft}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onCommit(field, e.target.value);
        }}
      >
        <option value="">{field.placeholder ? `default (${field.placeholder})` : 'not set'}</option>
        {/* A value written in the YAML that the schema does not list is still shown as it is. */}
        {draft !== '' && !options.includes(draft) && <option value={draft}>{draft}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        value={draft}
        placeholder={field.placeholder}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        inputMode={field.control === 'text' ? undefined : 'numeric'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== field.value && onCommit(field, draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit(field, draft);
        }}
      />
    );
  }
  return (
    <div className={`inspector__field${field.set ? ' is-set' : ''}${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{field.name}</label>
      {control}
      {messages.length > 0 && (
        <span id={`${id}-msg`} className="inspector__messages" role={refusal ? 'alert' : undefined}>
          {messages.map((m, i) => (
            <span key={i} className={`inspector__message is-${m.severity}`}>
              {m.text}
            </span>
          ))}
        </span>
      )}
      {field.description && (
        <span id={`${id}-desc`} className="inspector__desc">
          {field.description}
        </span>
      )}
    </div>
  );
}

/** A value the form refused, remembered against the written value it would have replaced. */
interface Refusal {
  readonly message: string;
  readonly against: string;
}

export function Inspector() {
  const key = useUi((s) => s.selectedNodeKey);
  const target = key ? componentOfKey(key, (role) => ROLE_KIND[role] ?? 'receiver') : null;
  if (!key || !target) return null;
  // Keyed by the component: drafts and refusals of one component never show on another.
  return <ComponentInspector key={`${target.kind}:${target.id}`} target={target} />;
}

function ComponentInspector({ target }: { target: { kind: ComponentKind; id: string } }) {
  const { document, ui } = useStores();
  const shown = useDocument(selectShownAnalysis);
  const text = useDocument((s) => s.text);
  // Diagnostic offsets belong to the analysed text: only placed beside fields while it is the current one.
  const fresh = useDocument((s) => s.analysisVersion === s.version && s.analysis?.broken === false);
  const definition = shown ? findDefinition(shown.model, target.kind, target.id) : undefined;
  const schema = definition ? schemas[`${definition.kind}:${definition.type}`] : undefined;
  const fields = useMemo(() => (definition ? formFields(schema, definition.config) : []), [definition, schema]);
  const body = useMemo(() => {
    if (!definition) return '';
    const whole = text.slice(definition.range.start.offset, definition.range.end.offset);
    const newline = whole.indexOf('\n');
    return newline < 0 ? '' : whole.slice(newline + 1);
  }, [definition, text]);
  const [raw, setRaw] = useState(body);
  useEffect(() => setRaw(body), [body]);
  const [refusals, setRefusals] = useState<Readonly<Record<string, Refusal>>>({});

  const problems = useMemo(() => shown?.diagnostics.filter((d) => d.componentId === target.id) ?? [], [shown, target.id]);
  // Each problem beside the setting it is written at; the rest above the form. Only looked up
  // when there is something to place (it parses the text).
  const { byField, unplaced } = useMemo(() => {
    const located = new Map<string, Diagnostic[]>();
    if (!definition || problems.length === 0 || !fresh) return { byField: located, unplaced: problems };
    const spans = componentFieldSpans(text, target.kind, target.id);
    const rest: Diagnostic[] = [];
    for (const d of problems) {
      const at = d.range?.start.offset ?? -1;
      const name = [...spans].find(([, span]) => at >= span.from && at <= span.to)?.[0];
      if (name !== undefined && fields.some((f) => f.name === name)) located.set(name, [...(located.get(name) ?? []), d]);
      else rest.push(d);
    }
    return { byField: located, unplaced: rest };
  }, [definition, problems, fresh, text, target.kind, target.id, fields]);

  const commit = (field: FormField, value: string) => {
    const parsed = parseFieldValue(field, value);
    const refusal = !parsed.ok ? parsed.reason : definition ? checkFieldValue(definition.kind, definition.type, schema, definition.config, field.name, parsed.value) : null;
    if (refusal !== null) {
      setRefusals((r) => ({ ...r, [field.name]: { message: refusal, against: field.value } }));
      showStatus(`Not written: ${refusal}`, 'error');
      return;
    }
    setRefusals(({ [field.name]: _gone, ...rest }) => rest);
    if (!parsed.ok) return;
    applyCanvasEdit(document, (t) => setComponentValue(t, target.kind, target.id, [field.name], parsed.value), `Set ${target.id}.${field.name}.`);
  };
  const define = () => applyCanvasEdit(document, (t) => addComponent(t, target.kind, target.id), `Defined ${target.kind} ${target.id} with its starter settings.`);

  return (
    <section className="inspector" aria-label={`Settings of ${target.kind} ${target.id}`}>
      <header className="inspector__head">
        <h2>
          {target.kind} <code>{target.id}</code>
        </h2>
        <button type="button" onClick={() => ui.getState().select(null)} aria-label="Close settings">
          Close
        </button>
      </header>
      {!definition && (
        <p className="inspector__note">
          {target.id} is used but not defined under <code>{sectionOf(target.kind)}:</code>.{' '}
          <button type="button" onClick={define}>
            Define {target.kind} {target.id}
          </button>
        </p>
      )}
      {unplaced.length > 0 && (
        <ul className="inspector__problems" aria-label={`Problems of ${target.id}`}>
          {unplaced.map((d, i) => (
            <li key={i} className={`is-${d.severity}`}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {definition && !schema && <p className="inspector__note">No schema for {definition.type}: edit its settings as YAML.</p>}
      {definition && fields.length > 0 && (
        <form className="inspector__form" onSubmit={(e) => e.preventDefault()} aria-label="Settings form">
          {fields.map((f) => {
            const refusal = refusals[f.name];
            return <Field key={f.name} field={f} refusal={refusal && refusal.against === f.value ? refusal.message : null} problems={byField.get(f.name) ?? []} onCommit={commit} />;
          })}
        </form>
      )}
      {definition && (
        <form
          className="inspector__raw"
          onSubmit={(e) => {
            e.preventDefault();
            applyCanvasEdit(document, (t) => replaceComponentBody(t, target.kind, target.id, raw), `Replaced the settings of ${target.id}.`);
          }}
        >
          <label htmlFor="inspector-raw">YAML of {target.id}</label>
          <textarea id="inspector-raw" value={raw} onChange={(e) => setRaw(e.target.value)} rows={8} spellCheck={false} />
          <button type="submit" disabled={raw === body}>
            Apply YAML
          </button>
        </form>
      )}
    </section>
  );
}
