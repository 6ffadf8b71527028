/** Helpers shared by the OTTL editors and converters. */
import { compileGoRegexp } from './goRegexp';
import { OttlCompileError } from './ottlValue';

/** Compile a literal regexp argument at start-up; an invalid pattern rejects the config (§1.9). */
export function compileLiteralRegexp(pattern: string, global = false): RegExp {
  const r = compileGoRegexp(pattern, global);
  if (!r.ok) throw new OttlCompileError(`the regex pattern supplied is not a valid pattern: ${r.error}`);
  return r.re;
}
