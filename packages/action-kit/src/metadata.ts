/** One input as declared in action.yml. */
export interface InputSpec {
  description: string;
  required?: boolean;
  default?: string;
}

/** One output as declared in action.yml. */
export interface OutputSpec {
  description: string;
}

/** The parts of action.yml the runtime needs; generated from action.yml so it cannot drift. */
export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Readonly<Record<string, InputSpec>>;
  outputs: Readonly<Record<string, OutputSpec>>;
}

/** The environment variable the runner sets for an input: spaces become underscores, upper-cased. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
