import { configDefaults, defineConfig } from "vitest/config";

// Suites that drive a real client program — LibreOffice Writer and Calc opening what lokmin wrote,
// chromium walking the browser app — run apart from the core suite: `npm run test:clients`
// (`vitest run --mode clients`); CI runs both. They need Debian packages (.ci/run installs them) and
// take most of the time, so the edit-test loop (`npm test`) stays near 25 s. tests/package drives
// the executables of `npm run package` (Wine for Windows) and runs only when named
// (`npx vitest run tests/package`). Naming any file runs it, whichever group it is in.
const CLIENT_SUITES = [
  "tests/browser/**",
  "tests/e2e/render.test.ts",
  "tests/e2e/word-templates.test.ts",
  "tests/e2e/form-libreoffice.test.ts",
  "tests/e2e/method-totals-calc.test.ts",
  "tests/e2e/summary-xlsx-calc.test.ts",
];
const PACKAGE_SUITES = ["tests/package/**"];

const named = (globs: string[]) =>
  process.argv.some((arg) => globs.some((glob) => arg.replaceAll("\\", "/").includes(glob.replace("/**", ""))));

export default defineConfig(({ mode }) => {
  const clients = mode === "clients";
  return {
    test: {
      include: clients
        ? CLIENT_SUITES.map((glob) => (glob.endsWith("/**") ? `${glob}/*.test.ts` : glob))
        : ["tests/**/*.test.ts"],
      exclude: [
        ...configDefaults.exclude,
        ...(clients || named(CLIENT_SUITES) ? [] : CLIENT_SUITES),
        ...(named(PACKAGE_SUITES) ? [] : PACKAGE_SUITES),
      ],
      globalSetup: ["tests/global-setup.ts"],
      setupFiles: ["tests/setup.ts"],
      // Timeouts catch a hang, never slowness: on the 2-core machine beside other work a test that
      // takes 3 s quiet has taken 50 s (`npm run test:load`). A test that times out is failed, and
      // tests/setup.ts finishes what it left running before the next test starts.
      testTimeout: 180_000,
      hookTimeout: 600_000,
      maxWorkers: 2,
      // Test files share a worker's loaded modules instead of importing src/ afresh for each file
      // (42 s → 26 s here); no test mocks modules or changes module state that another reads.
      isolate: false,
      // Transformed test and source files kept on disk between runs (node_modules/
      // .experimental-vitest-cache, keyed by content): about 2 s of CPU less per run after the
      // first. `npx vitest run --clearCache` empties it.
      experimental: { fsModuleCache: true },
      coverage: {
        provider: "v8" as const,
        include: ["src/**/*.ts"],
        reporter: ["text-summary", "text", "html"],
        reportsDirectory: "coverage",
      },
    },
  };
});
