/**
 * routing connector for traces (processors-spec §4.2): routes in table order move matching
 * resources (resource context) or spans (span context) to the route's pipelines; the rest goes
 * to `default_pipelines`. Emissions carry `port` = pipeline id.
 */
import { ComponentConfigError, type ComponentIssue, type Emission, type TracesComponent } from '../simulation/component';
import type { ResourceSpans, ScopeSpans, TracesData } from '../telemetry/pdata';
import { compileCondition, type CompiledCondition } from '../ottl/compileCondition';
import { parseStatement } from '../ottl/parser';
import { resourceContext, spanContext } from '../ottl/ottlContext';
import type { OttlFunctionDef } from '../ottl/functionTypes';
import { configObject, listField, stringField, stringListField } from './configReader';
import type { ComponentOptions } from './componentOptions';
import { parseErrorMode } from './errorMode';
import { cloneTraces, emptyResourceSpansLike, emptyScopeSpansLike } from './cloneTraces';

interface Route {
  readonly context: 'resource' | 'span' | 'request';
  readonly condition?: CompiledCondition;
  readonly pipelines: readonly string[];
}

// `route()` is the routing connector's own editor (§1.13, "Routing connector additionally accepts").
const ROUTE_FN: OttlFunctionDef = { name: 'route', kind: 'editor', params: [], build: () => () => null };

const REQUEST_CONDITION = /^\s*request\["([^"]+)"\]\s*(==|!=)\s*"([^"]*)"\s*$/;

/** Build a routing connector. */
export function createRoutingConnector(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent {
  const o = configObject(id, config);
  const errorMode = parseErrorMode(id, o.error_mode); // newest default: ignore (gate connector.routing.defaultErrorModeIgnore)
  const defaults = stringListField(id, o, 'default_pipelines');
  if (o.match_once !== undefined) throw new ComponentConfigError(id, "'match_once' was removed in v0.120: the first matching route always wins");
  const table = listField(id, o, 'table');
  if (table.length === 0) throw new ComponentConfigError(id, 'invalid routing table: the routing table is empty');
  const issues: ComponentIssue[] = [];
  const seen = new Set<string>();
  const routes: Route[] = [];
  table.forEach((raw, i) => {
    const r = configObject(id, raw);
    const context = stringField(id, r, 'context', 'resource').toLowerCase();
    if (context !== 'resource' && context !== 'span' && context !== 'request') throw new ComponentConfigError(id, `invalid context: ${context}`);
    const condition = stringField(id, r, 'condition', '');
    const statement = stringField(id, r, 'statement', '');
    if ((condition === '') === (statement === '')) throw new ComponentConfigError(id, `invalid route ${i}: exactly one of 'condition' or 'statement' must be specified`);
    const pipelines = stringListField(id, r, 'pipelines');
    if (pipelines.length === 0) throw new ComponentConfigError(id, `invalid route ${i}: no pipelines defined`);
    let text = condition;
    if (statement !== '') {
      // `condition: X` is the statement `route() where X`; only route() statements are supported.
      const parsed = parseStatement(statement);
      if (!parsed.ok) throw new ComponentConfigError(id, `unable to parse OTTL statement "${statement}": ${parsed.error.message} (column ${parsed.error.column})`);
      if (parsed.value.editor.name !== 'route') throw new ComponentConfigError(id, `invalid route ${i}: only route() statements are supported in the preview`);
      const where = statement.search(/\bwhere\b/);
      text = where < 0 ? 'true' : statement.slice(where + 'where'.length).trim();
    }
    const key = `${context}\u0000${text}`;
    if (seen.has(key)) {
      issues.push({ severity: 'warning', message: `ignoring duplicate route "${text}" in context ${context}; the first route keeps its pipelines` });
      return;
    }
    seen.add(key);
    if (context === 'request') {
      if (!REQUEST_CONDITION.test(text)) throw new ComponentConfigError(id, `invalid request condition: ${text}`);
      routes.push({ context, pipelines }); // no request metadata in the preview: never matches (§4.2)
      return;
    }
    const c = compileCondition(text, context, { featureGates: options.featureGates ?? {}, extraFunctions: [ROUTE_FN] });
    if (!c.ok) throw new ComponentConfigError(id, c.error);
    routes.push({ context, condition: c, pipelines });
  });

  let firstCall = true;
  return {
    id,
    consume(data: TracesData) {
      const groups: { pipelines: readonly string[]; data: TracesData }[] = [];
      const group = (pipelines: readonly string[], rss: ResourceSpans[]): void => {
        if (rss.length > 0) groups.push({ pipelines, data: { resourceSpans: rss } });
      };
      const errors: string[] = [];
      let remaining = data.resourceSpans;
      for (const route of routes) {
        if (remaining.length === 0) break;
        const cond = route.condition;
        const matched: ResourceSpans[] = [];
        const check = (r: ReturnType<CompiledCondition['evaluate']>): boolean => {
          if (r.ok) return r.value;
          errors.push(r.error);
          return false; // ignore/silent: the failing item does not match
        };
        if (route.context === 'resource' && cond) {
          remaining = remaining.filter((rs) => {
            if (!check(cond.evaluate(resourceContext(rs)))) return true;
            matched.push(rs);
            return false;
          });
        } else if (route.context === 'span' && cond) {
          for (const rs of remaining) {
            let dest: ResourceSpans | undefined;
            for (const ss of rs.scopeSpans) {
              let destScope: ScopeSpans | undefined;
              ss.spans = ss.spans.filter((span) => {
                if (!check(cond.evaluate(spanContext(rs, ss, span)))) return true;
                if (!dest) {
                  dest = emptyResourceSpansLike(rs);
                  matched.push(dest);
                }
                if (!destScope) {
                  destScope = emptyScopeSpansLike(ss);
                  dest.scopeSpans.push(destScope);
                }
                destScope.spans.push(span);
                return false;
              });
            }
            rs.scopeSpans = rs.scopeSpans.filter((ss) => ss.spans.length > 0);
          }
          remaining = remaining.filter((rs) => rs.scopeSpans.length > 0);
        }
        if (errors.length > 0) {
          if (errorMode === 'propagate') return { emitted: [], error: errors.join('; ') };
          // Quirk [code]: once an error occurred, matched items also go to the defaults.
          group(defaults, cloneTraces({ resourceSpans: matched }).resourceSpans);
        }
        group(route.pipelines, matched);
      }
      group(defaults, remaining);
      const emitted: Emission[] = [];
      for (const g of groups)
        g.pipelines.forEach((port, i) => emitted.push({ data: i === 0 ? g.data : cloneTraces(g.data), port }));
      const out = firstCall && issues.length > 0 ? { emitted, issues } : { emitted };
      firstCall = false;
      return out;
    },
    advance: () => ({ emitted: [] }),
    flush: () => ({ emitted: [] }),
  };
}
