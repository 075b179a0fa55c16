// The one door to eemeli/yaml (the position-keeping parser and Document API). It is required
// on first use, so commands that only read valid files (check, commitments) never load it:
// they go through the fast path in yaml-source.ts.
import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

let loaded: typeof YamlModule | undefined;

export function yamlLib(): typeof YamlModule {
  loaded ??= createRequire(import.meta.url)("yaml") as typeof YamlModule;
  return loaded;
}
