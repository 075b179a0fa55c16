// The YAML 1.2 core schema for js-yaml, written to resolve every plain scalar exactly as
// eemeli/yaml's core schema does (same patterns, same conversions). js-yaml's own CORE_SCHEMA
// differs (it reads `0b101` as 5, `1_000` as 1000); the fast path must never read a value
// differently from the position-keeping parser. A property test holds the two to this.
import jsYaml from "js-yaml";

const intResolve = (text: string, offset: number, radix: number) => {
  const sign = text[0];
  const start = sign === "-" || sign === "+" ? offset + 1 : offset;
  const n = Number.parseInt(text.substring(start).replace(/_/g, ""), radix);
  return sign === "-" ? -1 * n : n;
};

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(tag, {
    kind: "scalar",
    resolve: (data: string | null) => data !== null && test.test(data),
    construct,
  });

const INT = "tag:yaml.org,2002:int";
const FLOAT = "tag:yaml.org,2002:float";

const nullType = new jsYaml.Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
  construct: () => null,
});
const boolType = scalar(
  "tag:yaml.org,2002:bool",
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  (text) => text[0] === "t" || text[0] === "T",
);

/** One js-yaml type per tag: a tag resolves if any of its patterns matches. */
function union(tag: string, cases: Array<[RegExp, (text: string) => unknown]>) {
  return new jsYaml.Type(tag, {
    kind: "scalar",
    resolve: (data: string | null) => data !== null && cases.some(([test]) => test.test(data)),
    construct: (data: string) => {
      const match = cases.find(([test]) => test.test(data));
      return match ? match[1](data) : data;
    },
    predicate: (value: unknown) => typeof value === "number",
    represent: (value: unknown) => String(value),
  });
}

const intType = union(INT, [
  [/^0o[0-7]+$/, (t) => intResolve(t, 2, 8)],
  [/^[-+]?[0-9]+$/, (t) => intResolve(t, 0, 10)],
  [/^0x[0-9a-fA-F]+$/, (t) => intResolve(t, 2, 16)],
]);
const floatType = union(FLOAT, [
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (t) =>
      t.slice(-3).toLowerCase() === "nan"
        ? Number.NaN
        : t[0] === "-"
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY,
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (t) => Number.parseFloat(t.replace(/_/g, ""))],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (t) => Number.parseFloat(t.replace(/_/g, ""))],
]);

/** Failsafe (str, seq, map) plus the YAML 1.2 core scalars, resolved as eemeli/yaml resolves them. */
export const CORE_12 = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
