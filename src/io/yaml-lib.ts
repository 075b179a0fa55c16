// The one door to eemeli/yaml (the position-keeping parser and Document API). It is loaded on
// first use, so commands that only read valid files (check, commitments) never evaluate it: they
// go through the fast path in yaml-source.ts. The bundler sees the literal require("yaml") and
// bundles the package as a lazily evaluated module; unbundled (tests), createRequire loads it.
import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

declare const require: ((id: "yaml") => typeof YamlModule) | undefined;

let loaded: typeof YamlModule | undefined;

export function yamlLib(): typeof YamlModule {
  loaded ??=
    typeof require === "function" ? require("yaml") : (createRequire(import.meta.url)("yaml") as typeof YamlModule);
  return loaded;
}
