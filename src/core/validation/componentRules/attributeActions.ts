/**
 * `internal/coreinternal/attraction` checks, run by the attributes and resource processor
 * factories (stage B, only for used components; config-semantics §6.4).
 */
import type { Issue, Path } from './ruleReader';

const ACTIONS = ['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'];
const CONVERTED = ['string', 'int', 'double'];

function compiles(pattern: string): boolean {
  try {
    // Go RE2 named groups are (?P<name>...); JavaScript spells them (?<name>...).
    new RegExp(pattern.replace(/\(\?P</g, '(?<'));
    return true;
  } catch {
    return false;
  }
}

/** Checks one `actions` list; `base` is its path in the body. Reports the first problem, as the factory does. */
export function checkAttributeActions(actions: readonly unknown[], base: Path, issue: Issue): void {
  for (let i = 0; i < actions.length; i++) {
    const a = (actions[i] ?? {}) as Record<string, unknown>;
    const at: Path = [...base, i];
    const action = typeof a.action === 'string' ? a.action.toLowerCase() : '';
    const key = typeof a.key === 'string' ? a.key : '';
    const pattern = typeof a.pattern === 'string' ? a.pattern : '';
    const has = (k: string): boolean => a[k] !== undefined && a[k] !== null && a[k] !== '';
    const valueSources = ['value', 'from_attribute', 'from_context'].filter(has).length;
    const fail = (message: string, field?: string): void => issue(message, field ? [...at, field] : at);

    if (!ACTIONS.includes(action)) return fail(`error creating AttrProc due to unsupported action ${JSON.stringify(action)} at the ${i}-th actions`, 'action');
    if (action !== 'delete' && action !== 'hash' && key === '') return fail(`error creating AttrProc due to missing required field "key" at the ${i}-th actions`);
    if ((action === 'delete' || action === 'hash') && key === '' && pattern === '') {
      return fail(`error creating AttrProc due to missing required field (at least one of "key" and "pattern" have to be used) at the ${i}-th actions`);
    }
    switch (action) {
      case 'insert':
      case 'update':
      case 'upsert':
        if (valueSources === 0) return fail(`error creating AttrProc. Either field "value", "from_attribute" or "from_context" setting must be specified for ${i}-th action`);
        if (valueSources > 1) return fail(`error creating AttrProc due to multiple value sources being set at the ${i}-th actions`);
        if (pattern !== '') return fail(`error creating AttrProc. Action "${action}" does not use the "pattern" field. This must not be specified for ${i}-th action`, 'pattern');
        if (has('converted_type')) return fail(`error creating AttrProc. Action "${action}" does not use the "converted_type" field. This must not be specified for ${i}-th action`, 'converted_type');
        break;
      case 'delete':
      case 'hash':
        if (has('value') || has('from_attribute')) return fail(`error creating AttrProc. Action "${action}" does not use "value" or "from_attribute" field. These must not be specified for ${i}-th action`);
        if (pattern !== '' && !compiles(pattern)) return fail(`error creating AttrProc. Field "pattern" has invalid pattern: "${pattern}" to be set at the ${i}-th actions`, 'pattern');
        break;
      case 'extract': {
        if (valueSources > 0) return fail(`error creating AttrProc. Action "${action}" does not use a value source field. These must not be specified for ${i}-th action`);
        if (pattern === '') return fail(`error creating AttrProc due to missing required field "pattern" for action "${action}" at the ${i}-th action`);
        if (!compiles(pattern)) return fail(`error creating AttrProc. Field "pattern" has invalid pattern: "${pattern}" to be set at the ${i}-th actions`, 'pattern');
        const groups = pattern.match(/\((?!\?)|\(\?P?<[^>=!]/g) ?? [];
        const named = groups.filter((g) => g !== '(').length;
        if (named === 0) return fail(`error creating AttrProc. Field "pattern" contains no named matcher groups at the ${i}-th actions`, 'pattern');
        if (named < groups.length) return fail(`error creating AttrProc. Field "pattern" contains at least one unnamed matcher group at the ${i}-th actions`, 'pattern');
        break;
      }
      case 'convert': {
        const converted = typeof a.converted_type === 'string' ? a.converted_type : '';
        if (valueSources > 0 || pattern !== '') return fail(`error creating AttrProc. Action "${action}" does not use value sources or "pattern" field. These must not be specified for ${i}-th action`);
        if (converted === '') return fail(`error creating AttrProc due to missing required field "converted_type" for action "${action}" at the ${i}-th action`);
        if (!CONVERTED.includes(converted)) return fail(`error creating AttrProc due to invalid value "${converted}" in field "converted_type" for action "${action}" at the ${i}-th action`, 'converted_type');
        break;
      }
    }
  }
}
