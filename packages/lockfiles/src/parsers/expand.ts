const MAX_DEPTH = 10;

/**
 * Replaces every reference (`${name}` in Maven, `$(Name)` in MSBuild: the pattern's first group is
 * the name) by its property, properties referring to properties included. Undefined when one is
 * missing (defined elsewhere: a parent pom, the command line, a property function) or refers back
 * to itself, since a half-resolved version is not a version.
 */
export function expandReferences(
  raw: string | undefined,
  reference: RegExp,
  props: ReadonlyMap<string, string>,
): string | undefined {
  let value = raw;
  for (let depth = 0; value !== undefined && new RegExp(reference.source).test(value); depth++) {
    if (depth === MAX_DEPTH) return undefined;
    let missing = false;
    value = value.replace(new RegExp(reference.source, 'g'), (_, name: string) => {
      const v = props.get(name.trim());
      if (v === undefined) missing = true;
      return v ?? '';
    });
    if (missing) return undefined;
  }
  return value?.trim() || undefined;
}
