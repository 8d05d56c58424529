/*
 * The production webpack build (made once per run, into a temporary directory so that a developer's
 * dist/ is left alone: test/helpers/productionBuild.ts), checked for what Excel will load: the
 * function metadata, the pages (help.html, which every help link opens, included), the manifest
 * rewritten for deployment, and that nothing remote but office.js is referenced.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { BUILD_HOOK_LIMIT_MS } from "../helpers/limits";
import {
  PUBLIC_URL,
  ROOT,
  productionBuild,
  productionBuildStatsFile,
} from "../helpers/productionBuild";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Both names are compiled into every React build; the task pane bundle must have them, functions.js not.
const REACT_MARKERS = ["__SECRET_INTERNALS", "reactjs.org/docs/error-decoder"];

/** The pages' Content-Security-Policy, as html-webpack-plugin writes it (minified or not). */
const CSP_META = /<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]*)"\s*\/?>/;

let outDir: string;
const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");

interface FunctionParameter {
  name: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  helpUrl?: string;
  parameters: FunctionParameter[];
  result: { dimensionality?: string };
  options?: { requiresParameterAddresses?: boolean };
}

beforeAll(async () => {
  outDir = await productionBuild();
}, BUILD_HOOK_LIMIT_MS);

describe("production build", () => {
  test("writes the pages, bundles, metadata, manifest and icons", () => {
    const expected = [
      "functions.json",
      "functions.js",
      "functions.html",
      "help.html",
      "taskpane.js",
      "taskpane.html",
      "manifest.xml",
    ];
    for (const file of expected) expect(fs.existsSync(path.join(outDir, file))).toBe(true);
    const icons = fs.readdirSync(path.join(ROOT, "assets"));
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(fs.existsSync(path.join(outDir, "assets", icon))).toBe(true);
  });

  describe("functions.json", () => {
    const functions = () =>
      (JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] }).functions;
    const byId = (id: string) => {
      const found = functions().find((f) => f.id === id);
      if (!found) throw new Error(`functions.json has no ${id}`);
      return found;
    };
    const parameters = (id: string) =>
      byId(id).parameters.map((p) => ({ name: p.name, optional: p.optional === true }));

    test("lists the six BUDGET functions under upper-case names", () => {
      expect(
        functions()
          .map((f) => f.id)
          .sort()
      ).toEqual(["AMOUNT", "CHECK", "NAME", "ROLLUP", "SUM", "WANYUAN"]);
      for (const f of functions()) expect(f.name).toBe(f.id);
    });

    test("declares each function's parameters as functions.ts does", () => {
      expect(parameters("ROLLUP")).toEqual([
        { name: "codes", optional: false },
        { name: "amounts", optional: false },
        { name: "names", optional: true },
        { name: "depth", optional: true },
      ]);
      expect(
        byId("SUM").parameters.map((p) => [p.name, p.optional === true, p.repeating === true])
      ).toEqual([
        ["codes", false, false],
        ["amounts", false, false],
        ["prefix", false, true],
      ]);
      // The invocation parameter is supplied by Excel and is not part of the metadata.
      expect(parameters("CHECK")).toEqual([
        { name: "table", optional: false },
        { name: "kind", optional: true },
        { name: "header", optional: true },
      ]);
      // Every function asks Excel where its arguments are, so that its messages name sheet rows.
      for (const f of functions()) expect(f.options?.requiresParameterAddresses).toBe(true);
      expect(parameters("NAME")).toEqual([{ name: "code", optional: false }]);
      expect(parameters("AMOUNT")).toEqual([{ name: "text", optional: false }]);
      expect(parameters("WANYUAN")).toEqual([
        { name: "yuan", optional: false },
        { name: "decimals", optional: true },
      ]);
    });

    test("spills ROLLUP, SUM and CHECK results", () => {
      expect(byId("ROLLUP").result.dimensionality).toBe("matrix");
      expect(byId("SUM").result.dimensionality).toBe("matrix");
      expect(byId("CHECK").result.dimensionality).toBe("matrix");
    });

    test("has its help links rewritten to the deployment, each to its section of help.html", () => {
      expect(read("functions.json")).not.toContain("localhost");
      const help = read("help.html");
      for (const f of functions()) {
        const url = new URL(f.helpUrl ?? "");
        expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}help.html`);
        expect(url.hash).toBe(`#${f.id.toLowerCase()}`);
        expect(help).toContain(`<section id="${url.hash.slice(1)}"`);
      }
    });
  });

  test("taskpane.html loads the functions and the task pane; functions.html the functions only", () => {
    const scripts = (html: string) =>
      [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    // One runtime, and the core both the functions' bodies and the pane use, loaded once. The
    // functions register at once and load their bodies (with the core) on their first call.
    expect(scripts(read("taskpane.html"))).toEqual([
      OFFICE_JS,
      "runtime.js",
      "functions.js",
      "core.js",
      "taskpane.js",
    ]);
    expect(scripts(read("functions.html"))).toEqual([OFFICE_JS, "runtime.js", "functions.js"]);
  });

  /*
   * What Excel downloads and runs before the pane shows the first check's findings: the scripts of
   * taskpane.html, then the chunks of the two dynamic imports on that path, read from the build's
   * chunk graph (webpack stats): the Office host (src/taskpane/excel/defaultHost.ts, before the pane
   * mounts) and the engine (src/taskpane/actions.ts, runCheck). Every other dynamic import must be
   * named as loaded later, so a new one on the check path cannot go uncounted.
   * Gzip level 6, as web servers send it; 1 KB = 1024 bytes. Issue 12's goal is 200 KB and is not
   * met. The bound is a ratchet at what the build reaches now, so that it can only go down unless a
   * commit raises it and says why. It was 256 KB at 252 KB measured (React and Fluent UI are ~150 of
   * it). Raised to 268 KB at 263 KB measured (269,349 bytes): the provinces became one registry of
   * data that the checker loads with the templates, narrative styles and 名词解释 included (+~4 KB,
   * with the fourth set), and the 上年公开文件 picker joined the Check step (+2.6 KB). Lowered to
   * 255 KB at 253.5 KB measured (259,603 bytes; 254.6 KB, 260,725 bytes, with main's check path of
   * the same day merged in): the provinces' 情况说明 wording and 名词解释 load with
   * the content chunk (templates/narratives.ts, −3.4 KB), and the pane's makeStyles are compiled
   * ahead of time (@griffel/webpack-loader), so no CSS compiler ships (−6.6 KB). Measured and left
   * out because they made it larger: the 生成/导出 steps, or the two dialogs, in a chunk of their own
   * (Fluent's modules used from two chunks lose webpack's scope hoisting); `sideEffects: false` for
   * src/core (webpack split the check path's shared chunk in two, +0.8 KB). Measured 255.1 KB once
   * the same day's check-path speedups (money and rounding caches) landed; lowered to 252 KB at
   * 251.2 KB measured: the Office host's writing half (sheetWriter.ts with layout.ts) loads on the
   * first 生成 (office-host.js 7.2 → 3.2 KB). Lowered to 226 KB at 225.1 KB measured (230,510
   * bytes): the engine loads what only some workbooks need only for them (core/check/withParts.ts):
   * the rules that need a 情况说明 or last year's file, with core/narrative (check-input-rules), and
   * the drawing of a ledger's tables (check-ledger); the quick fixes, which check again with every
   * part, on the first 修正 (fixes); last year's remembered file only when one is remembered
   * (previous-year); and the engine's modules in one chunk (check.js). A workbook with a 情况说明, a
   * ledger or last year's file loads those chunks before its findings too: the bound is that of a
   * workbook without them, such as tunliu. Raised to 228 KB at 226.7 KB measured (232,127 bytes):
   * the same day's reading work in the engine (codes split over 类 | 款 | 项 columns, formulas'
   * saved results, columns of mistyped amounts) added 1.6 KB. Lowered to 216 KB at 214.8 KB
   * measured (219,944 bytes): the 生成/导出 steps and the 修正 dialog load once the first findings
   * are on screen (later-steps, with Dialog, Checkbox and ProgressBar; −2.6 KB), Fluent's modules
   * read their theme tokens as the CSS variables they are (scripts/fluentTokensLoader.js), so that
   * sharing modules with that chunk does not make the first bundle carry the whole tokens object
   * (−3.3 KB), and the custom functions load their bodies on their first call (function-bodies;
   * functions.js 6.5 → 0.5 KB). Lowered to 211 KB at 210.1 KB measured (215,133 bytes):
   * findLedger is apart from readLedger (core/ledger/findLedger.ts), and the reader loads with a
   * ledger's part of the check (check.js 31.6 → 26.9 KB). Next lever: the English messages
   * (~2.7 KB), loaded only for an English Excel. Raised to 214 KB at 213.0 KB measured (218,100
   * bytes) when the same day's reading work merged: amount cells holding words
   * (read/amountWords.ts), codes joined with names and last year's column groups (read/table.ts),
   * tables with no figures, 决算 titles and duplicate tables (rules/workbook/completeness.ts) add
   * 2.9 KB to the check before the first findings. Lowered to 184 KB at 183.0 KB measured (187,405
   * bytes) on its own branch: the step tabs and the findings' foldable sections are the pane's own
   * (StepTabs, Disclosure), not Fluent's TabList and Accordion, which brought tabster (Fluent's focus
   * manager, now loaded with the dialogs after the findings), the tabs' styles and a motion library
   * (taskpane.js 137.5 → 107.5 KB). Raised to 187 KB at 186.5 KB measured (190,934 bytes) when the
   * same day's work merged: the 增减 check of coded tables (rules/changeColumns.ts), columns with
   * figures under an empty caption, rates typed as text, tables of other documents (a government's
   * budget, an execution report, a list of items: read/otherDocuments.ts,
   * rules/workbook/otherDocuments.ts) and the 部分检查 status with its wording
   * (core/messages/coverage.ts) add 3.5 KB to the check.
   */
  test("loads at most 187 KB of gzipped JavaScript before the first findings", () => {
    const BEFORE_FIRST_FINDINGS = ["office-host", "engine"];
    // Loaded before the findings only for a workbook that needs them (see above).
    const WHEN_NEEDED = ["check-input-rules", "check-ledger", "previous-year"];
    const LATER = [
      ...WHEN_NEEDED,
      "content",
      "export-docx",
      "export-xlsx",
      "fixes",
      "function-bodies",
      "later-steps",
      "previous-reader",
      "sheet-writer",
    ];
    const stats = JSON.parse(fs.readFileSync(productionBuildStatsFile(), "utf8")) as {
      namedChunkGroups: Record<string, { assets: { name: string }[] }>;
    };
    const groups = stats.namedChunkGroups;
    expect(Object.keys(groups).sort()).toEqual(
      ["functions", "taskpane", ...BEFORE_FIRST_FINDINGS, ...LATER].sort()
    );
    const pageScripts = [...read("taskpane.html").matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)]
      .map((m) => m[1])
      .filter((src) => src !== OFFICE_JS);
    const files = new Set([
      ...pageScripts,
      ...BEFORE_FIRST_FINDINGS.flatMap((group) =>
        groups[group].assets.map((a) => a.name).filter((name) => name.endsWith(".js"))
      ),
    ]);
    expect([...files]).toEqual(
      expect.arrayContaining(["taskpane.js", "check.js", "office-host.js"])
    );
    const gzipped = [...files].reduce(
      (sum, file) => sum + gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 6 }).length,
      0
    );
    expect(gzipped).toBeLessThanOrEqual(187 * 1024);
  });

  test("ships decimal.js once: in the shared core, not again in the functions or the engine", () => {
    const decimalIn = fs
      .readdirSync(outDir)
      .filter((f) => f.endsWith(".js") && read(f).includes("[DecimalError] "));
    expect(decimalIn).toEqual(["core.js"]);
  });

  test("references nothing remote in its pages but office.js", () => {
    for (const page of ["taskpane.html", "functions.html"]) {
      const urls =
        read(page)
          .replace(CSP_META, "")
          .match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      expect(urls).toEqual([OFFICE_JS]);
    }
  });

  test("ships help.html as written: offline, no script, its Content-Security-Policy intact", () => {
    const help = read("help.html");
    expect(help).toBe(fs.readFileSync(path.join(ROOT, "src", "functions", "help.html"), "utf8"));
    expect(help.match(/https?:\/\/[^\s"'<>]+/g)).toBeNull();
    expect(help).not.toMatch(/<script\b/i);
    expect(help).toMatch(
      /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'none';/
    );
  });

  test("gives both pages the Content-Security-Policy, before any script, and no inline code", () => {
    const policies = ["taskpane.html", "functions.html"].map((page) => {
      const html = read(page);
      const meta = CSP_META.exec(html);
      expect({ page, policy: meta !== null }).toEqual({ page, policy: true });
      expect(meta!.index).toBeLessThan(html.indexOf("<script"));
      // Every script has a src, and no <style> has content: the policy would refuse them.
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
      expect(html.match(/<style[^>]*>[^<]+<\/style>/g) ?? []).toEqual([]);
      return meta![1];
    });
    expect(policies[1]).toBe(policies[0]);
    const directives = new Map(
      policies[0]
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values])
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", new URL(OFFICE_JS).origin]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(policies[0]).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test("rewrites every manifest URL to the deployment", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${PUBLIC_URL}taskpane.html`);
    expect(manifest).toContain(`${PUBLIC_URL}functions.json`);
    // Excel's support link and the get-started link open the help page the build writes.
    expect(manifest).toContain(`<SupportUrl DefaultValue="${PUBLIC_URL}help.html"/>`);
    expect(manifest).toContain(
      `<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${PUBLIC_URL}help.html"/>`
    );
    expect(manifest).toContain(`<AppDomain>${new URL(PUBLIC_URL).origin}</AppDomain>`);
  });

  test("keeps React out of the functions bundle", () => {
    const withLicenses = (bundle: string) =>
      [bundle, `${bundle}.LICENSE.txt`]
        .filter((f) => fs.existsSync(path.join(outDir, f)))
        .map(read)
        .join("\n");
    const taskpane = withLicenses("taskpane.js");
    // Everything functions.html loads: on opening, and on a function's first call.
    const functions = ["runtime.js", "functions.js", "core.js", "function-bodies.js"]
      .map(withLicenses)
      .join("\n");
    for (const marker of REACT_MARKERS) {
      expect(taskpane).toContain(marker);
      expect(functions).not.toContain(marker);
    }
    expect(functions).not.toMatch(/react\.production|react-dom|FluentProvider/);
  });
});
