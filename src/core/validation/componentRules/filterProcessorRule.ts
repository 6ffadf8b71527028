/** `filter` processor: mixed configuration styles and OTTL syntax (stage V, config-semantics §6.4). */
import type { ComponentRule } from './componentRule';
import { ottlConditionSyntaxError } from './ottlConditionSyntax';
import type { Issue, Path, RuleReader } from './ruleReader';

const LEGACY: Record<string, { settings: string[]; matchKey: string; matchWords: string }> = {
  traces: { settings: ['resource', 'span', 'spanevent'], matchKey: 'spans', matchWords: 'the span settings "spans.include", "spans.exclude"' },
  metrics: { settings: ['resource', 'metric', 'datapoint'], matchKey: 'metrics', matchWords: 'the settings "metrics.include", "metrics.exclude"' },
  logs: { settings: ['resource', 'log_record'], matchKey: 'logs', matchWords: 'the settings "logs.include", "logs.exclude"' },
};
const INFERRED: [string, string, string][] = [
  ['trace_conditions', 'trace', 'traces'],
  ['metric_conditions', 'metric', 'metrics'],
  ['log_conditions', 'log', 'logs'],
  ['profile_conditions', 'profile', 'profiles'],
];

function quoted(section: string, settings: string[]): string {
  return settings.map((s) => `"${section}.${s === 'log_record' ? 'log' : s}"`).join(', ');
}

function checkConditions(list: unknown, path: Path, issue: Issue): void {
  if (!Array.isArray(list)) return;
  list.forEach((c, i) => {
    if (typeof c !== 'string' || c.includes('${')) return;
    const error = ottlConditionSyntaxError(c);
    if (error) issue(`unable to parse OTTL condition ${JSON.stringify(c)}: condition has invalid syntax: ${error}`, [...path, i]);
  });
}

function legacyUsed(cfg: RuleReader, section: string): boolean {
  return LEGACY[section]!.settings.some((s) => (cfg.list([section, s]) ?? []).length > 0);
}

export const filterProcessorRule: ComponentRule = {
  validate(cfg, issue) {
    for (const [section, { settings, matchKey, matchWords }] of Object.entries(LEGACY)) {
      const legacy = legacyUsed(cfg, section);
      if (legacy && (cfg.has([matchKey, 'include']) || cfg.has([matchKey, 'exclude']))) {
        issue(`cannot use ${quoted(section, settings)} and ${matchWords} at the same time`, [section]);
      }
      for (const s of settings) checkConditions(cfg.raw([section, s]), [section, s], issue);
    }
    for (const [key, word, section] of INFERRED) {
      const list = cfg.list([key]);
      if (!list || list.length === 0) continue;
      const legacy = LEGACY[section];
      if (legacy && legacyUsed(cfg, section)) {
        issue(`cannot use context inferred ${word} conditions "${key}" and the settings ${quoted(section, legacy.settings)} at the same time`, [key]);
      }
      const strings = list.filter((c) => typeof c === 'string').length;
      if (strings > 0 && strings < list.length) {
        issue('configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration', [key]);
        continue;
      }
      if (strings > 0) checkConditions(list, [key], issue);
      else list.forEach((group, i) => checkConditions((group as Record<string, unknown> | null)?.conditions, [key, i, 'conditions'], issue));
    }
  },
};
