import { UserError, type ActionMetadata } from '@slipway/action-kit/lite';

/** A mistake in the command line itself (exit code 2), as opposed to a mistake in what it asks for (1). */
export class UsageError extends UserError {}

/** Parsed command line: the action's inputs by name, and the CLI's own switches. */
export interface ParsedFlags {
  inputs: Record<string, string>;
  json: boolean;
  help: boolean;
}

/** How a CLI-only command reads its command line beyond `--name value`. */
export interface CommandLineShape {
  /** The input a bare first argument gives (slipway pipeline <workflow>). */
  positional?: string;
  /** Inputs that may be given more than once; their values are joined one per line. */
  repeatable?: readonly string[];
}

/** Reads `--input value` and `--input=value` for each input action.yml declares; anything else is an error that lists them. */
export function parseFlags(
  metadata: ActionMetadata,
  argv: readonly string[],
  shape: CommandLineShape = {},
): ParsedFlags {
  const parsed: ParsedFlags = { inputs: {}, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') && shape.positional && parsed.inputs[shape.positional] === undefined) {
      parsed.inputs[shape.positional] = arg;
      continue;
    }
    if (arg === '--json') parsed.json = true;
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (!metadata.inputs[name]) {
        throw new UsageError(
          `unknown flag --${name}.`,
          {},
          `${metadata.name} takes: ${Object.keys(metadata.inputs)
            .map((n) => `--${n}`)
            .join(', ')}, --json, --help.`,
        );
      }
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined)
        throw new UsageError(
          `--${name} needs a value.`,
          {},
          `For example: --${name} ${metadata.inputs[name]!.default || 'VALUE'}`,
        );
      if (parsed.inputs[name] !== undefined && shape.repeatable?.includes(name))
        parsed.inputs[name] = `${parsed.inputs[name]}\n${value}`;
      else parsed.inputs[name] = value;
    } else {
      throw new UsageError(`unexpected argument '${arg}'.`, {}, 'Flags take the form --name value.');
    }
  }
  return parsed;
}

/** The help text for an action, generated from its metadata. */
export function helpText(metadata: ActionMetadata): string {
  const width = Math.max(...Object.keys(metadata.inputs).map((n) => n.length), 4) + 4;
  const lines = [`slipway ${metadata.name} [flags]`, '', metadata.description, '', 'Flags (from action.yml):'];
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    lines.push(`  --${name.padEnd(width)}${spec.description}${spec.default ? ` (default: ${spec.default})` : ''}`);
  }
  lines.push(
    `  --${'json'.padEnd(width)}Print the outputs as one JSON object.`,
    `  --${'help'.padEnd(width)}Show this text.`,
  );
  return lines.join('\n');
}
