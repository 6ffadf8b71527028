// ajv's standalone "ESM" output still calls require() for runtime helpers (ucs2length for
// minLength/maxLength, equal for uniqueItems/const/enum of objects). This rewrites each call to a
// namespace import plus a helper that unwraps `.default` until it reaches a function, because CJS
// default interop differs between Vite, Vitest and Node (web-stack.md, CSP section).

/** @param {string} code @returns {string} */
export function rewriteRequires(code) {
  const imports = new Map();
  const body = code.replace(/require\(("[^"]+")\)(\.default)?/g, (_, spec) => {
    const path = JSON.parse(spec);
    const file = path.endsWith('.js') ? path : `${path}.js`;
    if (!imports.has(file)) imports.set(file, `__runtime${imports.size}`);
    return `__unwrap(${imports.get(file)})`;
  });
  if (/\brequire\(/.test(body)) throw new Error('rewriteRequires: a require() call survived the rewrite');
  const header = [
    ...[...imports].map(([file, ns]) => `import * as ${ns} from ${JSON.stringify(file)};`),
    'function __unwrap(m) { let v = m; for (let i = 0; i < 4 && typeof v !== "function" && v && "default" in v; i++) v = v.default; return v; }',
  ].join('\n');
  return `${header}\n${body}`;
}
