/** Rewrites ajv standalone `require()` calls into ESM namespace imports (see rewriteRequires.mjs). */
export declare function rewriteRequires(code: string): string;
