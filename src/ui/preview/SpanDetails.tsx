/** The selected span: status, attributes, events, links and resource. All values are rendered as text. */
import type { TraceDetailSpan } from '../../core/simulation/preview/traceDetail';
import { formatMs } from './format';

function Pairs({ pairs, label }: { pairs: readonly (readonly [string, string])[]; label: string }) {
  if (pairs.length === 0) return null;
  return (
    <dl className="pv-pairs" aria-label={label}>
      {pairs.map(([k, v], i) => (
        <div key={`${k}:${i}`} className="pv-pair">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SpanDetails({ span, resource }: { span: TraceDetailSpan; resource: { service: string; attributes: readonly [string, string][] } | undefined }) {
  return (
    <aside className="pv-span" aria-label="Span details" tabIndex={0}>
      <h4>{span.name}</h4>
      <p className="pv-muted">
        {span.service} · {span.kind.replace('SPAN_KIND_', '').toLowerCase()} · +{formatMs(span.startMs)} · {formatMs(span.durationMs)}
      </p>
      <p>
        Status: <span className={span.status.code === 'STATUS_CODE_ERROR' ? 'pv-error' : ''}>{span.status.code.replace('STATUS_CODE_', '')}</span>
        {span.status.message ? ` — ${span.status.message}` : ''}
      </p>
      <p className="pv-muted">
        span {span.spanId}
        {span.parentSpanId ? ` · parent ${span.parentSpanId}` : ' · root'}
        {span.scope ? ` · scope ${span.scope}` : ''}
      </p>
      <h5>Attributes</h5>
      <Pairs pairs={span.attributes} label="Span attributes" />
      {span.events.length > 0 && (
        <>
          <h5>Events</h5>
          {span.events.map((e, i) => (
            <div key={i} className="pv-event">
              <p>
                {e.name} <span className="pv-muted">+{formatMs(e.atMs)}</span>
              </p>
              <Pairs pairs={e.attributes} label={`Event ${e.name} attributes`} />
            </div>
          ))}
        </>
      )}
      {span.links.length > 0 && (
        <>
          <h5>Links</h5>
          {span.links.map((l, i) => (
            <div key={i} className="pv-event">
              <p className="pv-mono">
                {l.traceId} / {l.spanId}
              </p>
              <Pairs pairs={l.attributes} label="Link attributes" />
            </div>
          ))}
        </>
      )}
      {resource && (
        <>
          <h5>Resource</h5>
          <Pairs pairs={resource.attributes} label="Resource attributes" />
        </>
      )}
    </aside>
  );
}
