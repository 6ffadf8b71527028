/**
 * `pipeline-studio validate FILE... [--distro NAME] [--env KEY=VALUE]... [--format text|json]`:
 * the same staged validator as the app; files merged in order like repeated `--config` flags.
 * Exit 0 valid, 1 invalid, 2 usage or read error.
 */
import { DEFAULT_DISTRIBUTION, isKnownDistribution, listDistributions } from '../../core/catalog/catalog';
import { validateFiles } from '../../core/validation/validateFiles';
import { UsageError } from '../io';
import type { Command } from '../main';

interface ValidateArgs {
  readonly files: string[];
  readonly distribution: string;
  readonly env: Record<string, string>;
  readonly format: 'text' | 'json';
}

function parseArgs(args: readonly string[]): ValidateArgs {
  const files: string[] = [];
  const env: Record<string, string> = {};
  let distribution = DEFAULT_DISTRIBUTION;
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      return value;
    };
    if (flag === '--distro' || flag === '--distribution') {
      distribution = takeValue();
      if (!isKnownDistribution(distribution)) {
        throw new UsageError(`unknown distribution "${distribution}" (one of: ${listDistributions().map((d) => d.id).join(', ')})`);
      }
    } else if (flag === '--env') {
      const pair = takeValue();
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--env expects KEY=VALUE, got "${pair}"`);
      env[pair.slice(0, at)] = pair.slice(at + 1);
    } else if (flag === '--format') {
      const value = takeValue();
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be text or json, got "${value}"`);
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('expects at least one FILE');
  return { files, distribution, env, format };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Validate Collector configs like `otelcol validate` (plus start-up checks and advice)',
  usage: 'validate FILE... [--distro NAME] [--env KEY=VALUE]... [--format text|json]',
  async run(args, io) {
    const options = parseArgs(args);
    const files = [];
    for (const name of options.files) files.push({ name, text: await io.readText(name) });
    const result = validateFiles(files, { distribution: options.distribution, env: options.env });
    if (options.format === 'json') {
      const rows = result.diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.range?.start.line ?? null,
        column: d.range?.start.column ?? null,
        componentId: d.componentId ?? null,
        pipelineId: d.pipelineId ?? null,
        stage: d.stage,
        origin: d.origin,
        code: d.code,
        atStartup: d.atStartup ?? false,
        docsUrl: d.docsUrl ?? null,
      }));
      io.out(JSON.stringify(rows, null, 2));
    } else {
      for (const d of result.diagnostics) {
        const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
        const startup = d.atStartup ? ' (at start-up)' : '';
        io.out(`${where}: ${d.severity}: ${d.message.replace(/\n/g, ' ')}${startup}`);
      }
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      io.err(`${result.valid ? 'valid' : 'invalid'}: ${errors} error(s), ${warnings} warning(s) (distribution ${options.distribution})`);
    }
    return result.valid ? 0 : 1;
  },
};
