/**
 * `pipeline-studio conformance FILE_OR_DIR...`: runs executable spec vectors. A directory with a
 * `cases.json` runs the validation cases; other JSON files (in a directory or given directly)
 * go to the first suite whose detector claims them. Adding a suite is one entry in `SUITES`.
 * Exit 0 all passed, 1 any failure, 2 usage or read error.
 */
import { detectProcessorVectorFile, runProcessorVectorFile } from '../../core/processors/processorVectors';
import { detectSamplingVectorFile, runSamplingVectorFile } from '../../core/sampling/samplingVectors';
import { isValidationCaseList, runValidationCases, type CaseOutcome } from '../../core/validation/validationCaseRunner';
import { type CliIo, UsageError } from '../io';
import type { Command } from '../main';

/** A kind of vector file: `detect` looks at parsed JSON, `run` returns one outcome per case. */
export interface ConformanceSuite {
  readonly name: string;
  detect(json: unknown): boolean;
  run(name: string, json: unknown, files: ReadonlyMap<string, string>): CaseOutcome[];
  /** Other files the vectors name (read before `run`, relative to the JSON file's folder). */
  dependencies?(json: unknown): string[];
}

const validationCasesSuite: ConformanceSuite = {
  name: 'validation cases',
  detect: isValidationCaseList,
  dependencies: (json) => (json as { file: string }[]).map((c) => c.file),
  run(_name, json, files) {
    return runValidationCases(json as Parameters<typeof runValidationCases>[0], (file) => {
      const text = files.get(file);
      if (text === undefined) throw new Error('not found');
      return text;
    });
  },
};

const samplingVectorsSuite: ConformanceSuite = {
  name: 'sampling vectors',
  detect: detectSamplingVectorFile,
  run: (name, json) => runSamplingVectorFile(name.slice(name.lastIndexOf('/') + 1), json),
};

const processorVectorsSuite: ConformanceSuite = {
  name: 'processor vectors',
  detect: detectProcessorVectorFile,
  run: (_name, json) => runProcessorVectorFile(json),
};

const SUITES: ConformanceSuite[] = [validationCasesSuite, processorVectorsSuite, samplingVectorsSuite];

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

async function runJsonFile(path: string, io: CliIo, required: boolean): Promise<{ suite: string; outcomes: CaseOutcome[] } | null> {
  const text = await io.readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!required) return null;
    throw new UsageError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const suite = SUITES.find((s) => s.detect(json));
  if (!suite) {
    if (required) throw new UsageError(`${path}: no conformance suite recognises this file`);
    return null;
  }
  const files = new Map<string, string>();
  for (const dep of suite.dependencies?.(json) ?? []) {
    try {
      files.set(dep, await io.readText(`${dirOf(path)}${dep}`));
    } catch {
      // A missing file fails its own case (the runner reports it), not the whole run.
    }
  }
  return { suite: suite.name, outcomes: suite.run(path, json, files) };
}

export const conformanceCommand: Command = {
  name: 'conformance',
  summary: 'Run spec vectors (validation cases, engine vectors) and report pass/fail per case',
  usage: 'conformance FILE_OR_DIR...',
  async run(args, io) {
    const unknown = args.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`unknown option ${unknown}`);
    if (args.length === 0) throw new UsageError('expects at least one FILE_OR_DIR');
    let passed = 0;
    let failed = 0;
    let suites = 0;
    const print = (result: { suite: string; outcomes: CaseOutcome[] }, source: string): void => {
      suites++;
      io.out(`# ${source} (${result.suite})`);
      for (const o of result.outcomes) {
        if (o.passed) passed++;
        else failed++;
        io.out(o.passed ? `PASS ${o.id}` : `FAIL ${o.id}: ${o.message ?? 'failed'}`);
      }
    };
    for (const arg of args) {
      if (await io.isDirectory(arg)) {
        const dir = arg.endsWith('/') ? arg : `${arg}/`;
        const entries = (await io.list(arg)).filter((e) => e.endsWith('.json'));
        for (const entry of entries) {
          const result = await runJsonFile(`${dir}${entry}`, io, false);
          if (result) print(result, `${dir}${entry}`);
        }
      } else {
        const result = await runJsonFile(arg, io, true);
        if (result) print(result, arg);
      }
    }
    if (suites === 0) throw new UsageError(`no conformance vectors found in ${args.join(' ')}`);
    io.out(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  },
};
