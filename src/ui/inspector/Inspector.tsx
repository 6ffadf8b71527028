/**
 * The inspector: settings of the selected component as a form generated from its JSON schema,
 * next to the raw YAML of its body. Both write into the document through the byte-preserving
 * intents (`setComponentValue`, `replaceComponentBody`), so each change is one undo step and the
 * rest of the text is untouched. Diagnostics for the component are shown inline.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ComponentKind } from '../../core/config/componentId';
import { findDefinition } from '../../core/config/configModel';
import { replaceComponentBody } from '../../core/config/edits/replaceComponentBody';
import { setComponentValue } from '../../core/config/edits/setComponentValue';
import componentSchemas from '../../core/validation/generated/componentSchemas.json';
import { selectShownAnalysis } from '../../state/documentStore';
import { useDocument, useStores, useUi } from '../app/StoreContext';
import { applyCanvasEdit } from '../canvas/applyCanvasEdit';
import { showStatus } from '../canvas/canvasStatus';
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

function Field({ field, onCommit }: { field: FormField; onCommit: (field: FormField, raw: string) => void }) {
  const [draft, setDraft] = useState(field.value);
  useEffect(() => setDraft(field.value), [field.value]);
  const id = `inspector-field-${field.name}`;
  const describedBy = field.description ? `${id}-desc` : undefined;
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
        onChange={(e) => {
          setDraft(e.target.value);
          onCommit(field, e.target.value);
        }}
      >
        <option value="">{field.placeholder ? `default (${field.placeholder})` : 'not set'}</option>
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
    <div className={`inspector__field${field.set ? ' is-set' : ''}`}>
      <label htmlFor={id}>{field.name}</label>
      {control}
      {field.description && (
        <span id={describedBy} className="inspector__desc">
          {field.description}
        </span>
      )}
    </div>
  );
}

export function Inspector() {
  const { document, ui } = useStores();
  const key = useUi((s) => s.selectedNodeKey);
  const shown = useDocument(selectShownAnalysis);
  const text = useDocument((s) => s.text);
  const target = key ? componentOfKey(key, (role) => ROLE_KIND[role] ?? 'receiver') : null;
  const definition = shown && target ? findDefinition(shown.model, target.kind, target.id) : undefined;
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

  if (!key || !target) return null;
  const problems = shown?.diagnostics.filter((d) => d.componentId === target.id) ?? [];
  const commit = (field: FormField, value: string) => {
    const parsed = parseFieldValue(field, value);
    if (!parsed.ok) return showStatus(parsed.reason, 'error');
    applyCanvasEdit(document, (t) => setComponentValue(t, target.kind, target.id, [field.name], parsed.value), `Set ${target.id}.${field.name}.`);
  };

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
      {!definition && <p className="inspector__note">{target.id} is not defined; define it in the YAML (or drop it from the palette).</p>}
      {problems.length > 0 && (
        <ul className="inspector__problems" aria-label={`Problems of ${target.id}`}>
          {problems.map((d, i) => (
            <li key={i} className={`is-${d.severity}`}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {definition && !schema && <p className="inspector__note">No schema for {definition.type}: edit its settings as YAML.</p>}
      {definition && fields.length > 0 && (
        <form className="inspector__form" onSubmit={(e) => e.preventDefault()} aria-label="Settings form">
          {fields.map((f) => (
            <Field key={f.name} field={f} onCommit={commit} />
          ))}
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
