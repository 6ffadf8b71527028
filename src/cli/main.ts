/**
 * `pipeline-studio`: the same core as the app, run in Node (validate, simulate, conformance, graph).
 * Exit codes: 0 success / valid, 1 invalid or failing cases, 2 usage or read error.
 */
import { conformanceCommand } from './commands/conformance';
import { graphCommand } from './commands/graph';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import { type CliIo, nodeIo, UsageError } from './io';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

// Each command lives in commands/<name>.ts; this list is the help order.
const commands: Command[] = [validateCommand, simulateCommand, conformanceCommand, graphCommand];

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'pipeline-studio: design, validate and preview OpenTelemetry Collector pipelines',
    '',
    'Usage: pipeline-studio <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `pipeline-studio <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 invalid config or failed cases, 2 usage or read error.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('pipeline-studio 0.1.0');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`pipeline-studio: unknown command "${name}" (try --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: pipeline-studio ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pipeline-studio ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
