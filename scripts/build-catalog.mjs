// Generates src/core/catalog/catalogData.json, the compact component catalogue the app and the
// CLI ship, from reference/components/registry.json (copied unmodified from shared/components).
// `src/core/catalog/catalogData.test.ts` fails when the two drift apart; rerun this script then.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildCatalog(registry) {
  const repoUrl = {
    core: 'https://github.com/open-telemetry/opentelemetry-collector/tree/main/',
    contrib: 'https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/',
  };
  const components = registry.components.map((c) => ({
    type: c.type,
    kind: c.kind,
    deprecatedTypes: c.deprecated_types ?? [],
    displayName: c.display_name ?? c.type,
    description: c.description ?? '',
    signals: c.signals ?? [],
    signalPairs: c.signal_pairs ?? [],
    stability: c.stability ?? {},
    distributions: c.distributions ?? [],
    docsUrl: c.path && repoUrl[c.repo] ? `${repoUrl[c.repo]}${c.path}` : null,
    ...(c.subtype ? { subtype: c.subtype } : {}),
  }));
  const distributions = [...new Set(components.flatMap((c) => c.distributions))].sort();
  return {
    generatedFrom: 'reference/components/registry.json',
    collectorVersion: registry.source.version,
    distributions,
    components,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const registry = JSON.parse(readFileSync(`${root}reference/components/registry.json`, 'utf8'));
  writeFileSync(`${root}src/core/catalog/catalogData.json`, `${JSON.stringify(buildCatalog(registry))}\n`);
  console.log('wrote src/core/catalog/catalogData.json');
}
